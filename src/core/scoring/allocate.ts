import { cleanFloat } from '../units.js';

/**
 * Share `total` among items in proportion to `shares`, exact at `decimals` places (largest remainder):
 * 50 among three equal indicators at 2 decimals is 16.67 + 16.67 + 16.66, never 50.01.
 */
export function allocate(total: number, shares: readonly number[], decimals: number): number[] {
  const factor = 10 ** decimals;
  // Clean the scaled total first: 0.145 × 100 is 14.499999999999998 in binary, and must round to 15.
  const units = Math.round(cleanFloat(total * factor));
  const sum = shares.reduce((a, b) => a + b, 0);
  if (shares.length === 0) return [];
  if (sum <= 0) return shares.map(() => 0);
  const exact = shares.map((s) => (units * s) / sum);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = units - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x + 1e-9) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors.map((u) => u / factor);
}
