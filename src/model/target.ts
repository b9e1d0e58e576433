import { z } from 'zod';

/** 指标性质: how a target compares with an actual. */
export const Operator = z.enum(['>=', '>', '=', '<', '<=']);
export type Operator = z.infer<typeof Operator>;

export const Dimension = z.enum(['count', 'money', 'percent', 'time', 'area', 'length', 'mass', 'volume', 'compound']);
export type Dimension = z.infer<typeof Dimension>;

const base = {
  /** The target exactly as written in the table. */
  raw: z.string(),
  /** A trailing remark in brackets, e.g. "≥95%（抽样调查）" → "抽样调查". */
  note: z.string().optional(),
};

const quantity = {
  /** Unit as written after normalisation ("家", "万元", "%", "元/人"); null for a bare number. */
  unit: z.string().nullable(),
  dimension: Dimension.nullable(),
  /** Multiplier of a scale word that was folded into value ("1.5万" → value 15000, scale 10000). */
  scale: z.number().optional(),
  /** The cell printed a bare number and the unit is the one the row's name gives ("实施营造林总面积(亩)" → 亩). */
  unitFromName: z.literal(true).optional(),
};

/** 正向 / 反向 / 等于: a number compared with an operator. */
export const QuantitativeTarget = z.object({
  ...base,
  direction: z.enum(['positive', 'reverse', 'equal']),
  op: Operator,
  value: z.number(),
  ...quantity,
  /** True when the table gave no operator ("100%", "100" → ≥; "0次" → =; in a cost row "250万" → ≤). */
  implicitOp: z.boolean().optional(),
  /**
   * Read as a cost row (成本指标): a missing operator means ≤ and "万" alone means 万元. Set only when that reading
   * changed something, so the check and the score's explanation can say what was inferred.
   */
  asCost: z.literal(true).optional(),
});

export const RangeTarget = z.object({
  ...base,
  direction: z.literal('range'),
  min: z.number(),
  max: z.number(),
  ...quantity,
});

/** A date by which something must be done: "2025年12月31日前", "12月底前", "≤2025年". */
export const DeadlineTarget = z.object({
  ...base,
  direction: z.literal('deadline'),
  /** Last day allowed, ISO yyyy-MM-dd; null when the year is unknown (no table year given). */
  date: z.string().nullable(),
  precision: z.enum(['year', 'month', 'day']),
  year: z.number().int().nullable(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
  /** "前" / "≤" (on or before, the default) or "<" (strictly before). */
  op: z.enum(['<=', '<']),
  /** A period ("2023.07-2024.01"): its first day, ISO yyyy-MM-dd; `date` is its end, the deadline. */
  from: z.string().optional(),
  /** "每年12月底前": every year, read in the table's year. */
  recurring: z.literal(true).optional(),
});

export const QualitativeTarget = z.object({
  ...base,
  direction: z.literal('qualitative'),
  /** improve: a trend ("较往年有所提高"), vague without a baseline; achieve: a state ("达到预期", "合格", "是"). */
  sense: z.enum(['improve', 'achieve', 'state']),
  text: z.string(),
});

/** A target that could not be understood: a placeholder, an empty cell, or text with numbers we cannot read. */
export const InvalidTarget = z.object({
  ...base,
  direction: z.literal('invalid'),
  problem: z.object({
    code: z.enum(['empty', 'placeholder', 'unrecognised']),
    message: z.string(),
  }),
});

/** "本项目不适用此指标", "不适用", "无", "/" as the whole target: the row is 不适用 and is not scored. */
export const NotApplicableTarget = z.object({
  ...base,
  direction: z.literal('not-applicable'),
});

/** One part of a compound target: any target but another compound or a not-applicable one. */
export const TargetPart = z.discriminatedUnion('direction', [
  QuantitativeTarget,
  RangeTarget,
  DeadlineTarget,
  QualitativeTarget,
]);

/**
 * Two values in one cell ("≥500人次 / ≥95%", "全年 / ≥300天"): each part as the grammar reads it alone, `raw` the
 * part as written. Met when every measurable part is met; otherwise scored by the weakest part. A qualitative part
 * ("全年") describes the period and is not measured.
 */
export const CompoundTarget = z.object({
  ...base,
  direction: z.literal('compound'),
  parts: z.array(TargetPart).min(2),
});

export const Target = z.discriminatedUnion('direction', [
  QuantitativeTarget,
  RangeTarget,
  DeadlineTarget,
  QualitativeTarget,
  InvalidTarget,
  NotApplicableTarget,
  CompoundTarget,
]);

export type QuantitativeTarget = z.infer<typeof QuantitativeTarget>;
export type RangeTarget = z.infer<typeof RangeTarget>;
export type DeadlineTarget = z.infer<typeof DeadlineTarget>;
export type QualitativeTarget = z.infer<typeof QualitativeTarget>;
export type InvalidTarget = z.infer<typeof InvalidTarget>;
export type NotApplicableTarget = z.infer<typeof NotApplicableTarget>;
export type TargetPart = z.infer<typeof TargetPart>;
export type CompoundTarget = z.infer<typeof CompoundTarget>;
export type Target = z.infer<typeof Target>;
export type Direction = Target['direction'];
