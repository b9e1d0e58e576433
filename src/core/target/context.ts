import type { ParseContext } from './parse.js';

/** 成本指标 as a 一级 (财预〔2021〕101号 templates) or as a 二级 under 产出 (older ones). */
export function isCostRow(row: { tier1: string; tier2: string }): boolean {
  return row.tier1.includes('成本') || row.tier2.includes('成本');
}

/** How a row's target is read: in the table's year, as a cost ceiling when the row is a cost indicator. */
export function rowContext(row: { tier1: string; tier2: string }, year: number): ParseContext {
  return isCostRow(row) ? { year, cost: true } : { year };
}
