import { z } from 'zod';

/**
 * One document a rule cites (rules/sources.yaml): what a reader needs to look it up, what exactly was read there,
 * and how far it carries the rule. A citation names it by id plus the clause read.
 */
export const SourceStatus = z.enum(['已核实', '地方实践', '未证实']);
export const SourceEntry = z
  .object({
    /** 《…》 as published: the document, or the page that reproduces it. */
    title: z.string().trim().min(2),
    issuer: z.string().trim().min(2),
    /** 文号 such as 财预〔2020〕10号; null for a published table or page that has none. */
    documentNumber: z.string().trim().min(2).nullable(),
    /** Date issued or published: 2020-02-25, 2022-12 or 2022; null when the page does not say. */
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期应写成 2020-02-25、2020-02 或 2020')
      .nullable(),
    /** Where it was read; null only when a document number identifies it. */
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/, '网址应以 http:// 或 https:// 开头')
      .nullable(),
    /** What exactly was read there: the clause, the footnote, "转载于…的自评表脚注". */
    read: z.string().trim().min(4),
    status: SourceStatus,
  })
  .strict();

/** A rule block's citation: a source id from the bibliography, and the clause or example it rests on. */
export const Citation = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), clause: z.string().trim().min(2) }).strict();

/**
 * Where a number comes from. `basis` says how far it is established; `cite` points into the bibliography;
 * `note` says in the reader's words what the citations do not (the choice made, the example that reproduces it).
 * Required on every block that holds a number; the loader refuses a block without one.
 */
export const RuleBasis = z.enum(['国家文件', '地方实践', '软件实现', '本工具约定', '未证实']);
export const Source = z
  .object({
    basis: RuleBasis,
    cite: z.array(Citation).default([]),
    note: z.string().trim().min(4).optional(),
  })
  .strict()
  .refine((s) => s.cite.length > 0 || s.note !== undefined, {
    message: '来源要么引用文献（cite），要么写明说明（note）',
  });

export const RoundingMode = z.enum(['half-up', 'half-even', 'truncate', 'none']);
export const Rounding = z.object({
  /** Decimal places kept; 0 = integers (Hebei practice). Ignored when mode is none. */
  decimals: z.number().int().min(0).max(6),
  mode: RoundingMode,
});

/** A formula: a built-in id, or a custom mathjs expression over a fixed set of names. */
export const Formula = z.union([
  z.object({ builtin: z.string().min(1) }).strict(),
  z.object({ expr: z.string().min(1) }).strict(),
]);

const scoringRule = {
  formula: Formula,
  /** Cap the score at the indicator's weight (得分最高不能超过该指标分值). */
  cap: z.boolean(),
  source: Source,
};

export const QualitativeBand = z.object({
  /** 达成 / 部分达成 / 未达成 */
  grade: z.string().min(1),
  label: z.string(),
  /** Share of the weight, inclusive lower bound. */
  min: z.number().min(0).max(1),
  /** Share of the weight, upper bound (inclusive only for the top band). */
  max: z.number().min(0).max(1),
});

export const GradeBand = z.object({ grade: z.string().min(1), min: z.number().min(0).max(100) });

