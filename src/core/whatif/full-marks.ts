import type { IndicatorActual } from '../../model/actuals.js';
import type { Indicator } from '../../model/goals.js';
import type { ActualValue } from '../actual.js';
import { num } from '../rounding.js';
import { scoreIndicator } from '../scoring/indicator.js';
import type { ScoringRules } from '../scoring/types.js';
import { isMeasured } from '../target/compound.js';

/** The actual that gives an indicator its full 分值, found with the rule set's own formula. */
export type FullMarks =
  /** Any value at least (`>=`) or at most (`<=`) this one, in the target's unit. */
  | { kind: 'number'; op: '>=' | '<=' | '='; value: number; unit: string | null; text: string }
  | { kind: 'date'; op: '<=' | '<'; date: string; text: string }
  | { kind: 'grade'; grade: '达成'; score: number; text: string }
  /** No actual reaches full marks under this rule set (or the target cannot be scored). */
  | { kind: 'none'; text: string };

type Numeric = Extract<Indicator['target'], { value: number } | { min: number }>;

/** The grid an answer is stated on: whole units for counts and days, else two decimals (or the target's). */
export function stepOf(target: Numeric): number {
  const a = 'value' in target ? target.value : target.min;
  const decimals = (String(a).split('.')[1] ?? '').length;
  const whole = target.dimension === 'count' || target.unit === '天' || target.unit === '次';
  return 10 ** -Math.max(decimals, whole ? 0 : 2);
}

/**
 * Points for the actual `b` (in the target's unit) under the rule set, before rounding: the engine's own score.
 * Before rounding, so that 98.97% against ≥99% (12.4962, shown as 12.50) does not count as full marks.
 */
export function pointsAt(indicator: Indicator, weight: number, b: number, rules: ScoringRules): number {
  const target = indicator.target as Numeric;
  const actual: ActualValue = { raw: String(b), kind: 'number', value: b, unit: target.unit };
  const entry: IndicatorActual = { name: indicator.name, actual: b };
  const out = scoreIndicator({ indicator, entry, actual, weight, where: '', quiet: true }, rules);
  return out.explanation.capped ? weight : out.explanation.unrounded;
}

const MAX_STEPS = 2 ** 40;

/**
 * Per indicator, the actual that earns full marks. Numbers are searched on the answer's grid with the engine's
 * score, so a custom formula, a cap or an uncapped rule set gives its own answer: for a positive target the
 * smallest such actual, for a reverse one the largest.
 */
export function fullMarks(indicator: Indicator, weight: number, rules: ScoringRules): FullMarks {
  const t = indicator.target;
  if (t.direction === 'invalid') return { kind: 'none', text: '指标值无法识别，无法测算' };
  if (t.direction === 'not-applicable') return { kind: 'none', text: '不适用，不计分' };
  if (t.direction === 'compound') {
    // Full marks only when every measured part has its own: "不低于 500人次，且不低于 95%".
    const each = t.parts
      .filter(isMeasured)
      .map((part) => fullMarks({ ...indicator, target: part }, weight, rules).text);
    return { kind: 'none', text: each.join('，且') };
  }
  if (t.direction === 'qualitative') {
    return { kind: 'grade', grade: '达成', score: weight, text: `完成等级“达成”，得分 ${num(weight)}` };
  }
  if (t.direction === 'deadline') {
    if (t.date === null) return { kind: 'none', text: '时限缺少年份，无法测算' };
    return { kind: 'date', op: t.op, date: t.date, text: `${t.op === '<' ? '早于' : '不晚于'} ${t.date} 完成` };
  }
  const step = stepOf(t);
  const full = (k: number) => pointsAt(indicator, weight, k * step, rules) >= weight - 1e-9;
  const unit = t.unit ?? '';
  const say = (op: '>=' | '<=' | '=', k: number) => {
    const value = Number((k * step).toFixed(10));
    const words = op === '>=' ? '不低于' : op === '<=' ? '不高于' : '等于';
    return { kind: 'number' as const, op, value, unit: t.unit, text: `${words} ${num(value)}${unit}` };
  };
  const a = Math.round((t.direction === 'range' ? t.min : t.value) / step);
  if (t.direction === 'reverse') {
    // The largest actual still at full marks: from A upwards while it holds, else down towards 0.
    if (!full(a)) {
      if (!full(0)) return { kind: 'none', text: '按本规则集的公式，任何实际完成值都得不到满分' };
      return say('<=', lastTrue(0, a, full));
    }
    let hi = Math.max(1, a * 2);
    while (full(hi) && hi < MAX_STEPS) hi *= 2;
    return say('<=', lastTrue(a, hi, full));
  }
  // Positive, equal and range: the smallest actual at full marks.
  if (full(a)) {
    if (t.direction === 'equal') return say('=', a);
    return say('>=', firstTrue(0, a, full));
  }
  let hi = Math.max(1, a * 2);
  while (!full(hi) && hi < MAX_STEPS) hi *= 2;
  if (!full(hi)) return { kind: 'none', text: '按本规则集的公式，任何实际完成值都得不到满分' };
  return say('>=', firstTrue(a, hi, full));
}

/** Smallest k in [lo, hi] with ok(k), given ok(hi) and ok monotone rising. */
export function firstTrue(lo: number, hi: number, ok: (k: number) => boolean): number {
  if (ok(lo)) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Largest k in [lo, hi] with ok(k), given ok(lo) and ok monotone falling. */
function lastTrue(lo: number, hi: number, ok: (k: number) => boolean): number {
  if (ok(hi)) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
