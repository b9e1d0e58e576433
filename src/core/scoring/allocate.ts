import { cleanFloat } from '../units.js';

/**
 * Share `total` among items in proportion to `shares`, exact at `decimals` places (largest remainder):
 * 50 among three equal indicators at 2 decimals is 16.67 + 16.67 + 16.66, never 50.01.
 * Equal remainders are broken by `keys` (the indicators' names) when given, so the same rows get the same points
 * whatever order the table lists them in (50 among three at integers is 17 + 17 + 16, the 16 always the same row);
 * by position only where the keys are equal too.
 */
export function allocate(
  total: number,
  shares: readonly number[],
  decimals: number,
  keys?: readonly string[],
): number[] {
  const factor = 10 ** decimals;
  // Clean the scaled total first: 0.145 × 100 is 14.499999999999998 in binary, and must round to 15.
  const units = Math.round(cleanFloat(total * factor));
  const sum = shares.reduce((a, b) => a + b, 0);
  if (shares.length === 0) return [];
  if (sum <= 0) return shares.map(() => 0);
  const exact = shares.map((s) => (units * s) / sum);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = units - floors.reduce((a, b) => a + b, 0);
  if (left <= 0) return floors.map((u) => u / factor);
  const order = exact
    .map((x, i) => ({ i, frac: cleanFloat(x - Math.floor(x + 1e-9)) }))
    .sort((a, b) => b.frac - a.frac || byKey(keys, a.i, b.i) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors.map((u) => u / factor);
}

function byKey(keys: readonly string[] | undefined, a: number, b: number): number {
  const ka = keys?.[a] ?? '';
  const kb = keys?.[b] ?? '';
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
