import { type Problem, UserError } from '../../errors.js';
import type { IndicatorActual, QualitativeGrade } from '../../model/actuals.js';
import type { Indicator } from '../../model/goals.js';
import type { RuleSet } from '../../model/rule-set.js';
import type { RangeTarget, Target } from '../../model/target.js';
import type { ActualValue } from '../actual.js';
import { num, round } from '../rounding.js';
import { notApplicableReason } from '../target/compound.js';
import { satisfies } from '../target/operators.js';
import { cleanFloat } from '../units.js';
import { BUILTINS } from './builtins.js';
import { compareUnits } from './compare-units.js';
import { scoreCompound } from './compound.js';
import type { FormulaRef, RuleSource, Step } from './steps.js';
import type { Explanation, FormulaScope, IndicatorStatus, ScoringRules } from './types.js';
import { scoreZeroTarget } from './zero.js';

export interface IndicatorInput {
  indicator: Indicator;
  entry: IndicatorActual;
  actual: ActualValue | null;
  weight: number;
  where: string;
  /** No explanation steps (explain: false): the monitoring forecast needs the scores only. */
  quiet?: boolean;
}

export interface IndicatorOutcome {
  ruleScore: number;
  status: IndicatorStatus;
  grade?: QualitativeGrade;
  explanation: Explanation;
  errors: Problem[];
  warnings: Problem[];
}

type Kind = 'positive' | 'reverse' | 'equal' | 'range';
const fmt = num;

/** Score one indicator by the rule set; errors (no score possible) and warnings are returned, not thrown. */
export function scoreIndicator(input: IndicatorInput, rules: ScoringRules): IndicatorOutcome {
  const { indicator, entry, weight, where } = input;
  const target = indicator.target;
  const r = rules.ruleSet;
  if (entry.notApplicable || target.direction === 'not-applicable') {
    const e = explain(
      'scoring.notApplicable',
      { notApplicable: r.scoring.notApplicable.method },
      r.scoring.notApplicable.source,
      r,
      input.quiet,
    );
    const reason = entry.notApplicable ?? notApplicableReason(target.raw);
    note(e, () => ({ kind: 'not-applicable', reason }));
    return { ruleScore: 0, status: 'not-applicable', explanation: e, errors: [], warnings: [] };
  }
  const fail = (message: string, code = 'cannot-score'): IndicatorOutcome => ({
    ruleScore: 0,
    status: 'invalid',
    explanation: unscored(r, input.quiet),
    errors: [{ code, where, message }],
    warnings: [],
  });
  if (target.direction === 'invalid') return fail(`${target.problem.message}，无法评分`, 'invalid-target');
  if (target.direction === 'qualitative') return scoreQualitative(input, r);
  // A number that cannot be measured (意识 ≥95% with no survey) may be judged by grade, and the report says so.
  if (entry.grade && (input.actual === null || input.actual.kind === 'text')) {
    const out = scoreQualitative(input, r);
    note(out.explanation, () => ({ kind: 'graded-quantitative', target: target.raw }), 'first');
    return out;
  }
  if (input.actual === null) return fail('缺少实际完成值', 'missing-actual');
  if (target.direction === 'deadline') return scoreDeadline(target, input, r);
  if (target.direction === 'compound') return scoreCompound(target, input, rules, scoreIndicator);

  const actual = input.actual;
  if (actual.kind !== 'number') {
    return fail(`实际完成值“${actual.raw}”应为数值（指标值为 ${target.raw}）`, 'actual-not-number');
  }
  const units = compareUnits(target, actual, where);
  if (!units.ok) return fail(units.message, units.code ?? 'unit-mismatch');
  const kind: Kind = target.direction;
  const rule = r.scoring[kind];
  const a = target.direction === 'range' ? target.min : target.value;
  const b = units.value;
  const met = isMet(target, b);
  // "=0万元/人", "≤0起": A÷B and B÷A mean nothing at A = 0, whatever the formula; the rule set's own rule applies.
  if (a === 0 && (kind === 'reverse' || kind === 'equal')) return scoreZeroTarget(target, input, units, r);
  const e = explain(`scoring.${kind}`, rule.formula, rule.source, r, input.quiet);
  e.inputs = { A: a, B: b, w: weight };
  if (units.unit) e.inputs.unit = units.unit;
  const converted = units.converted;
  if (converted) note(e, () => converted);
  let points: number;
  if ('expr' in rule.formula) {
    const expr = rule.formula.expr;
    const f = rules.formulas?.[`scoring.${kind}`];
    if (!f) return fail(`规则 scoring.${kind} 的自定义公式未编译`, 'formula');
    // A ratio with no meaning (a 0 divisor) is left out, and so is rate (no 执行率 in an indicator's formula).
    const scope: FormulaScope = { actual: b, target: a, weight, cap: weight };
    if (a !== 0) scope.ratio = b / a;
    if (b !== 0) scope.inverse = a / b;
    let result: number;
    try {
      result = f.evaluate(scope);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return fail(err.problems.map((p) => `${p.message}（${p.where}）`).join('；'), 'formula');
    }
    points = result;
    note(e, () => ({ kind: 'custom-formula', expr, result: cleanFloat(result) }));
  } else {
    const id = rule.formula.builtin;
    const builtin = BUILTINS[id];
    if (!builtin) return fail(`未知的内置公式“${id}”`, 'formula');
    const share = builtin.share(a, b, { max: (target as RangeTarget).max });
    const result = share * weight;
    points = result;
    note(e, () => ({ kind: 'formula', builtin: id, a, b, w: weight, result: cleanFloat(result) }));
  }
  if (met) note(e, () => ({ kind: 'met', actual: b, unit: units.unit, target: target.raw }), 'first');
  if (target.direction !== 'range' && target.implicitOp && target.op !== '<' && target.op !== '>') {
    const op = target.op;
    note(e, () => ({ kind: 'operator-inferred', op, cost: target.asCost === true }), 'first');
  }
  if (target.unitFromName && target.unit) {
    const unit = target.unit;
    note(e, () => ({ kind: 'unit-from-name', unit }), 'first');
  }
  const outcome = finish(points, weight, rule.cap, e, r);
  const warnings = [...units.warnings];
  if (outcome.aboveWeight) {
    warnings.push({
      code: 'above-weight',
      where,
      message: `得分 ${fmt(outcome.ruleScore)} 超过该指标分值 ${fmt(weight)}：本规则集规定此类指标不封顶，请确认`,
    });
  }
  if (actual.bound) {
    warnings.push({
      code: 'actual-is-bound',
      where,
      message: `实际完成值“${actual.raw}”写成了范围，按 ${fmt(actual.value)}${actual.unit ?? ''} 计分；请填写实际测得的数值`,
    });
  }
  const explainAt = r.scoring.overAchievement.explainAt;
  if (explainAt !== null && kind === 'positive' && a > 0 && b >= explainAt * a && !entry.reason) {
    warnings.push({
      code: 'over-achievement',
      where,
      message: `实际完成值是指标值的${fmt(round((b / a) * 100, { decimals: 1, mode: 'half-up' }))}%（≥${fmt(explainAt * 100)}%），须说明原因（指标值是否偏低）`,
    });
  }
  return {
    ruleScore: outcome.ruleScore,
    explanation: outcome.explanation,
    status: met ? 'met' : 'missed',
    errors: [],
    warnings,
  };
}

