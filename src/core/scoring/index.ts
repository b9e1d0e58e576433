import type { Problem } from '../../errors.js';
import type { ActualsDocument } from '../../model/actuals.js';
import type { GoalDocument } from '../../model/goals.js';
import { bindActuals } from './bind.js';
import { scoreProject } from './project.js';
import type { Evaluation, ScoreOptions, ScoringRules } from './types.js';
import type { WeightPlan } from './weights.js';

export interface ScoreResult {
  /** Every project, scored over what can be scored; incomplete ones marked (never printed as final). */
  evaluation: Evaluation;
  /** true when nothing is missing or wrong: every project complete, no problem in the actuals as a whole. */
  ok: boolean;
  /** Every problem, in one pass: the actuals' own (an unknown 项目编码…), then each project's in table order. */
  errors: Problem[];
  /** Problems of the actuals as a whole, belonging to no project of the goal table. */
  documentErrors: Problem[];
  warnings: Problem[];
}

/**
 * Score every project of the goal document against the evaluator's actuals. Pure: plain data in and out.
 * An unfilled or invalid indicator does not stop the others: it is marked, and its project's total is
 * incomplete. `{ explain: false }` gives the same figures without explanation steps (faster, for bulk runs).
 */
export function scoreDocument(
  goals: GoalDocument,
  actuals: ActualsDocument,
  rules: ScoringRules,
  opts: ScoreOptions = {},
): ScoreResult {
  const selected = opts.projects ? selectProjects(goals, actuals, opts.projects) : { goals, actuals };
  const bound = bindActuals(selected.goals, selected.actuals);
  const plans = new Map<string, WeightPlan>();
  const projects = bound.projects.map((p) => scoreProject(p, rules, plans, opts));
  const errors = [...bound.problems];
  for (const p of projects) if (p.problems.length > 0) errors.push(...p.problems);
  const warnings = projects.flatMap((p) => p.warnings);
  const evaluation: Evaluation = {
    schema: 'jixiao/evaluation@2',
    ruleSet: { id: rules.ruleSet.id, label: rules.ruleSet.label, sources: rules.ruleSet.sources ?? {} },
    period: actuals.period,
    asOf: actuals.asOf ?? null,
    projects,
    complete: errors.length === 0,
  };
  return { evaluation, ok: errors.length === 0, errors, documentErrors: bound.problems, warnings };
}

/**
 * The goal tables and actuals of the named projects only (in the goal document's order). Codes the goal
 * document does not hold are the caller's to report (see unknownProjects).
 */
export function selectProjects(
  goals: GoalDocument,
  actuals: ActualsDocument,
  codes: readonly string[],
): { goals: GoalDocument; actuals: ActualsDocument } {
  const wanted = new Set(codes);
  return {
    goals: { ...goals, projects: goals.projects.filter((t) => wanted.has(t.code)) },
    actuals: { ...actuals, projects: actuals.projects.filter((p) => wanted.has(p.code)) },
  };
}

/** The codes of `codes` that name no project of the goal document. */
export function unknownProjects(goals: GoalDocument, codes: readonly string[]): string[] {
  const known = new Set(goals.projects.map((t) => t.code));
  return codes.filter((c) => !known.has(c));
}

export type { ExplanationInputs, FormulaRef, RuleSource, Step, StepKind } from './steps.js';
export type {
  BudgetScore,
  Evaluation,
  Explanation,
  Incomplete,
  IndicatorScore,
  IndicatorStatus,
  ProjectScore,
  ResultState,
  ScoreOptions,
  ScoringRules,
} from './types.js';
export { stateOf } from './types.js';
