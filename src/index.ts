/**
 * jixiao as a library: the same core the CLI uses. Pure functions take and return plain data; the loaders
 * (loadGoals, loadActuals, loadRuleSet) are the only ones that touch files.
 */

// Pure core.
export { type ActualValue, parseActual } from './core/actual.js';
export { checkByProject, checkGoals, type Finding } from './core/check/index.js';
export { type Monitoring, monitorDocument } from './core/monitoring/index.js';
export { round } from './core/rounding.js';
export type {
  BudgetScore,
  Evaluation,
  Explanation,
  ExplanationInputs,
  FormulaRef,
  Incomplete,
  IndicatorScore,
  IndicatorStatus,
  ProjectScore,
  ResultState,
  ScoreOptions,
  ScoreResult,
  ScoringRules,
  Step,
  StepKind,
} from './core/scoring/index.js';
export { scoreDocument, selectProjects, stateOf } from './core/scoring/index.js';
export { type ParseContext, parseTarget } from './core/target/parse.js';
export { convert, unitInfo } from './core/units.js';
export {
  type FullMarks,
  fullMarks,
  type ProjectWhatIf,
  type WhatIfChange,
  type WhatIfGoal,
  whatIf,
  whatIfProject,
} from './core/whatif/index.js';
export { type Problem, UserError } from './errors.js';
// Edges: reading inputs.
export { loadActuals } from './io/actuals.js';
export { parseGoalDocument } from './io/goal-document/index.js';
export { loadGoals } from './io/goals.js';
export { type LoadedRuleSet, listRuleSets, loadRuleSet } from './io/rules.js';
// Schemas (zod) and the types inferred from them.
export { ActualsDocument, IndicatorActual, ProjectActuals } from './model/actuals.js';
export { GoalDocument, GoalTable, Indicator } from './model/goals.js';
export { RuleSet } from './model/rule-set.js';
export { Target } from './model/target.js';
// Words: every explanation step, formula and incomplete total as the reports print them.
export { actualsTemplate } from './report/actuals-template.js';
export {
  describeRounding,
  explanationLines,
  formatExplanation,
  formatFormula,
  formatInputs,
  incompleteText,
} from './report/explanation.js';
