import type { Rounding } from '../model/rule-set.js';
import { cleanFloat } from './units.js';

/**
 * Figures are printed with at most this many decimals; a rule with mode none ("no rounding of its own") keeps
 * exactly these, so the score printed is the score summed and graded (89.99996 is never printed 90 and graded 良).
 */
export const PRINTED_DECIMALS = 4;

/**
 * Round as the rule set says, exactly at decimal boundaries: 12.165 → 12.17 (half-up), 1.005 → 1.01.
 * The scaled value is first cleaned of binary noise (1.005 × 100 = 100.49999999999999 → 100.5).
 * Mode none keeps PRINTED_DECIMALS decimals (half-up).
 */
export function round(x: number, rule: Rounding): number {
  if (!Number.isFinite(x)) return cleanFloat(x);
  if (rule.mode === 'none') return round(x, { decimals: PRINTED_DECIMALS, mode: 'half-up' });
  const factor = 10 ** rule.decimals;
  const scaled = cleanFloat(x * factor);
  // Already on the grid (the common case: 12.5, 10): an integer over a power of ten is exact.
  if (Number.isInteger(scaled)) return scaled / factor || 0;
  const abs = Math.abs(scaled);
  const floor = Math.floor(abs);
  const diff = abs - floor;
  let n: number;
  if (rule.mode === 'truncate') n = floor;
  else if (Math.abs(diff - 0.5) > 1e-9) n = diff > 0.5 ? floor + 1 : floor;
  else n = rule.mode === 'half-up' ? floor + 1 : floor % 2 === 0 ? floor : floor + 1;
  return (scaled < 0 ? -n : n) / factor || 0;
}

/** Sum figures that are already rounded to `decimals` without float artefacts (0.1 + 0.2 = 0.3). */
export function sumExact(values: readonly number[], decimals = 6): number {
  const factor = 10 ** decimals;
  let total = 0;
  for (const v of values) total += Math.round(v * factor);
  return cleanFloat(total / factor);
}

/** How a rounding rule reads in an explanation. */
export function describeRounding(rule: Rounding): string {
  if (rule.mode === 'none') return `不另行舍入（保留至多${PRINTED_DECIMALS}位小数）`;
  const mode = { 'half-up': '四舍五入', 'half-even': '四舍六入五成双', truncate: '截断' }[rule.mode];
  return rule.decimals === 0 ? `${mode}取整` : `${mode}保留${rule.decimals}位小数`;
}

/** Past 1e21 JavaScript prints numbers in exponent notation ("5e+21"); a printed figure never is. */
const EXPONENT_FROM = 1e21;
const plain = (x: number) =>
  Math.abs(x) < EXPONENT_FROM || !Number.isFinite(x)
    ? String(x)
    : x.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });

/** Print a figure with exactly `decimals` places (for tables and reports). */
export function fixed(x: number, decimals: number): string {
  const r = round(x, { decimals, mode: 'half-up' });
  return Math.abs(r) < EXPONENT_FROM
    ? r.toFixed(decimals)
    : `${plain(r)}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
}

/**
 * The one plain-number format, shared by report/format.ts (which re-exports it) and the io and core messages
 * that cannot import report: at most `decimals` places, no trailing zeros, never exponent notation
 * (13.575, 0.6667, 12; 1e-9 at 9 places is "0.000000001").
 */
export function num(x: number, decimals = PRINTED_DECIMALS): string {
  const r = round(x, { decimals, mode: 'half-up' });
  // String() prints magnitudes below 1e-6 in exponent notation too.
  if (r === 0 || Math.abs(r) >= 1e-6 || !Number.isFinite(r)) return plain(r);
  return r.toFixed(decimals).replace(/0+$/, '');
}

/** A share as a percentage, as num prints the percent figure: 0.8 → "80%", 0.123456 → "12.3456%". */
export const percent = (share: number, decimals = PRINTED_DECIMALS): string => `${num(share * 100, decimals)}%`;
