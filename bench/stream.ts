/**
 * Streaming score (JSON Lines): `score goals.jsonl actuals.jsonl -o out.jsonl` at 10,000 and 100,000 projects
 * against its floor (the same lines read, parsed and stringified), each run in a child process so its peak RSS
 * is measured alone. Goals: time ≤ 1.3× the floor, peak RSS < 300 MB whatever the size.
 *   npm run bench -- stream
 *   BENCH_STREAM=10000 npm run bench -- stream
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticData } from './synthetic.js';

const CHILD = join(import.meta.dirname, 'stream-child.mjs');

export interface StreamBench {
  projects: number;
  /** Scoring threads (JIXIAO_THREADS): 1 is the default. */
  threads: number;
  ms: number;
  floorMs: number;
  rssMb: number;
  floorRssMb: number;
}

/** The synthetic projects as two JSON Lines files, written 1,000 at a time (the writer holds no whole set). */
function writeInputs(dir: string, n: number): { goals: string; actuals: string } {
  const goals = join(dir, 'goals.jsonl');
  const actuals = join(dir, 'actuals.jsonl');
  const g = openSync(goals, 'w');
  const a = openSync(actuals, 'w');
  writeSync(a, `${JSON.stringify({ schema: 'jixiao/actuals@1', period: 'year-end' })}\n`);
  for (let done = 0; done < n; done += 1000) {
    const d = syntheticData(Math.min(1000, n - done));
    const code = (i: number) => `P${String(done + i).padStart(8, '0')}`;
    writeSync(g, d.goals.projects.map((p, i) => `${JSON.stringify({ ...p, code: code(i) })}\n`).join(''));
    writeSync(a, d.actuals.projects.map((p, i) => `${JSON.stringify({ ...p, code: code(i) })}\n`).join(''));
  }
  closeSync(g);
  closeSync(a);
  return { goals, actuals };
}

function child(mode: 'floor' | 'score', files: { goals: string; actuals: string }, out: string, threads = 1) {
  const env = { ...process.env, JIXIAO_THREADS: String(threads) };
  const r = spawnSync(process.execPath, [CHILD, mode, files.goals, files.actuals, out], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`bench stream ${mode}: ${r.stderr}`);
  return JSON.parse(r.stdout) as { ms: number; rssMb: number; lines: number };
}

export function benchStream(
  sizes = (process.env.BENCH_STREAM ?? '10000,100000').split(',').map(Number),
): StreamBench[] {
  const results: StreamBench[] = [];
  // Each size on one thread (the default), the largest also on two worker threads (JIXIAO_THREADS=2).
  const runs = sizes.map((n) => ({ n, threads: 1 })).concat({ n: Math.max(...sizes), threads: 2 });
  for (const { n, threads } of runs) {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-stream-'));
    try {
      const files = writeInputs(dir, n);
      const out = join(dir, 'out.jsonl');
      // Alternated, best of N: a burst of other work on this shared machine lands on both sides alike.
      const best = { ms: Number.POSITIVE_INFINITY, floorMs: Number.POSITIVE_INFINITY, rssMb: 0, floorRssMb: 0 };
      for (let k = 0; k < (n >= 100_000 ? 2 : 3); k++) {
        const f = child('floor', files, out);
        const s = child('score', files, out, threads);
        if (s.lines !== n) throw new Error(`bench stream: ${s.lines} lines scored of ${n}`);
        best.floorMs = Math.min(best.floorMs, f.ms);
        best.ms = Math.min(best.ms, s.ms);
        best.rssMb = Math.max(best.rssMb, s.rssMb);
        best.floorRssMb = Math.max(best.floorRssMb, f.rssMb);
      }
      results.push({ projects: n, threads, ...best });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}
