import type { Rounding } from '../model/rule-set.js';
import { cleanFloat } from './units.js';

/**
 * Round as the rule set says, exactly at decimal boundaries: 12.165 → 12.17 (half-up), 1.005 → 1.01.
 * The scaled value is first cleaned of binary noise (1.005 × 100 = 100.49999999999999 → 100.5).
 */
export function round(x: number, rule: Rounding): number {
  if (rule.mode === 'none' || !Number.isFinite(x)) return cleanFloat(x);
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
  if (rule.mode === 'none') return '不取整';
  const mode = { 'half-up': '四舍五入', 'half-even': '四舍六入五成双', truncate: '截断' }[rule.mode];
  return rule.decimals === 0 ? `${mode}取整` : `${mode}保留${rule.decimals}位小数`;
}

/** Print a figure with exactly `decimals` places (for tables and reports). */
export function fixed(x: number, decimals: number): string {
  return round(x, { decimals, mode: 'half-up' }).toFixed(decimals);
}

/** A number inside an explanation sentence: at most 4 decimals, no trailing zeros (13.575, 0.6667, 12). */
export function num(x: number): string {
  return String(round(x, { decimals: 4, mode: 'half-up' }));
}
