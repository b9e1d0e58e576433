import type { Problem } from '../../errors.js';
import type { RuleSet } from '../../model/rule-set.js';
import { num, round, sumExact } from '../rounding.js';
import { type AppliedValue, ruleSetForYear } from '../rules/dated.js';
import { cleanFloat } from '../units.js';
import type { BoundProject } from './bind.js';
import { projectLabel } from './bind.js';
import { scoreBudget } from './budget.js';
import { note, scoreIndicator, unscored } from './indicator.js';
import type { Step } from './steps.js';
import type { BudgetScore, Incomplete, IndicatorScore, ProjectScore, ScoreOptions, ScoringRules } from './types.js';
import { cachedPlanWeights, type WeightInput, type WeightPlan } from './weights.js';

const fmt = num;
/** The full score (百分制). */
const FULL = 100;

/**
 * Score one project: execution rate, every indicator, tier subtotals, total and grade. What cannot be scored
 * (unfilled, invalid) counts 0 and marks the project incomplete; its problems stay on the row they belong to.
 */
export function scoreProject(
  p: BoundProject,
  given: ScoringRules,
  cache: Map<string, WeightPlan> = new Map(),
  opts: ScoreOptions = {},
): ProjectScore {
  // The rule set as it stood for the goal table's year (values dated by year, see core/rules/dated.ts).
  const { ruleSet: r, applied } = ruleSetForYear(given.ruleSet, p.table.year);
  const rules = r === given.ruleSet ? given : { ...given, ruleSet: r };
  const quiet = opts.explain === false;
  const where = projectLabel(p.table);
  const warnings: Problem[] = [];
  const plan = weightPlan(p, r, where, cache);
  const own = [...p.problems, ...plan.problems];

  const indicators = p.table.indicators.map((ind, i): IndicatorScore => {
    const bound = p.indicators[i] ?? { entry: { name: ind.name }, actual: null };
    const entry = bound.entry;
    const weight = plan.weights[i] ?? 0;
    const label = `${where} 第${i + 1}项指标“${ind.name}”`;
    // Not scored: what was entered does not read, or nothing is entered yet (a wholly unfilled project is said
    // once). A target that cannot be read is said even before the row is filled in.
    const badTarget = ind.target.direction === 'invalid';
    const unfilled = bound.unfilled || (p.unfilled && !entry.notApplicable);
    const skip = bound.invalid ? 'invalid' : unfilled && !badTarget ? 'unfilled' : null;
    const out = skip
      ? null
      : scoreIndicator({ indicator: ind, entry, actual: bound.actual, weight, where: label, quiet }, rules);
    if (out && out.warnings.length > 0) warnings.push(...out.warnings);
    const problems = bound.invalid
      ? [bound.invalid]
      : bound.unfilled
        ? [...(out?.errors ?? []), bound.unfilled]
        : (out?.errors ?? []);
    const status = skip ?? (problems.length > 0 ? 'invalid' : (out?.status ?? 'invalid'));
    const ruleScore = status === 'invalid' ? 0 : (out?.ruleScore ?? 0);
    const result: IndicatorScore = {
      no: i + 1,
      tier1: ind.tier1,
      tier2: ind.tier2,
      name: ind.name,
      target: ind.target,
      actual: bound.actual,
      status,
      weight,
      baseWeight: plan.base[i] ?? 0,
      ruleScore,
      score: ruleScore,
      explanation: out?.explanation ?? unscored(r, quiet),
      problems,
    };
    // Optional fields are set only when present (no temporary objects: this runs once per indicator).
    if (out?.grade) result.grade = out.grade;
    if (entry.notApplicable) result.notApplicable = entry.notApplicable;
    if (entry.reason) result.reason = entry.reason;
    if (entry.remedy) result.remedy = entry.remedy;
    if (entry.evidence) result.evidence = entry.evidence;
    if (status === 'unfilled' || status === 'invalid') return result;
    if (entry.override) applyOverride(result, entry.override, label, r, warnings);
    const missed = result.status === 'missed' || result.status === 'partial';
    if (missed && !entry.reason) {
      warnings.push({ code: 'missed-without-reason', where: label, message: '未完成指标值，须填写偏差原因分析' });
    }
    const unrounded = result.explanation.unrounded;
    if (missed && !result.override && result.score >= weight && unrounded < weight) {
      // Integer rounding (hebei-integer) can give a missed target its full weight: a reviewer should know.
      warnings.push({
        code: 'rounded-to-full',
        where: label,
        message: `未完成指标值，得分 ${fmt(unrounded)} 经舍入记为满分 ${fmt(weight)}`,
      });
    }
    return result;
  });

  const budget = scoreBudget(p, r, rules, where, warnings, quiet);
  const tiers = plan.tiers.map((t) => ({
    name: t.name,
    weight: t.weight,
    score: sumExact(indicators.filter((x) => x.tier1 === t.name).map((x) => x.score)),
  }));
  const sum = sumExact([budget.score, ...tiers.map((t) => t.score)]);
  const totalExplanation: Step[] = quiet
    ? []
    : [
        { kind: 'total-sum', budget: budget.score, tiers: tiers.map((t) => ({ name: t.name, score: t.score })), sum },
        ...plan.notes,
        ...datedSteps(applied, (rule) => isTotalRule(rule) && concerns(rule, r, plan.tiers)),
      ];
  if (!quiet && applied.length > 0) noteDated(applied, budget, indicators);
  let total = sum;
  if (plan.dropped > 0) {
    // 不适用 over the whole score: "用适用指标得分汇总后按百分制折算" — the applicable points scaled to 100.
    const applicable = sumExact([FULL, -plan.dropped]);
    total = applicable > 0 ? cleanFloat((sum * FULL) / applicable) : 0;
    if (!quiet) totalExplanation.push({ kind: 'whole-score-scaled', sum, applicable, full: FULL, total });
  }
  if (r.totalCeiling.byExecutionRate && budget.state === 'scored' && total > budget.rate * 100) {
    total = cleanFloat(budget.rate * 100);
    if (!quiet)
      totalExplanation.push({
        kind: 'total-ceiling',
        ceiling: total,
        rule: 'totalCeiling',
        source: r.totalCeiling.source,
      });
  }
  const rounded = round(total, r.rounding.total);
  if (rounded !== total && !quiet)
    totalExplanation.push({ kind: 'rounding', rounding: r.rounding.total, from: total, to: rounded });
  if (rounded > FULL) {
    warnings.push({
      code: 'total-above-full',
      where,
      message: `总分 ${fmt(rounded)} 超过 100 分：规则集“${r.label}”超额完成加分不封顶，总分照计`,
    });
  }
  const incomplete = incompleteOf(indicators, budget, own.length);
  const problems = [...own, ...budget.problems, ...indicators.flatMap((i) => i.problems)];
  const score: ProjectScore = {
    code: p.table.code,
    ...(p.table.codeGenerated ? { codeGenerated: true as const } : {}),
    name: p.table.name,
    year: p.table.year,
    budget,
    tiers,
    indicators,
    total: rounded,
    grade: incomplete ? null : gradeOf(rounded, r),
    incomplete,
    totalExplanation,
    ...(p.entry.achievement ? { achievement: p.entry.achievement } : {}),
    problems,
    warnings,
  };
  return score;
}