type Numeric = Exclude<Target, { direction: 'invalid' | 'qualitative' | 'deadline' | 'not-applicable' | 'compound' }>;

function isMet(t: Numeric, b: number): boolean {
  return t.direction === 'range' ? b >= t.min && b <= t.max : satisfies(t.op, b, t.value);
}

function scoreDeadline(target: Extract<Target, { direction: 'deadline' }>, input: IndicatorInput, r: RuleSet) {
  const { actual, weight, where } = input;
  const rule = r.scoring.deadline;
  const e = explain('scoring.deadline', { deadline: { lateShare: rule.lateShare } }, rule.source, r, input.quiet);
  const errors: Problem[] = [];
  if (target.date === null) errors.push({ code: 'deadline-year', where, message: `时限“${target.raw}”缺少年份` });
  if (actual?.kind !== 'date') {
    errors.push({ code: 'actual-not-date', where, message: `实际完成值“${actual?.raw}”应为完成日期（如 2025-11-20）` });
  }
  if (errors.length > 0 || actual?.kind !== 'date' || target.date === null) {
    return { ruleScore: 0, status: 'invalid' as const, explanation: e, errors, warnings: [] };
  }
  const met = target.op === '<' ? actual.date < target.date : actual.date <= target.date;
  const deadline = target.date;
  e.inputs = { deadline, completed: actual.date, w: weight };
  note(e, () => ({ kind: 'deadline', completed: actual.date, deadline, met, exclusive: target.op === '<' }));
  const outcome = finish(met ? weight : rule.lateShare * weight, weight, true, e, r);
  return { ...outcome, status: met ? ('met' as const) : ('missed' as const), errors: [], warnings: [] };
}

const GRADE_WORDS: [RegExp, QualitativeGrade][] = [
  [/未达|未完成|没有|^否$|较差|不合格|未实现/, '未达成'],
  [/基本|部分|一定|大部分|接近/, '部分达成'],
  [/达成|达到|完成|^是$|合格|明显|显著|良好|满意|提高|提升|实现|符合|有效/, '达成'],
];

