/** Timing helpers for npm run bench: best-of-N wall time, peak memory sampled while the work runs. */

export interface Measure {
  ms: number;
  peakRssMb: number;
}

export function time<T>(fn: () => T, runs = 3): Measure & { result: T } {
  let best = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { ms: round1(best), peakRssMb: Math.round(peak / 2 ** 20), result: result as T };
}

/** Operations per second of `fn` over `items`, best of N rounds of at least `minMs`. */
export function rate<T>(items: readonly T[], fn: (x: T) => unknown, minMs = 400, runs = 3): number {
  let best = 0;
  for (let r = 0; r < runs; r++) {
    let n = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < minMs) {
      for (const x of items) fn(x);
      n += items.length;
      elapsed = performance.now() - t0;
    }
    best = Math.max(best, n / (elapsed / 1000));
  }
  return Math.round(best);
}

export const round1 = (x: number) => Math.round(x * 10) / 10;
export const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

export interface Row {
  name: string;
  value: string;
  floor: string;
  ratio: number | null;
  goal: string;
  ok: boolean | null;
}
