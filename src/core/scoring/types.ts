import type { Problem } from '../../errors.js';
import type { QualitativeGrade } from '../../model/actuals.js';
import type { RuleSet } from '../../model/rule-set.js';
import type { Target } from '../../model/target.js';
import type { ActualValue } from '../actual.js';

/** A custom formula compiled by the rule loader (mathjs, loaded only when a rule set has one). */
export interface CompiledFormula {
  readonly expr: string;
  /** A finite number, or a UserError naming the rule file and key. */
  evaluate(scope: FormulaScope): number;
}

/**
 * The only names a formula may read, filled by the engine: ratio = actual/target, inverse = target/actual,
 * rate = 预算执行率, cap = the most points the score may reach (the weight, for indicators and execution alike).
 */
export interface FormulaScope {
  actual: number;
  target: number;
  weight: number;
  ratio: number;
  inverse: number;
  rate: number;
  cap: number;
}

/** A rule set ready to score with: the data, plus compiled custom formulas keyed by their path. */
export interface ScoringRules {
  ruleSet: RuleSet;
  chain?: string[];
  formulas?: Record<string, CompiledFormula>;
}

/** Why a score is what it is: the formula, the numbers put in, cap and rounding, and the rule's source. */
/** How much to build besides the scores. */
export interface ScoreOptions {
  /** false: no step sentences and no total explanation (default true). The monitoring forecast uses it. */
  explain?: boolean;
}

export interface Explanation {
  /** Key of the rule in the rule set, e.g. "scoring.positive". */
  rule: string;
  formula: string;
  source: string;
  inputs: Record<string, number | string>;
  /** Each step in words, Chinese, e.g. "B/A×w = 1050/1000×12.5 = 13.125". */
  steps: string[];
  /** Score before cap and rounding. */
  unrounded: number;
  capped: boolean;
  rounding: string;
}

export type IndicatorStatus = 'met' | 'partial' | 'missed' | 'not-applicable';

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
  /** The rule's score. */
  ruleScore: number;
  /** The score that counts: the rule's, or the evaluator's override when it has a reason. */
  score: number;
  grade?: QualitativeGrade;
  override?: { score: number; reason: string };
  notApplicable?: string;
  reason?: string;
  remedy?: string;
  evidence?: string;
  explanation: Explanation;
}

export interface BudgetScore {
  /** 年初预算数 / 全年预算数 / 全年执行数 (万元) */
  initial: number;
  adjusted: number;
  executed: number;
  /** 执行率, a share (0.97 = 97%), exact to 4 decimals. */
  rate: number;
  weight: number;
  score: number;
  reason?: string;
  explanation: Explanation;
}

export interface TierScore {
  name: string;
  weight: number;
  score: number;
}

export interface ProjectScore {
  code: string;
  name: string;
  year: number;
  budget: BudgetScore;
  tiers: TierScore[];
  indicators: IndicatorScore[];
  total: number;
  grade: string;
  /** How the total was formed (sum, ceiling, rounding). */
  totalExplanation: string[];
  achievement?: string;
  warnings: Problem[];
}

export interface Evaluation {
  schema: 'jixiao/evaluation@1';
  ruleSet: { id: string; label: string };
  period: 'year-end' | 'mid-year';
  asOf: string | null;
  projects: ProjectScore[];
}
