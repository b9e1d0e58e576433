import type { ActualValue } from '../core/actual.js';
import { fixed, num, percent, round } from '../core/rounding.js';
import type { Rounding } from '../model/rule-set.js';

/** Figures as every output prints them: fixed decimals, no float artefacts. */
export const fmtScore = (x: number, decimals: number) => fixed(x, decimals);
export const fmtMoney = (x: number) => fixed(x, 2);
/** A share (0.9720) as a percentage with two decimals: "97.20%". */
export const fmtRate = (share: number) => `${fixed(share * 100, 2)}%`;

export function fmtActual(a: ActualValue | null): string {
  return a === null ? '—' : a.raw;
}

export const STATUS_LABEL = {
  met: '已完成',
  partial: '部分完成',
  missed: '未完成',
  'not-applicable': '不适用',
  unfilled: '未填写',
  invalid: '填写有误',
} as const;

/**
 * A figure inside an explanation or a note: at most 4 decimals (or those given), no trailing zeros (13.575,
 * 0.6667, 12). The same function io and core messages use (core/rounding.ts), so every layer prints alike.
 */
export const fmtNum = num;
/** A share as a percentage without trailing zeros: 0.8 → "80%" (fmtRate keeps two decimals: "80.00%"). */
export const fmtPercent = percent;

/** Money that may not be filled in yet ("—"). */
export const fmtMoneyOr = (x: number | null) => (x === null ? '—' : fmtMoney(x));

/** A grade, or what stands in its place while the total is not final. */
export const fmtGrade = (grade: string | null) => grade ?? '未完成评分';

/** Printed where the evaluator left a text field empty: reports never invent the missing words. */
export const NOT_FILLED = '（评价人未填写）';
/** Printed where the goal table has no such entry. */
export const NOT_IN_TABLE = '（目标表未载明）';
/** Printed for the 项目编码 of a table that has none: the id the importer made is no code to quote. */
export const NO_CODE = '未填写项目编码';
/** A project's 项目编码 as a report prints it. */
export const shownCode = (p: { code: string; codeGenerated?: true }): string => (p.codeGenerated ? NO_CODE : p.code);

/** A score under the rule set's rounding rule, with exactly its decimals ("12.50"); mode none keeps up to 4. */
export function fmtScoreBy(x: number, rule: Rounding): string {
  return rule.mode === 'none' ? num(x) : round(x, rule).toFixed(rule.decimals);
}

/** Points in a label, without trailing zeros: "产出指标(50分)", "产出指标(56.25分)". */
export const fmtPoints = (x: number) => num(x);

/** A share difference in percentage points, signed: −0.0159 → "-1.59", 0.02 → "+2.00". */
export function fmtPp(share: number): string {
  const s = fixed(share * 100, 2);
  return share > 0 && s !== '0.00' ? `+${s}` : s === '-0.00' ? '0.00' : s;
}
