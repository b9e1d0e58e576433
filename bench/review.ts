/**
 * Batch review: 1,000 filled 自评表 (the shared cases' workbooks and the seed's eight self-evaluation workbooks,
 * copied round-robin) re-scored by the built CLI in one run, `jixiao review DIR --format json -o …`. Reports the
 * wall time, the time per table, the peak RSS, and a floor: reading and unzipping the same files.
 *   npx tsx bench/review.ts
 *   BENCH_TABLES=200 npx tsx bench/review.ts
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist/cli/bin.js');
const CASES = join(ROOT, 'test/fixtures/xlsx/cases');
const SAMPLE = join(ROOT, 'samples/lunan-2025');

export interface ReviewBench {
  tables: number;
  ms: number;
  perTableMs: number;
  floorMs: number;
  peakRssMb: number | null;
  unreadable: number;
}

export async function benchReview(n = Number(process.env.BENCH_TABLES ?? 1000)): Promise<ReviewBench> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-review-'));
  try {
    const seed = join(dir, 'seed');
    const r = spawnSync(process.execPath, [
      BIN,
      'report',
      join(SAMPLE, 'goals.json'),
      join(SAMPLE, 'actuals-year-end.yaml'),
      '-f',
      'xlsx',
      '-o',
      seed,
    ]);
    if (r.status !== 0) throw new Error(`bench: report -f xlsx failed: ${r.stderr}`);
    const sources = [
      ...(existsSync(CASES)
        ? readdirSync(CASES)
            .filter((f) => f.endsWith('.xlsx'))
            .map((f) => join(CASES, f))
        : []),
      ...readdirSync(seed)
        .filter((f) => f.endsWith('-self-evaluation.xlsx'))
        .map((f) => join(seed, f)),
    ];
    const tables = join(dir, 'tables');
    spawnSync('mkdir', [tables]);
    for (let i = 0; i < n; i++)
      copyFileSync(sources[i % sources.length] as string, join(tables, `${String(i).padStart(5, '0')}.xlsx`));

    const t0 = performance.now();
    for (const f of readdirSync(tables)) unzipSync(new Uint8Array(readFileSync(join(tables, f))));
    const floorMs = performance.now() - t0;

    const out = join(dir, 'summary.json');
    const timeBin = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'RSS_KB=%M'] : [];
    const t1 = performance.now();
    const run = spawnSync(
      timeBin[0] ?? process.execPath,
      [
        ...timeBin.slice(1),
        ...(timeBin.length ? [process.execPath] : []),
        BIN,
        'review',
        tables,
        '--year',
        '2022',
        '-f',
        'json',
        '-o',
        out,
      ],
      { encoding: 'utf8' },
    );
    const ms = performance.now() - t1;
    if (run.status !== 0 && run.status !== 1 && run.status !== 3)
      throw new Error(`bench: review failed: ${run.stderr}`);
    const summary = JSON.parse(readFileSync(out, 'utf8')) as { summary: { tables: number; unreadable: number } };
    const rss = /RSS_KB=(\d+)/.exec(run.stderr)?.[1];
    return {
      tables: summary.summary.tables,
      ms: Math.round(ms),
      perTableMs: Math.round((ms / n) * 10) / 10,
      floorMs: Math.round(floorMs),
      peakRssMb: rss ? Math.round(Number(rss) / 1024) : null,
      unreadable: summary.summary.unreadable,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(await benchReview(), null, 2)}\n`);
}
