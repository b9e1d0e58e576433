import { differenceInCalendarDays } from 'date-fns';
import type { Problem } from '../../errors.js';
import type { IndicatorActual, Likelihood } from '../../model/actuals.js';
import type { Indicator } from '../../model/goals.js';
import type { RuleSet } from '../../model/rule-set.js';
import type { Target } from '../../model/target.js';
import type { ActualValue } from '../actual.js';
import { round } from '../rounding.js';
import { compareUnits } from '../scoring/compare-units.js';
import { satisfies } from '../target/operators.js';
import { cleanFloat } from '../units.js';
import { calendarDate } from './plan.js';
import { type Status, statusOfGap } from './status.js';

export type PaceKind = 'cumulative' | 'level' | 'deadline' | 'qualitative';

export interface IndicatorPace {
  no: number;
  tier1: string;
  tier2: string;
  name: string;
  target: Target;
  kind: PaceKind;
  /** Where the indicator should be by now, in the target's unit (cumulative: target × 序时进度; level: target). */
  expected: number | null;
  actual: ActualValue | null;
  /** 全年预计完成值: a number in the target's unit, or a date for deadlines. */
  projected: number | string | null;
  daysLeft?: number;
  status: Status;
  suggestedLikelihood: Likelihood;
  likelihood: Likelihood;
  reason?: string;
  cause?: string;
  notApplicable?: string;
}

/** Counts that accrue over the year (检查企业 ≥1000家, 演练 ≥12场, 成本 ≤50万元) versus levels (rates, satisfaction). */
const ACCRUING_NAME = /数量|次数|个数|天数|人数|户数|场次|家数|件数/;

export function inferKind(ind: Indicator, entry: IndicatorActual): PaceKind {
  if (entry.kind) return entry.kind;
  const t = ind.target;
  if (t.direction === 'deadline') return 'deadline';
  // Two values in one cell have no single pace: the evaluator's grade or likelihood says how it stands.
  if (t.direction === 'qualitative' || t.direction === 'invalid' || t.direction === 'compound') return 'qualitative';
  if (t.direction === 'not-applicable') return 'qualitative';
  if (t.direction === 'equal' || t.dimension === 'percent') return 'level';
  if (t.dimension === 'count' || t.dimension === 'money' || ACCRUING_NAME.test(ind.name)) return 'cumulative';
  return 'level';
}

const SUGGESTED: Record<Status, Likelihood> = { green: '确定能', amber: '有可能', red: '完全不可能' };
const FROM_LIKELIHOOD: Record<Likelihood, Status> = { 确定能: 'green', 有可能: 'amber', 完全不可能: 'red' };
const FROM_GRADE = { 达成: 'green', 部分达成: 'amber', 未达成: 'red' } as const;

interface PaceInput {
  no: number;
  ind: Indicator;
  entry: IndicatorActual;
  actual: ActualValue | null;
  asOf: string;
  time: number;
  where: string;
}

/** How one indicator stands at the as-of date, and where it will end the year at this pace. */
export function indicatorPace(p: PaceInput, r: RuleSet, problems: Problem[]): IndicatorPace {
  const { ind, entry } = p;
  const kind = inferKind(ind, entry);
  const judged = judge(p, kind, r, problems);
  const base: IndicatorPace = {
    no: p.no,
    tier1: ind.tier1,
    tier2: ind.tier2,
    name: ind.name,
    target: ind.target,
    kind,
    expected: judged.expected,
    actual: p.actual,
    projected: judged.projected,
    status: judged.status,
    suggestedLikelihood: SUGGESTED[judged.status],
    likelihood: entry.likelihood ?? SUGGESTED[judged.status],
  };
  if (judged.daysLeft !== undefined) base.daysLeft = judged.daysLeft;
  if (entry.reason) base.reason = entry.reason;
  if (entry.cause) base.cause = entry.cause;
  return base;
}

interface Judged {
  expected: number | null;
  projected: number | string | null;
  status: Status;
  daysLeft?: number;
}

function judge(p: PaceInput, kind: PaceKind, r: RuleSet, problems: Problem[]): Judged {
  const t = p.ind.target;
  const { entry, actual } = p;
  if (kind === 'qualitative' || (entry.grade && actual?.kind !== 'number')) {
    const status = entry.grade ? FROM_GRADE[entry.grade] : entry.likelihood ? FROM_LIKELIHOOD[entry.likelihood] : null;
    if (!status) {
      problems.push({
        code: 'qualitative-status',
        where: p.where,
        message: '定性指标须填写完成等级或完成目标可能性',
      });
    }
    return { expected: null, projected: null, status: status ?? 'amber' };
  }
  if (t.direction === 'deadline') {
    if (actual?.kind === 'date')
      return { expected: null, projected: actual.date, status: t.date && actual.date <= t.date ? 'green' : 'red' };
    if (!t.date) return { expected: null, projected: null, status: 'amber' };
    const left = differenceInCalendarDays(calendarDate(t.date) as Date, calendarDate(p.asOf) as Date);
    return {
      expected: null,
      projected: left >= 0 ? t.date : null,
      status: left >= 0 ? 'green' : 'red',
      daysLeft: left,
    };
  }
  if (
    t.direction === 'qualitative' ||
    t.direction === 'invalid' ||
    t.direction === 'compound' ||
    t.direction === 'not-applicable' ||
    actual?.kind !== 'number'
  ) {
    problems.push({
      code: 'actual-not-number',
      where: p.where,
      message: `截至监控日的完成值“${actual?.raw ?? ''}”应为数值（指标值为 ${t.raw}）`,
    });
    return { expected: null, projected: null, status: 'amber' };
  }
  const units = compareUnits(t, actual, p.where);
  if (!units.ok) {
    problems.push({ code: units.code ?? 'unit-mismatch', where: p.where, message: units.message });
    return { expected: null, projected: null, status: 'amber' };
  }
  const a = t.direction === 'range' ? t.min : t.value;
  const four = (x: number) => round(x, { decimals: 4, mode: 'half-up' });
  // Outputs accrue with the calendar, not with the spending plan (a step plan would expect 25% on 06-29 and
  // 50% on 06-30), so both "by now" and the year-end projection use 序时进度: on pace ⇔ projected meets target.
  const expected = kind === 'cumulative' ? four(a * p.time) : a;
  const projected = kind === 'cumulative' && p.time > 0 ? four(units.value / p.time) : units.value;
  return { expected, projected, status: statusOf(t, projected, r) };
}

/**
 * Green (确定能) when the projection meets the target. Otherwise the shortfall of projected ÷ target (target ÷
 * projected for ≤) is lit with the rule set's own monitoring gaps: with national's −10/−20, a projection above 80%
 * of the target is amber (有可能), at or below 80% red (完全不可能). Local practice, no national threshold found
 * (domain-rules §2); the evaluator's `likelihood` overrides the suggestion.
 */
function statusOf(t: Extract<Target, { unit: string | null }>, b: number, r: RuleSet): Status {
  // Judged on the exact shortfall, not one rounded to 0.01 points first (no rule text rounds it).
  const short = (share: number) => worse(statusOfGap(cleanFloat((share - 1) * 100), r));
  if (t.direction === 'range') {
    if (b >= t.min && b <= t.max) return 'green';
    return short(b < t.min ? b / t.min : t.max / b);
  }
  const a = t.value;
  if (satisfies(t.op, b, a)) return 'green';
  return short(t.direction === 'reverse' ? (b === 0 ? 1 : a / b) : a === 0 ? 0 : b / a);
}

/** A projection that misses its target is at least amber. */
const worse = (s: Status): Status => (s === 'green' ? 'amber' : s);
