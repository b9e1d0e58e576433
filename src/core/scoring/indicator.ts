import type { Problem } from '../../errors.js';
import type { IndicatorActual, QualitativeGrade } from '../../model/actuals.js';
import type { Indicator } from '../../model/goals.js';
import type { Formula, RuleSet } from '../../model/rule-set.js';
import type { RangeTarget, Target } from '../../model/target.js';
import type { ActualValue } from '../actual.js';
import { describeRounding, num, round } from '../rounding.js';
import { satisfies } from '../target/operators.js';
import { cleanFloat } from '../units.js';
import { BUILTINS } from './builtins.js';
import { compareUnits } from './compare-units.js';
import type { Explanation, IndicatorStatus, ScoringRules } from './types.js';

export interface IndicatorInput {
  indicator: Indicator;
  entry: IndicatorActual;
  actual: ActualValue | null;
  weight: number;
  where: string;
  /** No step sentences (explain: false): the monitoring forecast needs the scores only. */
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
  if (entry.notApplicable) {
    const e = explain(
      'scoring.notApplicable',
      '不适用，不计分，分值按比例分摊',
      r.scoring.notApplicable.source,
      r,
      input.quiet,
    );
    note(e, () => `不适用：${entry.notApplicable}`);
    return { ruleScore: 0, status: 'not-applicable', explanation: e, errors: [], warnings: [] };
  }
  const fail = (message: string, code = 'cannot-score'): IndicatorOutcome => ({
    ruleScore: 0,
    status: 'missed',
    explanation: explain('-', '-', '-', r, input.quiet),
    errors: [{ code, where, message }],
    warnings: [],
  });
  if (target.direction === 'invalid') return fail(`${target.problem.message}，无法评分`, 'invalid-target');
  if (target.direction === 'qualitative') return scoreQualitative(input, r);
  // A number that cannot be measured (意识 ≥95% with no survey) may be judged by grade, and the report says so.
  if (entry.grade && (input.actual === null || input.actual.kind === 'text')) {
    const out = scoreQualitative(input, r);
    note(out.explanation, () => `指标值 ${target.raw} 为定量，未填写实测值，评价人按定性分档评价`, 'first');
    return out;
  }
  if (input.actual === null) return fail('缺少实际完成值', 'missing-actual');
  if (target.direction === 'deadline') return scoreDeadline(target, input, r);

