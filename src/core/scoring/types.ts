import type { Problem } from '../../errors.js';
import type { QualitativeGrade } from '../../model/actuals.js';
import type { Rounding, RuleSet, SourceEntry } from '../../model/rule-set.js';
import type { Target } from '../../model/target.js';
import type { ActualValue } from '../actual.js';
import type { ExplanationInputs, FormulaRef, RuleSource, Step } from './steps.js';

/** A custom formula compiled by the rule loader (mathjs, loaded only when a rule set has one). */
export interface CompiledFormula {
  readonly expr: string;
  /** The names the expression reads (`rate` has no meaning in an indicator's formula: refused at load). */
  readonly symbols: ReadonlySet<string>;
  /** A finite number, or a UserError naming the rule file and rule (and why, e.g. an undefined ratio). */
  evaluate(scope: FormulaScope): number;
}

/**
 * The only names a formula may read, filled by the engine: ratio = actual/target, inverse = target/actual,
 * rate = 预算执行率, cap = the most points the score may reach (the weight, for indicators and execution alike).
 * A name with no meaning here is left out (ratio at a target of 0, inverse at an actual of 0, rate in an
 * indicator's formula): reading it is an error that says so, never a silent 0.
 */
export interface FormulaScope {
  actual: number;
  target: number;
  weight: number;
  ratio?: number;
  inverse?: number;
  rate?: number;
  cap: number;
}

/** A rule set ready to score with: the data, plus compiled custom formulas keyed by their path. */
export interface ScoringRules {
  ruleSet: RuleSet;
  chain?: string[];
  formulas?: Record<string, CompiledFormula>;
}

/** How much to build besides the scores. */
export interface ScoreOptions {
  /** false: no explanation steps and no total explanation (default true). The monitoring forecast uses it. */
  explain?: boolean;
  /** Score only these 项目编码 (the others are left out of the evaluation, as if not in the goal table). */
  projects?: readonly string[];
}

/** Why a score is what it is: the rule, its formula, the numbers put in, cap and rounding, and the rule's source. */
export interface Explanation {
  /** Key of the rule in the rule set, e.g. "scoring.positive"; null when no rule was applied (not scored). */
  rule: string | null;
  formula: FormulaRef | null;
  /** The rule block's `source`, as the rule set holds it; null when no rule was applied. */
  source: RuleSource | null;
  inputs: ExplanationInputs;
  steps: Step[];
  /** Score before cap and rounding. */
  unrounded: number;
  capped: boolean;
  rounding: Rounding;
}

/**
 * An indicator's result. Scored: met / partial / missed. Not scored: not-applicable (dropped, weight re-shared),
 * unfilled (no actual entered yet), invalid (what was entered cannot be scored; `problems` says where and why).
 */
export type IndicatorStatus = 'met' | 'partial' | 'missed' | 'not-applicable' | 'unfilled' | 'invalid';
export type ResultState = 'scored' | 'unfilled' | 'invalid' | 'not-applicable';

export const stateOf = (s: IndicatorStatus): ResultState =>
  s === 'met' || s === 'partial' || s === 'missed' ? 'scored' : s;

export interface IndicatorScore {
  /** Position in the goal table, from 1. */
  no: number;
  tier1: string;
  tier2: string;
  name: string;
  target: Target;
  actual: ActualValue | null;
  status: IndicatorStatus;
  /** 分值 after allocation and re-normalisation. */
  weight: number;
  /** 分值 before 不适用 re-normalisation. */
  baseWeight: number;
  /** The rule's score (0 when not scored). */
  ruleScore: number;
  /** The score that counts: the rule's, or the evaluator's override when it has a reason (0 when not scored). */
  score: number;
  grade?: QualitativeGrade;
  override?: { score: number; reason: string };
  notApplicable?: string;
  reason?: string;
  remedy?: string;
  evidence?: string;
  explanation: Explanation;
  /** Why it is unfilled or invalid, located (project, row), in Chinese; empty when scored. */
  problems: Problem[];
}

export interface BudgetScore {
  /** 年初预算数 / 全年预算数 / 全年执行数 (万元); executed null when not filled in yet. */
  initial: number;
  adjusted: number;
  executed: number | null;
  /** 执行率, a share (0.97 = 97%), exact to 4 decimals; 0 when not scored. */
  rate: number;
  weight: number;
  score: number;
  state: 'scored' | 'unfilled' | 'invalid';
  reason?: string;
  explanation: Explanation;
  problems: Problem[];
}

export interface TierScore {
  name: string;
  weight: number;
  score: number;
}

/** What keeps a project's total from being final. */
export interface Incomplete {
  /** Indicators with no actual yet, and with one that cannot be scored. */
  unfilled: number;
  invalid: number;
  /** 预算执行率 not scored: 全年执行数 not filled in, or not computable. */
  budget: 'unfilled' | 'invalid' | null;
  /** Problems of the project as a whole (weights that do not add up, an unknown 一级指标, a wrong name…). */
  project: number;
}

export interface ProjectScore {
  code: string;
  /** The goal table printed no 项目编码: `code` is the id the importer made (reports print 未填写项目编码). */
  codeGenerated?: true;
  name: string;
  year: number;
  budget: BudgetScore;
  tiers: TierScore[];
  indicators: IndicatorScore[];
  /** Over what could be scored; final only when `incomplete` is null. */
  total: number;
  /** null while the project is incomplete: a grade of a partial total would read as final. */
  grade: string | null;
  incomplete: Incomplete | null;
  /** How the total was formed (sum, ceiling, rounding). */
  totalExplanation: Step[];
  achievement?: string;
  /** Every problem of this project (its own, the budget's, each indicator's), in table order. */
  problems: Problem[];
  warnings: Problem[];
}

export interface Evaluation {
  schema: 'jixiao/evaluation@2';
  /** `sources`: the bibliography entries the rule set cites, so every `explanation.source` id resolves. */
  ruleSet: { id: string; label: string; sources: Record<string, SourceEntry> };
  period: 'year-end' | 'mid-year';
  asOf: string | null;
  /** Every project of the goal document (or of the selection), incomplete ones marked. */
  projects: ProjectScore[];
  /** Every project complete and no problem in the actuals as a whole. */
  complete: boolean;
}
