import type { QualitativeGrade } from '../../model/actuals.js';
import type { Formula, Rounding, RuleSet } from '../../model/rule-set.js';

/**
 * How a score was reached, as data: the engine records each step's kind and numbers; src/report turns them into
 * words (formatExplanation). No sentence is built in the core.
 */

/** A rule block's `source`, exactly as the rule set holds it (its shape and wording belong to the rule set). */
export type RuleSource = RuleSet['execution']['source'];

/** One part of a compound target as scored: actual and score null for a part not measured (a period word). */
export interface CompoundPart {
  target: string;
  actual: string | null;
  score: number | null;
  met: boolean | null;
}

export type Step =
  /** 不适用, with the evaluator's reason. */
  | { kind: 'not-applicable'; reason: string }
  /**
   * Two values in one cell: every part with its score; met when each is, else scored by the weakest (1-based).
   * The steps after it are the weakest part's.
   */
  | { kind: 'compound'; parts: CompoundPart[]; weakest: number; met: boolean }
  /** A target of 0 ("≤0起"): 0 done is full marks, more earns `share` of the weight (rule scoring.zeroTarget). */
  | { kind: 'zero-target'; actual: number; unit: string | null; met: boolean; share: number }
  /** A quantitative target with no measured value, judged by the evaluator's grade. */
  | { kind: 'graded-quantitative'; target: string }
  /** The actual converted into the target's unit (approximate: months as 30 days, years as 365). */
  | { kind: 'unit-converted'; actual: string; value: number; unit: string; approximate: boolean }
  /** The actual reaches the target. */
  | { kind: 'met'; actual: number; unit: string | null; target: string }
  /** A built-in formula applied: A = target, B = actual, w = weight. */
  | { kind: 'formula'; builtin: string; a: number; b: number; w: number; result: number }
  /** A custom formula of the rule set applied. */
  | { kind: 'custom-formula'; expr: string; result: number }
  /** A deadline: the completion date against the deadline (exclusive: 前, the day itself is late). */
  | { kind: 'deadline'; completed: string; deadline: string; met: boolean; exclusive: boolean }
  /** A written actual read as a grade ("基本完成" → 部分达成). */
  | { kind: 'grade-from-text'; actual: string; grade: QualitativeGrade }
  /** The top grade with no score given: the band's top. */
  | { kind: 'grade-top'; grade: QualitativeGrade; score: number }
  /** The evaluator's score inside the grade's band (min inclusive; max inclusive only for the top band). */
  | { kind: 'grade-score'; label: string; min: number; max: number; maxIncluded: boolean; score: number }
  /** Above the weight, capped at it. */
  | { kind: 'cap'; weight: number }
  /** A negative result (a custom formula) set to 0: a score is never below 0. */
  | { kind: 'floor-zero'; from: number }
  /** Above the weight and kept: the rule does not cap (cap: false). */
  | { kind: 'above-weight'; weight: number; score: number }
  | { kind: 'rounding'; rounding: Rounding; from: number; to: number }
  /** The evaluator's override, with its reason. */
  | { kind: 'override'; score: number; ruleScore: number; reason: string }
  /** 预算执行率: executed / adjusted; rate a share exact to 4 decimals. */
  | { kind: 'execution-rate'; executed: number; adjusted: number; rate: number }
  | { kind: 'rate-cap'; cap: number }
  | { kind: 'execution-score'; share: number; weight: number; result: number }
  /** The total: budget score plus each tier's. */
  | { kind: 'total-sum'; budget: number; tiers: { name: string; score: number }[]; sum: number }
  /** A tier the table lacks: its weight moved into another tier, or spread over the rest. */
  | { kind: 'tier-merged'; tier: string; weight: number; into: string }
  | { kind: 'tier-spread'; tier: string; weight: number }
  /** A tier the rule set adds when a table has it (一级 成本指标), its weight taken from another tier. */
  | { kind: 'tier-carved'; tier: string; weight: number; from: string }
  /** A tier weight as the goal table prints it ("成本指标(10分)"). */
  | { kind: 'tier-printed'; tier: string; weight: number }
  /** A target printed without a comparison word, read by the row's kind (a cost row → ≤) or the general default. */
  | { kind: 'operator-inferred'; op: '>=' | '<=' | '='; cost: boolean }
  /** The target printed a bare number; its unit is the one the indicator's name gives ("修建作业道长度(公里)"). */
  | { kind: 'unit-from-name'; unit: string }
  /** Tiers whose indicators are all 不适用: their weight spread over the others. */
  | { kind: 'tiers-not-applicable'; tiers: string[] }
  /**
   * The table has 不适用 indicators: how their points were treated (rule scoring.notApplicable) — re-shared within
   * their tier, or dropped (`dropped` points) with the total scaled to 100 (see `whole-score-scaled`).
   */
  | { kind: 'not-applicable-method'; method: 'within-tier' | 'whole-score'; dropped: number; source: RuleSource }
  /** The applicable points' sum scaled to the full score: sum × full ÷ applicable. */
  | { kind: 'whole-score-scaled'; sum: number; applicable: number; full: number; total: number }
  /** Tier weights taken from the table's stated 分值 (tiers.fromTable). */
  | { kind: 'tiers-from-table' }
  /** A value dated by year, in force for the goal table's year: from `from` (null: before `until`). */
  | { kind: 'dated-value'; rule: string; year: number; from: string | null; until: string | null; source: RuleSource }
  /** The total capped at rate × 100 (rule totalCeiling). */
  | { kind: 'total-ceiling'; ceiling: number; rule: 'totalCeiling'; source: RuleSource };

export type StepKind = Step['kind'];

/** The formula an explanation applies: the rule set's own, or the kind of rule that has none. */
export type FormulaRef =
  | Formula
  | { deadline: { lateShare: number } }
  | { zeroTarget: { overShare: number } }
  | { qualitative: true }
  | { notApplicable: RuleSet['scoring']['notApplicable']['method'] | null };

/** The numbers put into a rule, by their code names (src/report labels them). */
export interface ExplanationInputs {
  /** 年度指标值 (the lower bound of a range) and 实际完成值 in the target's unit. */
  A?: number;
  B?: number;
  /** 全年预算数, 全年执行数 (万元), 执行率 (a share). */
  adjusted?: number;
  executed?: number;
  rate?: number;
  deadline?: string;
  completed?: string;
  grade?: string;
  /** 分值 */
  w?: number;
  unit?: string;
  /** The grade's band in points. */
  band?: { min: number; max: number; maxIncluded: boolean };
}
