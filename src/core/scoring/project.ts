import type { Problem } from '../../errors.js';
import type { RuleSet } from '../../model/rule-set.js';
import { describeRounding, num, round, sumExact } from '../rounding.js';
import { cleanFloat } from '../units.js';
import type { BoundProject } from './bind.js';
import { projectLabel } from './bind.js';
import { BUILTINS } from './builtins.js';
import { explain, finish, note, scoreIndicator } from './indicator.js';
import type { BudgetScore, IndicatorScore, ProjectScore, ScoreOptions, ScoringRules } from './types.js';
import { cachedPlanWeights, type WeightInput, type WeightPlan } from './weights.js';

const fmt = num;

/** Score one project: execution rate, every indicator, tier subtotals, total and grade. */
export function scoreProject(
  p: BoundProject,
  rules: ScoringRules,
  cache: Map<string, WeightPlan> = new Map(),
  opts: ScoreOptions = {},
): { score: ProjectScore; errors: Problem[] } {
  const r = rules.ruleSet;
  const quiet = opts.explain === false;
  const where = projectLabel(p.table);
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const plan = weightPlan(p, r, where, cache);
  errors.push(...plan.problems);

  const indicators = p.table.indicators.map((ind, i): IndicatorScore => {
    const bound = p.indicators[i] ?? { entry: { name: ind.name }, actual: null };
    const entry = bound.entry;
    const weight = plan.weights[i] ?? 0;
    const label = `${where} 第${i + 1}项指标“${ind.name}”`;
    const out = scoreIndicator({ indicator: ind, entry, actual: bound.actual, weight, where: label, quiet }, rules);
    // A missing actual was already reported when binding.
    if (out.errors.length > 0)
      errors.push(...out.errors.filter((e) => !(e.code === 'missing-actual' && bound.actual === null)));
    if (out.warnings.length > 0) warnings.push(...out.warnings);
    let score = out.ruleScore;
    let override: IndicatorScore['override'];
    if (entry.override) {
      if (!entry.override.reason) {
        warnings.push({
          code: 'override-without-reason',
          where: label,
          message: `评价人调整分 ${entry.override.score} 未说明理由，不予采用，按规则得分 ${out.ruleScore}`,
        });
      } else if (entry.override.score > weight) {
        errors.push({
          code: 'override-above-weight',
          where: label,
          message: `评价人调整分 ${entry.override.score} 超过该指标分值 ${weight}`,
        });
      } else {
        score = round(entry.override.score, r.rounding.indicator);
        override = { score, reason: entry.override.reason };
        const reason = entry.override.reason;
        note(out.explanation, () => `评价人调整为 ${fmt(score)} 分（规则得分 ${fmt(out.ruleScore)}），理由：${reason}`);
      }
    }
    if ((out.status === 'missed' || out.status === 'partial') && !entry.reason && out.errors.length === 0) {
      warnings.push({
        code: 'missed-without-reason',
        where: label,
        message: '未完成指标值，须填写偏差原因分析（reason）',
      });
    }
    const result: IndicatorScore = {
      no: i + 1,
      tier1: ind.tier1,
      tier2: ind.tier2,
      name: ind.name,
      target: ind.target,
      actual: bound.actual,
      status: out.status,
      weight,
      baseWeight: plan.base[i] ?? 0,
      ruleScore: out.ruleScore,
      score,
      explanation: out.explanation,
    };
    // Optional fields are set only when present (no temporary objects: this runs once per indicator).
    if (out.grade) result.grade = out.grade;
    if (override) result.override = override;
    if (entry.notApplicable) result.notApplicable = entry.notApplicable;
    if (entry.reason) result.reason = entry.reason;
    if (entry.remedy) result.remedy = entry.remedy;
    if (entry.evidence) result.evidence = entry.evidence;
    return result;
  });

  const budget = scoreBudget(p, r, rules, where, warnings, errors, quiet);
  const tiers = plan.tiers.map((t) => ({
    name: t.name,
    weight: t.weight,
    score: sumExact(indicators.filter((x) => x.tier1 === t.name).map((x) => x.score)),
  }));
  const sum = sumExact([budget.score, ...tiers.map((t) => t.score)]);
  const totalExplanation = quiet
    ? []
    : [
        `预算执行率 ${fmt(budget.score)} + ${tiers.map((t) => `${t.name} ${fmt(t.score)}`).join(' + ')} = ${fmt(sum)}`,
        ...plan.notes,
      ];
  let total = sum;
  if (r.totalCeiling.byExecutionRate && total > budget.rate * 100) {
    total = cleanFloat(budget.rate * 100);
    if (!quiet) totalExplanation.push(`总分不超过执行率×100 = ${fmt(total)}（${r.totalCeiling.source}）`);
  }
  const rounded = round(total, r.rounding.total);
  if (rounded !== total && !quiet)
    totalExplanation.push(`${describeRounding(r.rounding.total)}：${fmt(total)} → ${fmt(rounded)}`);
  const grade = gradeOf(rounded, r);
  const score: ProjectScore = {
    code: p.table.code,
    name: p.table.name,
    year: p.table.year,
    budget,
    tiers,
    indicators,
    total: rounded,
    grade,
    totalExplanation,
    ...(p.entry.achievement ? { achievement: p.entry.achievement } : {}),
    warnings,
  };
  return { score, errors };
}

