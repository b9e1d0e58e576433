/**
 * npm run bench — one suite for every stage, each at 1×, 10× and 100× its base size, each as a ratio to a floor
 * measured in the same run (these machines are noisy), plus CLI start-up and peak memory. Measures the built
 * code in dist/ (what users run). Writes bench/results/latest.{json,md}.
 *   npm run bench                     everything
 *   npm run bench -- parse score      some sections (results are then printed, not written)
 *   BENCH_SCALES=1,10 npm run bench   smaller sizes
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorDocument } from '../dist/core/monitoring/index.js';
import { scoreDocument } from '../dist/core/scoring/index.js';
import { parseTarget } from '../dist/core/target/parse.js';
import { decode } from '../dist/io/decode.js';
import { parseGoalDocument } from '../dist/io/goal-document/index.js';
import { loadRuleSet } from '../dist/io/rules.js';
import { writeFileAtomic } from '../dist/io/write.js';
import { type Row, ratio, time, timePair } from './harness.js';
import { syntheticData, syntheticMidYear } from './synthetic.js';
import { type TargetString, targetCorpus } from './target-corpus.js';

const ROOT = join(import.meta.dirname, '..');
const SEED = join(ROOT, 'samples/lunan-2025/goals-document.txt');
const SCALES = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number);
const wanted = process.argv.slice(2);
const on = (name: string) => wanted.length === 0 || wanted.includes(name);
const rows: Row[] = [];
const linear: { name: string; perItemGrowth: number }[] = [];

function log(r: Row): void {
  rows.push(r);
  const mark = r.ok === null ? '' : r.ok ? 'ok' : 'MISSED';
  process.stdout.write(
    `${r.name.padEnd(46)} ${r.value.padStart(12)}  floor ${r.floor.padStart(11)}  ×${String(r.ratio ?? '-').padEnd(5)} ${r.goal} ${mark}\n`,
  );
}

/**
 * Time `run` against `floor` at every scale; report the ratio, and how the per-item time grows from the
 * smallest to the largest scale (1.0 = perfectly linear).
 */
function scaled<T>(
  name: string,
  unit: string,
  base: number,
  make: (n: number) => T,
  run: (d: T) => unknown,
  floor: (d: T) => unknown,
  goal?: number,
): void {
  const perItem: number[] = [];
  for (const s of SCALES) {
    const n = base * s;
    const data = make(n);
    // Small sizes are cheap: more rounds, the first untimed, so that they measure warm code as the large ones do.
    const runs = n >= base * 100 ? 2 : n >= base * 10 ? 3 : 7;
    if (n < base * 10) {
      floor(data);
      run(data);
    }
    const { floor: f, run: m } = timePair(
      () => floor(data),
      () => run(data),
      runs,
    );
    perItem.push(m.ms / n);
    const r = ratio(m.ms, f.ms);
    log({
      name: `${name} ${s}× (${n.toLocaleString('en')} ${unit})`,
      value: `${m.ms} ms`,
      floor: `${f.ms} ms`,
      ratio: r,
      goal: goal ? `≤ ${goal}× floor` : '',
      ok: goal ? r <= goal : null,
    });
  }
  if (perItem.length > 1) {
    const growth = ratio(perItem[perItem.length - 1] as number, perItem[0] as number);
    linear.push({ name, perItemGrowth: growth });
    log({
      name: `  ${name}: per-item time ${SCALES.at(-1)}× / ${SCALES[0]}×`,
      value: `×${growth}`,
      floor: '',
      ratio: null,
      goal: '≈ 1 (linear)',
      ok: null,
    });
  }
}

/**
 * The floor for data-sized work: read the same data from a file, JSON.parse it and JSON.stringify it back
 * (the cheapest way any tool could take it in and hand it on).
 */
interface OnDisk<T> {
  data: T;
  file: string;
}
function onDisk<T>(data: T, name: string): OnDisk<T> {
  const file = join(tmpdir(), `jixiao-bench-${name}.json`);
  writeFileSync(file, JSON.stringify(data));
  return { data, file };
}
const jsonFloor = (d: OnDisk<unknown>) => JSON.stringify(JSON.parse(readFileSync(d.file, 'utf8'))).length;
const seedText = decode(readFileSync(SEED), SEED).text;
const national = await loadRuleSet('national');

