import type { Problem } from '../../errors.js';
import type { ActualsDocument } from '../../model/actuals.js';
import type { GoalDocument } from '../../model/goals.js';
import { bindActuals } from './bind.js';
import { scoreProject } from './project.js';
import type { Evaluation, ScoreOptions, ScoringRules } from './types.js';

export type ScoreResult =
  | { ok: true; evaluation: Evaluation; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

/**
 * Score every project of the goal document against the evaluator's actuals. Pure: plain data in and out.
 * `{ explain: false }` gives the same figures without the step sentences (faster, for bulk what-if runs).
 */
export function scoreDocument(
  goals: GoalDocument,
  actuals: ActualsDocument,
  rules: ScoringRules,
  opts: ScoreOptions = {},
): ScoreResult {
  const bound = bindActuals(goals, actuals);
  const errors = [...bound.problems];
  const plans = new Map();
  const projects = bound.projects.map((p) => {
    const r = scoreProject(p, rules, plans, opts);
    errors.push(...r.errors);
    return r.score;
  });
  const warnings = projects.flatMap((p) => p.warnings);
  if (errors.length > 0) return { ok: false, errors, warnings };
  const evaluation: Evaluation = {
    schema: 'jixiao/evaluation@1',
    ruleSet: { id: rules.ruleSet.id, label: rules.ruleSet.label },
    period: actuals.period,
    asOf: actuals.asOf ?? null,
    projects,
  };
  return { ok: true, evaluation, warnings };
}

export type { Evaluation, IndicatorScore, ProjectScore, ScoreOptions, ScoringRules } from './types.js';
