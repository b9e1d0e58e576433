import { KNOWN_UNITS } from '../units.js';
import type { ParseContext } from './parse.js';

/** 成本指标 as a 一级 (财预〔2021〕101号 templates) or as a 二级 under 产出 (older ones). */
export function isCostRow(row: { tier1: string; tier2: string }): boolean {
  return row.tier1.includes('成本') || row.tier2.includes('成本');
}

/**
 * How a row's target is read: in the table's year, as a cost ceiling when the row is a cost indicator, and with
 * the unit its name gives ("受益人数(人)", "苗木成活率(≥**%)") for a cell that prints a bare number.
 */
export function rowContext(row: { tier1: string; tier2: string; name?: string }, year: number): ParseContext {
  const ctx: ParseContext = isCostRow(row) ? { year, cost: true } : { year };
  const unit = row.name === undefined ? null : nameUnit(row.name);
  if (unit) ctx.unit = unit;
  return ctx;
}

/** "(亩)", "（公里）", "(≥**%)", "(≥**万元)" at the end of an indicator's name: the unit, when it is a known one. */
export function nameUnit(name: string): string | null {
  const m = /[(（]\s*(?:[≥≤><=]*\s*\*+)?\s*([^()（）*\d\s]{1,4})\s*[)）]\s*$/.exec(name);
  const unit = m?.[1];
  return unit && KNOWN_UNITS.includes(unit) ? unit : null;
}