export const RuleSet = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  description: z.string(),
  extends: z.string().optional(),
  /** 预算执行率: score = min(rate, cap) × weight (cap null = no cap). */
  execution: z.object({
    weight: z.number().min(0).max(100),
    cap: z.number().positive().nullable(),
    formula: Formula,
    /** Rate below which a written reason is required (Sichuan: 0.9); null = never. */
    explainBelow: z.number().min(0).max(1).nullable(),
    /**
     * 全年执行数 above 全年预算数: `cap` scores the rate at `cap` and warns; `refuse` leaves the row unscored until the
     * figures are corrected. Either way the evaluator is told. Absent = cap (with the warning).
     */
    aboveBudget: z.object({ method: z.enum(['cap', 'refuse']), source: Source }).optional(),
    source: Source,
  }),
  /** 一级指标分值. Keys are tier-1 names as printed (产出指标 …). */
  tiers: z.object({
    weights: z.record(z.string(), z.number().min(0).max(100)),
    /** Where a missing tier's weight goes (满意度 → 效益, UNVERIFIED 10号); null = re-normalise over the rest. */
    whenMissing: z.record(z.string(), z.string()).nullable(),
    /**
     * When every indicator of a table states its 分值, take each tier's weight from the table (the unit sets the
     * split) and check only that they add up to 100 − execution. Off by default: weights are the rule set's.
     */
    fromTable: z.boolean().optional(),
    /**
     * A tier some templates add, carved out of another when a table has it: 一级 成本指标 (财预〔2021〕101号
     * templates) takes its weight from 产出指标. Tables without it keep the weights above unchanged.
     */
    whenPresent: z.record(z.string(), z.object({ weight: z.number().min(0).max(100), from: z.string() })).optional(),
    source: Source,
  }),
  /** How an unweighted tier's points are shared among its indicators. */
  allocation: z.object({ method: z.enum(['equal']), source: Source }),
  scoring: z.object({
    positive: z.object(scoringRule),
    reverse: z.object(scoringRule),
    equal: z.object(scoringRule),
    range: z.object(scoringRule),
    /**
     * A ≤ or = target of 0 ("=0万元/人", "≤0起", "0起"): 0 done is full marks, more earns overShare of the weight.
     * Applies whatever the formula, since A÷B and B÷A have no value at A = 0.
     */
    zeroTarget: z.object({ overShare: z.number().min(0).max(1), source: Source }),
    deadline: z.object({
      /** Share of the weight given when done late (0 = nothing). */
      lateShare: z.number().min(0).max(1),
      source: Source,
    }),
    qualitative: z.object({ bands: z.array(QualitativeBand).min(1), source: Source }),
    /**
     * 不适用 indicators: `within-tier` re-shares their points among the tier's other indicators (the tier keeps its
     * weight); `whole-score` drops them and scales the applicable points, budget execution included, to 100.
     */
    notApplicable: z.object({ method: z.enum(['within-tier', 'whole-score']), source: Source }),
    /** Require a written explanation when actual ≥ explainAt × target (Guangxi 130%); null = never. */
    overAchievement: z.object({ explainAt: z.number().min(1).nullable(), source: Source }),
  }),
  grades: z.object({ bands: z.array(GradeBand).min(1), source: Source }),
  rounding: z.object({ indicator: Rounding, total: Rounding, source: Source }),
  /** Cap the total at executionRate × 100 (a local practice); off by default. */
  totalCeiling: z.object({ byExecutionRate: z.boolean(), source: Source }),
  /** Mid-year monitoring settings (used by `jixiao monitor`). */
  /**
   * Bibliography entries this rule set adds to rules/sources.yaml (a unit's own notice). After loading, every entry
   * the rule set cites, bundled or its own, so a report can print the citations in full.
   */
  sources: z.record(z.string().regex(/^[a-z0-9-]+$/), SourceEntry).optional(),
  /**
   * Values that changed over time (set by the loader from `[{from, value, source}]` lists written in place of a
   * value, see src/core/rules/dated.ts); the fields above hold the latest value.
   */
  dated: z.array(z.lazy(() => DatedValue)).optional(),
  monitoring: z
    .object({
      /** Plan share between milestones: the last milestone reached, or linear interpolation. */
      planBetweenMilestones: z.enum(['step', 'linear']),
      /** Gap (in percentage points, executed − planned) at or below which the status turns amber / red. */
      amberGap: z.number(),
      redGap: z.number(),
      source: Source,
    })
    .optional(),
});

/** Where a dated value applies from: a year (2022) or a date (2020-02-25); absent only on the first entry. */
export const DatedFrom = z.union([
  z.number().int().min(1949).max(2999),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2020-02-25 或年份 2020'),
]);
/** One value of a dated list: in force from `from` until the next entry's `from`, with its own source. */
export const DatedEntry = z.object({ from: DatedFrom.optional(), value: z.unknown(), source: Source }).strict();
export const DatedValue = z.object({ path: z.array(z.string()).min(1), entries: z.array(DatedEntry).min(1) }).strict();

export type DatedEntry = z.infer<typeof DatedEntry>;
export type DatedValue = z.infer<typeof DatedValue>;
export type Rounding = z.infer<typeof Rounding>;
export type RoundingMode = z.infer<typeof RoundingMode>;
export type Formula = z.infer<typeof Formula>;
export type QualitativeBand = z.infer<typeof QualitativeBand>;
export type GradeBand = z.infer<typeof GradeBand>;
export type RuleSet = z.infer<typeof RuleSet>;
export type Source = z.infer<typeof Source>;
export type SourceEntry = z.infer<typeof SourceEntry>;
export type Citation = z.infer<typeof Citation>;
