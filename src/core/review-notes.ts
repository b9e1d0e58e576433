/**
 * What a review says about a table and its rows, as data: the kind and its numbers. src/report/review-words.ts
 * says them in Chinese; the core builds no sentence. Engine problems and warnings keep their located messages.
 */

/** A tier's weight or the execution weight as the comparison prints it. */
export interface WeightEntry {
  name: string;
  weight: number;
}

/** About the whole table: its year, its weights against the rule set's, its totals. */
export type ReviewNote =
  /** The table states no year: dates without one are read in `year`. */
  | { kind: 'year-assumed'; year: number }
  /** The table states `year`; the year the user gave (--year) was not used. */
  | { kind: 'year-stated'; year: number; given: number }
  /** A tier label ("产出指标(50分)") that its rows' 分值 do not add up to. */
  | { kind: 'tier-label-sum'; tier: string; label: number; sum: number }
  /** The funds block has neither 分值 nor 得分: execution is not scored. */
  | { kind: 'execution-not-scored' }
  /** The funds block has a 得分 but no 分值: the rule set's weight is used. */
  | { kind: 'execution-weight-from-rules'; weight: number }
  /** Some rows state no 分值: their tier's points are shared equally among them. */
  | { kind: 'weights-shared' }
  /** The table's weights against the rule set's: the same, or different (the table's are used). */
  | {
      kind: 'weights-compared';
      same: boolean;
      ruleSet: string;
      table: WeightEntry[];
      execution: number;
      rules: WeightEntry[];
      rulesExecution: number;
    }
  /** The table's 分值 do not add up to 100. */
  | { kind: 'weights-total'; total: number }
  /** `count` rows (the budget among them) could not be re-scored: they count at their self score, `points` in all. */
  | { kind: 'carried'; count: number; points: number }
  /** The table prints no total: the self total is the sum of its self scores. */
  | { kind: 'self-total-missing'; sum: number }
  /** The printed total differs from the sum of the self scores. */
  | { kind: 'self-total-sum'; total: number; sum: number }
  /** An engine warning that names no row. */
  | { kind: 'warning'; message: string };

/** About one row (or the budget): why it could not be re-scored, a self score refused, the gap. */
export type RowNote =
  | { kind: 'target-blank' }
  | { kind: 'actual-blank' }
  /** The engine could not score the row: its located problems. */
  | { kind: 'not-rescorable'; problems: string[] }
  /** The self score lies outside the top grade's band: the grade alone scores the band's top. */
  | { kind: 'self-score-refused'; self: number; problems: string[] }
  /** The row's 分值 re-shared because of 不适用 rows. */
  | { kind: 'weight-reshared'; from: number; to: number }
  /** An engine warning on this row. */
  | { kind: 'warning'; message: string }
  | { kind: 'self-score-missing' }
  /** The unit's score against the rule's (gap = self − score). */
  | { kind: 'gap'; self: number; score: number; gap: number }
  /** The budget's execution rate cannot be computed: which figure is missing. */
  | { kind: 'budget-missing'; missing: 'executed' | 'budget' }
  /** The budget's self score against the rule's. */
  | { kind: 'budget-gap'; self: number; score: number };
