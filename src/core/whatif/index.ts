import type { ActualsDocument } from '../../model/actuals.js';
import type { GoalDocument } from '../../model/goals.js';
import type { ScoringRules } from '../scoring/types.js';
import { type ProjectWhatIf, type WhatIfGoal, whatIfProject } from './plan.js';

export type { FullMarks } from './full-marks.js';
export { fullMarks } from './full-marks.js';
export type { IndicatorWhatIf, ProjectWhatIf, WhatIfChange, WhatIfGoal } from './plan.js';
export { whatIfProject } from './plan.js';

/**
 * What-if over a document (pure): for each project with an entry (or only `project`), the actuals that give
 * each indicator full marks and the smallest set of changes reaching the goal (a grade, a total, or the next
 * grade up). A project missing from the actuals is measured from an empty entry.
 */
export function whatIf(
  goals: GoalDocument,
  actuals: ActualsDocument,
  rules: ScoringRules,
  opts: WhatIfGoal & { project?: string } = {},
): ProjectWhatIf[] {
  const tables = opts.project ? goals.projects.filter((t) => t.code === opts.project) : goals.projects;
  return tables.map((t) => {
    const entry = actuals.projects.find((p) => p.code === t.code) ?? {
      code: t.code,
      budget: { executed: 0 },
      indicators: [],
    };
    return whatIfProject(t, entry, rules, opts);
  });
}