function scoreQualitative(input: IndicatorInput, r: RuleSet): IndicatorOutcome {
  const { entry, actual, weight, where } = input;
  const rule = r.scoring.qualitative;
  const e = explain('scoring.qualitative', { qualitative: true }, rule.source, r, input.quiet);
  let grade = entry.grade;
  if (!grade && actual?.kind === 'text') {
    const read = GRADE_WORDS.find(([re]) => re.test(actual.text))?.[1];
    grade = read;
    if (read) note(e, () => ({ kind: 'grade-from-text', actual: actual.raw, grade: read }));
  }
  // The grade is kept on a failure: a reviewer may still score the grade alone.
  const fail = (message: string): IndicatorOutcome => ({
    ruleScore: 0,
    status: 'invalid',
    explanation: e,
    errors: [{ code: 'qualitative', where, message }],
    warnings: [],
    ...(grade ? { grade } : {}),
  });
  if (!grade) return fail(`定性指标须填写完成等级（${rule.bands.map((b) => b.grade).join(' / ')}）`);
  const band = rule.bands.find((b) => b.grade === grade);
  if (!band) return fail(`完成等级“${grade}”不在规则集的分档中`);
  const top = band.max >= 1;
  const lo = round(band.min * weight, { decimals: 2, mode: 'half-up' });
  const hi = cleanFloat(band.max * weight);
  const bandText = `${fmt(lo)}（含）–${fmt(hi)}${top ? '（含）' : ''}`;
  e.inputs = { grade, w: weight, band: { min: lo, max: hi, maxIncluded: top } };
  let score = entry.score;
  if (score === undefined) {
    if (!top) return fail(`完成等级为“${grade}”时须在 ${bandText} 分之间填写得分`);
    score = weight;
    const g = grade;
    note(e, () => ({ kind: 'grade-top', grade: g, score: weight }));
  } else {
    const given = score;
    note(e, () => ({ kind: 'grade-score', label: band.label, min: lo, max: hi, maxIncluded: top, score: given }));
  }
  if (score < lo - 1e-9 || (top ? score > hi + 1e-9 : score >= hi - 1e-9)) {
    return fail(`得分 ${fmt(score)} 不在“${grade}”的分档 ${bandText} 分之内`);
  }
  const outcome = finish(score, weight, true, e, r);
  const status: IndicatorStatus = grade === '达成' ? 'met' : grade === '部分达成' ? 'partial' : 'missed';
  return { ...outcome, status, grade, errors: [], warnings: [] };
}

/** Shared by every quiet explanation; frozen, so a step pushed around note() fails loudly. */
const NO_STEPS: Step[] = Object.freeze([]) as unknown as Step[];

export function explain(rule: string, formula: FormulaRef, source: RuleSource, r: RuleSet, quiet = false): Explanation {
  return {
    rule,
    formula,
    source,
    inputs: {},
    steps: quiet ? NO_STEPS : [],
    unrounded: 0,
    capped: false,
    rounding: r.rounding.indicator,
  };
}

/** Placeholder while building an unscored explanation; replaced by null below. */
const NOT_SCORED: RuleSource = { basis: '本工具约定', cite: [], note: '未评分' };

/** The explanation of a result no rule was applied to (unfilled, or what was entered cannot be scored). */
export function unscored(r: RuleSet, quiet = false): Explanation {
  return { ...explain('', { notApplicable: null }, NOT_SCORED, r, quiet), rule: null, formula: null, source: null };
}

/** Add a step, built only when the explanation is not quiet (explain: false skips the work). */
export function note(e: Explanation, step: () => Step, at: 'first' | 'last' = 'last'): void {
  if (e.steps === NO_STEPS) return;
  if (at === 'first') e.steps.unshift(step());
  else e.steps.push(step());
}

/**
 * Cap at the weight (when the rule says so), set a negative result to 0, round as the rule set says; each of
 * them a step. `aboveWeight`: the score exceeds the weight because the rule does not cap (the caller warns).
 */
export function finish(points: number, weight: number, cap: boolean, e: Explanation, r: RuleSet) {
  const unrounded = cleanFloat(Math.max(0, points));
  if (points < 0) note(e, () => ({ kind: 'floor-zero', from: cleanFloat(points) }));
  const capped = cap && unrounded > weight;
  // Rounding must not lift a capped score above its weight (12.5 rounded to an integer is 13).
  let score = round(capped ? weight : unrounded, r.rounding.indicator);
  if (cap && score > weight) score = weight;
  e.unrounded = unrounded;
  e.capped = capped;
  if (capped) note(e, () => ({ kind: 'cap', weight }));
  if (score !== unrounded && !capped)
    note(e, () => ({ kind: 'rounding', rounding: r.rounding.indicator, from: unrounded, to: score }));
  const aboveWeight = !cap && score > weight;
  if (aboveWeight) note(e, () => ({ kind: 'above-weight', weight, score }));
  return { ruleScore: score, explanation: e, aboveWeight };
}