export function gradeOf(total: number, r: RuleSet): string {
  const bands = [...r.grades.bands].sort((a, b) => b.min - a.min);
  return (bands.find((b) => total >= b.min) ?? bands[bands.length - 1])?.grade ?? '';
}

function scoreBudget(
  p: BoundProject,
  r: RuleSet,
  rules: ScoringRules,
  where: string,
  warnings: Problem[],
  errors: Problem[],
  quiet: boolean,
): BudgetScore {
  const b = p.entry.budget;
  const initial = b.initial ?? p.table.budget.total;
  const adjusted = b.adjusted ?? initial;
  const rule = r.execution;
  const weight = rule.weight;
  // Score from the exact rate; only the reported rate is rounded (no double rounding at a boundary).
  const exactRate = adjusted > 0 ? b.executed / adjusted : 0;
  const rate = round(exactRate, { decimals: 4, mode: 'half-up' });
  if (adjusted <= 0) errors.push({ code: 'budget-zero', where, message: '全年预算数为0，无法计算预算执行率' });
  const e = explain(
    'execution',
    'expr' in rule.formula ? rule.formula.expr : (BUILTINS[rule.formula.builtin]?.text ?? ''),
    rule.source,
    r,
    quiet,
  );
  e.inputs = { 全年预算数: adjusted, 全年执行数: b.executed, 执行率: rate, w: weight };
  note(
    e,
    () => `执行率 = ${fmt(b.executed)}/${fmt(adjusted)} = ${fmt(round(rate * 100, { decimals: 2, mode: 'half-up' }))}%`,
  );
  const cap = rule.cap;
  const share = cap === null ? exactRate : Math.min(exactRate, cap);
  if (cap !== null && rate > cap) note(e, () => `执行率超过 ${fmt(cap * 100)}%，按 ${fmt(cap * 100)}% 计`);
  let points = share * weight;
  if ('expr' in rule.formula) {
    const f = rules.formulas?.execution;
    if (f)
      points = f.evaluate({
        actual: b.executed,
        target: adjusted,
        weight,
        ratio: exactRate,
        inverse: exactRate === 0 ? 0 : 1 / exactRate,
        rate: exactRate,
        cap: weight,
      });
  }
  note(e, () => `得分 = ${fmt(share)}×${fmt(weight)} = ${fmt(points)}`);
  const { ruleScore } = finish(points, weight, rule.cap !== null, e, r);
  if (rule.explainBelow !== null && rate < rule.explainBelow && !b.reason) {
    warnings.push({
      code: 'execution-below',
      where,
      message: `预算执行率 ${fmt(round(rate * 100, { decimals: 2, mode: 'half-up' }))}% 低于 ${fmt(rule.explainBelow * 100)}%，须说明原因（budget.reason）`,
    });
  }
  return {
    initial,
    adjusted,
    executed: b.executed,
    rate,
    weight,
    score: ruleScore,
    ...(b.reason ? { reason: b.reason } : {}),
    explanation: e,
  };
}

/** The project's weight plan: 分值 stated in the actuals win over the goal table's; 不适用 from the actuals. */
function weightPlan(p: BoundProject, r: RuleSet, where: string, cache: Map<string, WeightPlan>): WeightPlan {
  const items: WeightInput[] = p.table.indicators.map((ind, i) => {
    const explicit = p.indicators[i]?.entry.weight ?? ind.weight;
    const item: WeightInput = { tier1: ind.tier1, notApplicable: Boolean(p.indicators[i]?.entry.notApplicable) };
    if (explicit !== undefined) item.explicit = explicit;
    return item;
  });
  return cachedPlanWeights(items, r, where, cache);
}
