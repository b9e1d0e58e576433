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

/**
 * Best-of-N of a floor and a run, alternated (floor, run, floor, run, …) so that both see the same machine load:
 * on a shared 2-core machine a burst of other work would otherwise land on one side of the ratio only.
 */
export function timePair<T>(
  floor: () => unknown,
  run: () => T,
  runs = 3,
): { floor: Measure; run: Measure & { result: T } } {
  const f = { best: Number.POSITIVE_INFINITY, peak: 0 };
  const m = { best: Number.POSITIVE_INFINITY, peak: 0 };
  let result: T | undefined;
  const once = (fn: () => unknown, acc: { best: number; peak: number }) => {
    globalThis.gc?.();
    const t0 = performance.now();
    const out = fn();
    acc.best = Math.min(acc.best, performance.now() - t0);
    acc.peak = Math.max(acc.peak, process.memoryUsage().rss);
    return out;
  };
  for (let i = 0; i < runs; i++) {
    once(floor, f);
    result = once(run, m) as T;
  }
  const mb = (b: number) => Math.round(b / 2 ** 20);
  return {
    floor: { ms: round1(f.best), peakRssMb: mb(f.peak) },
    run: { ms: round1(m.best), peakRssMb: mb(m.peak), result: result as T },
  };
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