if (on('parse')) {
  // The seed's, the other units' documents' and the grammar's own target strings, each with its row's context.
  const { strings: corpus, counts } = targetCorpus(ROOT);
  process.stdout.write(
    `target strings: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}\n`,
  );
  const strings = (n: number) => Array.from({ length: n }, (_, i) => corpus[i % corpus.length] as TargetString);
  const floorRe = /^[≥≤<>=]?\d+(?:\.\d+)?/;
  scaled(
    'parse targets',
    'strings',
    10_000,
    strings,
    (xs) => {
      for (const x of xs) parseTarget(x.raw, x.ctx);
    },
    (xs) => {
      for (const x of xs) floorRe.test(x.raw);
    },
  );
  const xs = strings(1_000_000);
  const t = time(() => {
    for (const x of xs) parseTarget(x.raw, x.ctx);
  }, 3);
  const perSec = Math.round(1_000_000 / (t.ms / 1000));
  log({
    name: 'target strings parsed per second',
    value: perSec.toLocaleString('en'),
    floor: '',
    ratio: null,
    goal: '≥ 500,000/s',
    ok: perSec >= 500_000,
  });
}

if (on('import')) {
  // The seed document with its eight tables repeated (codes made unique): 1× is the seed itself.
  const tables = seedText.slice(seedText.indexOf(' [bookmark: _Toc_4_4_0000000004]'));
  const head = seedText.slice(0, seedText.indexOf(' [bookmark: _Toc_4_4_0000000004]'));
  const doc = (copies: number) =>
    head +
    Array.from({ length: copies }, (_, k) => tables.replace(/13020225P0/g, `1302${String(k).padStart(4, '0')}P0`)).join(
      '',
    );
  scaled(
    'import goal document',
    'tables',
    8,
    (n) => Buffer.from(doc(n / 8)),
    (b) => parseGoalDocument(decode(b, 'x').text, { source: null }),
    (b) =>
      new TextDecoder()
        .decode(b)
        .split('\n')
        .map((l) => l.split('\t')),
  );
}

if (on('score')) {
  scaled(
    'score',
    'projects',
    1000,
    (n) => onDisk(syntheticData(n), 'score'),
    (d) => scoreDocument(d.data.goals, d.data.actuals, national),
    jsonFloor,
    1.5,
  );
}

if (on('monitor')) {
  scaled(
    'monitor',
    'projects',
    1000,
    (n) => {
      const d = syntheticData(n);
      return onDisk({ goals: d.goals, actuals: syntheticMidYear(d.actuals) }, 'monitor');
    },
    (d) => monitorDocument(d.data.goals, d.data.actuals, national, '2025-06-30'),
    jsonFloor,
    1.5,
  );
}

if (on('check') && existsSync(join(ROOT, 'dist/core/check/index.js'))) {
  // Imported by a computed path: the section runs only where the module exists.
  const checkModule = '../dist/core/check/index.js';
  const { checkGoals } = (await import(checkModule)) as {
    checkGoals: (g: unknown, o: { tierNames: string[] }) => unknown[];
  };
  const tierNames = Object.keys(national.ruleSet.tiers.weights);
  scaled(
    'check',
    'projects',
    1000,
    (n) => onDisk(syntheticData(n).goals, 'check'),
    (g) => checkGoals(g.data, { tierNames }),
    jsonFloor,
  );
}

if (on('render') && existsSync(join(ROOT, 'bench/report.ts'))) {
  const reportModule = './report.js';
  const { benchReport } = (await import(reportModule)) as {
    benchReport: () => Promise<{ name: string; ms: number; items: number }[]>;
  };
  for (const r of await benchReport()) {
    log({
      name: `render ${r.name} (${r.items} reports)`,
      value: `${r.ms} ms`,
      floor: '',
      ratio: null,
      goal: '< 2000 ms',
      ok: r.ms < 2000,
    });
  }
}