function incompleteOf(indicators: IndicatorScore[], budget: BudgetScore, project: number): Incomplete | null {
  let unfilled = 0;
  let invalid = 0;
  for (const i of indicators) {
    if (i.status === 'unfilled') unfilled++;
    else if (i.status === 'invalid') invalid++;
  }
  const b = budget.state === 'scored' ? null : budget.state;
  return unfilled + invalid + project === 0 && b === null ? null : { unfilled, invalid, budget: b, project };
}

/** The evaluator's override counts only with a written reason and within the weight. */
function applyOverride(
  result: IndicatorScore,
  override: { score: number; reason?: string | undefined },
  label: string,
  r: RuleSet,
  warnings: Problem[],
): void {
  if (!override.reason) {
    warnings.push({
      code: 'override-without-reason',
      where: label,
      message: `评价人调整分 ${override.score} 未说明理由，不予采用，按规则得分 ${result.ruleScore}`,
    });
  } else if (override.score > result.weight) {
    result.status = 'invalid';
    result.score = 0;
    result.ruleScore = 0;
    result.problems = [];
    result.problems.push({
      code: 'override-above-weight',
      where: label,
      message: `评价人调整分 ${override.score} 超过该指标分值 ${result.weight}`,
    });
  } else {
    const score = round(override.score, r.rounding.indicator);
    const reason = override.reason;
    result.score = score;
    result.override = { score, reason };
    const ruleScore = result.ruleScore;
    note(result.explanation, () => ({ kind: 'override', score, ruleScore, reason }));
  }
}

export function gradeOf(total: number, r: RuleSet): string {
  const bands = [...r.grades.bands].sort((a, b) => b.min - a.min);
  return (bands.find((b) => total >= b.min) ?? bands[bands.length - 1])?.grade ?? '';
}

/** The project's weight plan: 分值 stated in the actuals win over the goal table's; 不适用 from the actuals. */
function weightPlan(p: BoundProject, r: RuleSet, where: string, cache: Map<string, WeightPlan>): WeightPlan {
  const items: WeightInput[] = p.table.indicators.map((ind, i) => {
    const explicit = p.indicators[i]?.entry.weight ?? ind.weight;
    const item: WeightInput = {
      tier1: ind.tier1,
      notApplicable: Boolean(p.indicators[i]?.entry.notApplicable),
      name: ind.name,
    };
    if (explicit !== undefined) item.explicit = explicit;
    return item;
  });
  return cachedPlanWeights(items, r, where, cache, p.table.tierWeights);
}

const isTotalRule = (rule: string) => !rule.startsWith('scoring.') && !rule.startsWith('execution.');

/** 一级成本指标's dated carve-out concerns only a table that has such a tier; other dated values every table. */
function concerns(rule: string, r: RuleSet, tiers: readonly { name: string }[]): boolean {
  if (rule !== 'tiers.whenPresent') return true;
  const entries = r.dated?.find((d) => d.path.join('.') === rule)?.entries ?? [];
  const named = new Set(entries.flatMap((e) => Object.keys((e.value ?? {}) as object)));
  return tiers.some((t) => named.has(t.name));
}

/** A dated value in force for this year, as an explanation step. */
function datedSteps(applied: readonly AppliedValue[], keep: (rule: string) => boolean): Step[] {
  return applied.flatMap((a) =>
    keep(a.rule)
      ? [{ kind: 'dated-value' as const, rule: a.rule, year: a.year, from: a.from, until: a.until, source: a.source }]
      : [],
  );
}

/** The rows a dated scoring value applies to say so first: which value, from when (their source is its source). */
function noteDated(applied: readonly AppliedValue[], budget: BudgetScore, indicators: IndicatorScore[]): void {
  for (const step of datedSteps(applied, (rule) => !isTotalRule(rule))) {
    if (step.kind !== 'dated-value') continue;
    const block = step.rule.split('.').slice(0, -1).join('.');
    const rows = [budget.explanation, ...indicators.map((i) => i.explanation)].filter((e) => e.rule === block);
    for (const e of rows) note(e, () => step, 'first');
  }
}