  const actual = input.actual;
  if (actual.kind !== 'number') {
    return fail(`实际完成值“${actual.raw}”应为数值（指标值为 ${target.raw}）`, 'actual-not-number');
  }
  const units = compareUnits(target, actual, where);
  if (!units.ok) return fail(units.message, 'unit-mismatch');
  const kind: Kind = target.direction;
  const rule = r.scoring[kind];
  const a = target.direction === 'range' ? target.min : target.value;
  const b = units.value;
  const met = isMet(target, b);
  const e = explain(`scoring.${kind}`, formulaText(rule.formula), rule.source, r, input.quiet);
  e.inputs = { A: a, B: b, w: weight };
  if (units.unit) e.inputs.单位 = units.unit;
  if (units.note) note(e, () => units.note as string);
  let points: number;
  if ('expr' in rule.formula) {
    const expr = rule.formula.expr;
    const f = rules.formulas?.[`scoring.${kind}`];
    if (!f) return fail(`规则 scoring.${kind} 的自定义公式未编译`, 'formula');
    const scope = {
      actual: b,
      target: a,
      weight,
      ratio: a === 0 ? 0 : b / a,
      inverse: b === 0 ? 0 : a / b,
      rate: 0,
      cap: weight,
    };
    points = f.evaluate(scope);
    note(e, () => `${expr} = ${fmt(points)}`);
  } else {
    const builtin = BUILTINS[rule.formula.builtin];
    if (!builtin) return fail(`未知的内置公式“${rule.formula.builtin}”`, 'formula');
    const share = builtin.share(a, b, { max: (target as RangeTarget).max });
    points = share * weight;
    note(e, () => `${builtin.text}：A=${fmt(a)}，B=${fmt(b)}，w=${fmt(weight)} → ${fmt(points)}`);
  }
  if (met) note(e, () => `实际完成值 ${fmt(b)}${units.unit ?? ''} 达到指标值 ${target.raw}`, 'first');
  const outcome = finish(points, weight, rule.cap, e, r);
  const warnings = [...units.warnings];
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

function isMet(t: Exclude<Target, { direction: 'invalid' | 'qualitative' | 'deadline' }>, b: number): boolean {
  return t.direction === 'range' ? b >= t.min && b <= t.max : satisfies(t.op, b, t.value);
}

function scoreDeadline(target: Extract<Target, { direction: 'deadline' }>, input: IndicatorInput, r: RuleSet) {
  const { actual, weight, where } = input;
  const rule = r.scoring.deadline;
  const e = explain(
    'scoring.deadline',
    `按期完成得满分，逾期得${fmt(rule.lateShare * 100)}%`,
    rule.source,
    r,
    input.quiet,
  );
  const errors: Problem[] = [];
  if (target.date === null) errors.push({ code: 'deadline-year', where, message: `时限“${target.raw}”缺少年份` });
  if (actual?.kind !== 'date') {
    errors.push({ code: 'actual-not-date', where, message: `实际完成值“${actual?.raw}”应为完成日期（如 2025-11-20）` });
  }
  if (errors.length > 0 || actual?.kind !== 'date' || target.date === null) {
    return { ruleScore: 0, status: 'missed' as const, explanation: e, errors, warnings: [] };
  }
  const met = target.op === '<' ? actual.date < target.date : actual.date <= target.date;
  e.inputs = { 期限: target.date, 完成日期: actual.date, w: weight };
  note(
    e,
    () => `${actual.date} ${met ? '未超过' : '晚于'}期限 ${target.date}${target.op === '<' ? '（不含当日）' : ''}`,
  );
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
  const e = explain('scoring.qualitative', '定性指标：按完成等级在分档内由评价人打分', rule.source, r, input.quiet);
  let grade = entry.grade;
  if (!grade && actual?.kind === 'text') {
    grade = GRADE_WORDS.find(([re]) => re.test(actual.text))?.[1];
    if (grade) note(e, () => `实际完成值“${actual.raw}”视为“${grade}”`);
  }
  const fail = (message: string): IndicatorOutcome => ({
    ruleScore: 0,
    status: 'missed',
    explanation: e,
    errors: [{ code: 'qualitative', where, message }],
    warnings: [],
  });
  if (!grade) return fail(`定性指标须填写完成等级 grade（${rule.bands.map((b) => b.grade).join(' / ')}）`);
  const band = rule.bands.find((b) => b.grade === grade);
  if (!band) return fail(`完成等级“${grade}”不在规则集的分档中`);
  const top = band.max >= 1;
  const lo = round(band.min * weight, { decimals: 2, mode: 'half-up' });
  const hi = cleanFloat(band.max * weight);
  const bandText = `${fmt(lo)}（含）–${fmt(hi)}${top ? '（含）' : ''}`;
  e.inputs = { 等级: grade, w: weight, 分档: bandText };
  let score = entry.score;
  if (score === undefined) {
    if (!top) return fail(`完成等级为“${grade}”时须在 ${bandText} 分之间填写得分 score`);
    score = weight;
    note(e, () => `“${grade}”未填写得分，按该档上限 ${fmt(weight)} 分计`);
  } else {
    const given = score;
    note(e, () => `评价人在“${band.label}”档（${bandText}分）内打分 ${fmt(given)}`);
  }
  if (score < lo - 1e-9 || (top ? score > hi + 1e-9 : score >= hi - 1e-9)) {
    return fail(`得分 ${fmt(score)} 不在“${grade}”的分档 ${bandText} 分之内`);
  }
  const outcome = finish(score, weight, true, e, r);
  const status: IndicatorStatus = grade === '达成' ? 'met' : grade === '部分达成' ? 'partial' : 'missed';
  return { ...outcome, status, grade, errors: [], warnings: [] };
}

function formulaText(f: Formula): string {
  return 'expr' in f ? f.expr : (BUILTINS[f.builtin]?.text ?? f.builtin);
}

/** Shared by every quiet explanation; frozen, so a step pushed around note() fails loudly. */
const NO_STEPS: string[] = Object.freeze([]) as unknown as string[];

export function explain(rule: string, formula: string, source: string, r: RuleSet, quiet = false): Explanation {
  return {
    rule,
    formula,
    source,
    inputs: {},
    steps: quiet ? NO_STEPS : [],
    unrounded: 0,
    capped: false,
    rounding: describeRounding(r.rounding.indicator),
  };
}

/** Add a step sentence, built only when the explanation is not quiet (the sentences cost more than the score). */
export function note(e: Explanation, sentence: () => string, at: 'first' | 'last' = 'last'): void {
  if (e.steps === NO_STEPS) return;
  if (at === 'first') e.steps.unshift(sentence());
  else e.steps.push(sentence());
}

/** Cap at the weight (when the rule says so), clamp at 0, round as the rule set says. */
export function finish(points: number, weight: number, cap: boolean, e: Explanation, r: RuleSet) {
  const unrounded = cleanFloat(Math.max(0, points));
  const capped = cap && unrounded > weight;
  // Rounding must not lift a capped score above its weight (12.5 rounded to an integer is 13).
  let score = round(capped ? weight : unrounded, r.rounding.indicator);
  if (cap && score > weight) score = weight;
  e.unrounded = unrounded;
  e.capped = capped;
  if (capped) note(e, () => `超过分值，按分值 ${fmt(weight)} 封顶`);
  if (score !== unrounded && !capped)
    note(e, () => `${describeRounding(r.rounding.indicator)}：${fmt(unrounded)} → ${fmt(score)}`);
  return { ruleScore: score, explanation: e };
}