if (on('workbench') && existsSync(join(ROOT, 'bench/workbench.ts'))) {
  const workbenchModule = './workbench.js';
  const { benchWorkbench } = (await import(workbenchModule)) as {
    benchWorkbench: () => Promise<
      { name: string; p50: number; p95: number; roundTripP95: number; goalMs: number | null }[]
    >;
  };
  for (const r of await benchWorkbench()) {
    log({
      name: r.name,
      value: `p50 ${r.p50} / p95 ${r.p95} ms`,
      floor: `HTTP p95 ${r.roundTripP95} ms`,
      ratio: null,
      goal: r.goalMs === null ? '' : `p95 < ${r.goalMs} ms (server)`,
      ok: r.goalMs === null ? null : r.p95 < r.goalMs,
    });
  }
}

if (on('review') && existsSync(join(ROOT, 'bench/review.ts'))) {
  const reviewModule = './review.js';
  const { benchReview } = (await import(reviewModule)) as {
    benchReview: () => Promise<{
      tables: number;
      ms: number;
      perTableMs: number;
      floorMs: number;
      peakRssMb: number | null;
    }>;
  };
  const r = await benchReview();
  log({
    name: `review ${r.tables} tables (one run, json summary)`,
    value: `${r.ms} ms`,
    floor: `unzip ${r.floorMs} ms`,
    ratio: null,
    goal: `${r.perTableMs} ms/table, peak RSS ${r.peakRssMb ?? '?'} MB`,
    ok: null,
  });
}

if (on('stream') && existsSync(join(ROOT, 'bench/stream.ts'))) {
  const streamModule = './stream.js';
  const { benchStream } = (await import(streamModule)) as typeof import('./stream.js');
  for (const r of benchStream()) {
    const x = ratio(r.ms, r.floorMs);
    log({
      name: `score JSON Lines ${r.projects.toLocaleString('en')} projects (child process${r.threads > 1 ? `, ${r.threads} worker threads` : ''})`,
      value: `${r.ms} ms`,
      floor: `${r.floorMs} ms`,
      ratio: x,
      goal: `≤ 1.3× floor, peak RSS ${r.rssMb} MB (floor ${r.floorRssMb} MB) < 300 MB`,
      ok: x <= 1.3 && r.rssMb < 300,
    });
  }
}

if (on('startup')) {
  const bin = join(ROOT, 'dist/cli/bin.js');
  const run = (args: string[]) => time(() => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }), 7);
  const floor = run(['-e', '0']);
  const help = run([bin, '--help']);
  log({
    name: 'jixiao --help',
    value: `${help.ms} ms`,
    floor: `${floor.ms} ms`,
    ratio: ratio(help.ms, floor.ms),
    goal: '≤ 2× node -e 0',
    ok: help.ms <= 2 * floor.ms,
  });
  const sample = run([
    bin,
    'score',
    join(ROOT, 'samples/lunan-2025/goals.json'),
    join(ROOT, 'samples/lunan-2025/actuals-year-end.yaml'),
  ]);
  log({
    name: 'jixiao score on the sample',
    value: `${sample.ms} ms`,
    floor: `${floor.ms} ms`,
    ratio: ratio(sample.ms, floor.ms),
    goal: '≤ 1000 ms',
    ok: sample.ms <= 1000,
  });
}

const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
log({
  name: 'peak memory (max RSS of the whole run)',
  value: `${peakMb} MB`,
  floor: '',
  ratio: null,
  goal: '',
  ok: null,
});

const when = process.env.BENCH_DATE ?? new Date().toISOString().slice(0, 10);
const md = [
  `# npm run bench — ${when}, Node ${process.version}, ${process.platform}, scales ${SCALES.join('/')}×`,
  '',
  'Every figure is measured in one run; "floor" is the cheapest comparable work on the same data in the same run',
  '(parse: one regex test per string; import: decode and split into cells; score/monitor/check: JSON.parse +',
  'JSON.stringify of the same data; start-up: `node -e 0`).',
  '',
  '| measure | value | floor | ratio | goal | |',
  '|---|---:|---:|---:|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name.trim()} | ${r.value} | ${r.floor} | ${r.ratio ?? ''} | ${r.goal} | ${r.ok === null ? '' : r.ok ? 'ok' : 'missed'} |`,
  ),
  '',
];
if (wanted.length === 0) {
  writeFileAtomic(join(ROOT, 'bench/results/latest.md'), md.join('\n'));
  writeFileAtomic(
    join(ROOT, 'bench/results/latest.json'),
    `${JSON.stringify({ date: when, node: process.version, scales: SCALES, rows, linear }, null, 2)}\n`,
  );
}
