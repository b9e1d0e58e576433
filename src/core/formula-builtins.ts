/**
 * Built-in scoring formulas a rule set names with `formula: { builtin: id }`. The scoring engine implements
 * them; this module only fixes the ids and their Chinese description, so the rule loader (which must not load
 * mathjs) and `rules show` can check and print them. A = 指标值 (target), B = 实际值 (actual), w = 分值.
 * When the rule's `cap` is true the score never exceeds w (得分最高不能超过该指标分值上限, S5/S14).
 */
export const BUILTIN_FORMULAS = {
  /** min(rate, cap) × w; cap null → rate × w. 预算执行率 (S6, S8, S12). */
  rate: '得分 = min(执行率, 上限) × 分值',
  /** B/A × w. Positive (≥) indicators (S13, S14). */
  ratio: '得分 = 实际值 ÷ 指标值 × 分值',
  /** A/B × w. Reverse (≤) indicators (S13, S14). */
  'inverse-ratio': '得分 = 指标值 ÷ 实际值 × 分值',
  /** A > 0: as ratio; A = 0: w if B ≤ 0 else 0 (vendor practice C1). */
  equal: '指标值 > 0 时按“实际值 ÷ 指标值 × 分值”；指标值 = 0 时实际值 ≤ 0 得满分，否则 0 分',
  /** B in [lo, hi] → w; B < lo → B/lo × w; B > hi → hi/B × w (proportional to the nearer bound). */
  range: '实际值在区间内得满分；低于下限得 实际值 ÷ 下限 × 分值；高于上限得 上限 ÷ 实际值 × 分值',
  /** B ≤ A → w; A < B < 2A → (1 − (B − A)/A) × w; B ≥ 2A → 0 (vendor practice C1). */
  'linear-reverse':
    '实际值 ≤ 指标值 得满分；指标值 < 实际值 < 2×指标值 得 (1 − (实际值 − 指标值) ÷ 指标值) × 分值；实际值 ≥ 2×指标值 得 0 分',
} as const;

export type BuiltinFormulaId = keyof typeof BUILTIN_FORMULAS;

export const BUILTIN_FORMULA_IDS = Object.keys(BUILTIN_FORMULAS) as BuiltinFormulaId[];

export function isBuiltinFormulaId(id: string): id is BuiltinFormulaId {
  return Object.hasOwn(BUILTIN_FORMULAS, id);
}
