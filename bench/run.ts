/**
 * npm run bench — every figure is a ratio against a floor measured in the same run (these machines are noisy).
 * Measures the built code in dist/ (what users run), not the TypeScript sources.
 *   npm run bench                 all sections
 *   npm run bench -- parse score  some sections
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreDocument } from '../dist/core/scoring/index.js';
import { parseTarget } from '../dist/core/target/parse.js';
import { decode } from '../dist/io/decode.js';
import { parseGoalDocument } from '../dist/io/goal-document/index.js';
import { loadRuleSet } from '../dist/io/rules.js';
import { writeFileAtomic } from '../dist/io/write.js';
import { type Row, rate, ratio, round1, time } from './harness.js';
import { syntheticData } from './synthetic.js';

const ROOT = join(import.meta.dirname, '..');
const SEED = join(ROOT, 'samples/lunan-2025/goals-document.txt');
const wanted = process.argv.slice(2);
const on = (name: string) => wanted.length === 0 || wanted.includes(name);
const rows: Row[] = [];
const log = (r: Row) => {
  rows.push(r);
  process.stdout.write(
    `${r.name.padEnd(44)} ${r.value.padStart(14)}  floor ${r.floor.padStart(12)}  ×${r.ratio ?? '-'}  ${r.goal} ${r.ok === null ? '' : r.ok ? 'ok' : 'MISSED'}\n`,
  );
};

function targetCorpus(): string[] {
  const seed = parseGoalDocument(decode(readFileSync(SEED), SEED).text, { source: null });
  const fromSeed = seed.projects.flatMap((p) => p.indicators.map((i) => i.target.raw));
  const cases = join(ROOT, '../shared/cases');
  let fromCases: string[] = [];
  try {
    const { readdirSync } = require_fs();
    fromCases = readdirSync(cases)
      .filter((f: string) => f.endsWith('.json'))
      .flatMap((f: string) =>
        (JSON.parse(readFileSync(join(cases, f), 'utf8')).indicators as { target: string; actual: string }[]).flatMap(
          (i) => [i.target, i.actual],
        ),
      );
  } catch {
    // shared/ is beside the project in this workplace only; the seed alone is a fair corpus.
  }
  return [...fromSeed, ...fromCases];
}
function require_fs() {
  return {
    readdirSync: (d: string) => (process.getBuiltinModule?.('node:fs') ?? { readdirSync: () => [] }).readdirSync(d),
  };
}

if (on('parse')) {
  const corpus = targetCorpus();
  const floorRe = /^[≥≤<>=]?\d+(?:\.\d+)?/;
  const floor = rate(corpus, (s) => floorRe.test(s));
  const perSec = rate(corpus, (s) => parseTarget(s, { year: 2025 }));
  log({
    name: `target strings parsed / s (${corpus.length} real strings)`,
    value: perSec.toLocaleString('en'),
    floor: `${floor.toLocaleString('en')}/s`,
    ratio: ratio(floor, perSec),
    goal: '≥ 500,000/s',
    ok: perSec >= 500_000,
  });
}

if (on('import')) {
  const bytes = readFileSync(SEED);
  const floor = time(
    () =>
      new TextDecoder()
        .decode(bytes)
        .split('\n')
        .map((l) => l.split('\t')),
    20,
  );
  const imp = time(() => parseGoalDocument(decode(bytes, SEED).text, { source: 'seed' }), 20);
  log({
    name: 'seed import (8 projects, 57 indicators)',
    value: `${imp.ms} ms`,
    floor: `${floor.ms} ms`,
    ratio: ratio(imp.ms, floor.ms),
    goal: '',
    ok: null,
  });
}

if (on('score')) {
  const projects = Number(process.env.BENCH_PROJECTS ?? 100_000);
  const rules = await loadRuleSet('national');
  const { goals, actuals } = syntheticData(projects);
  const dir = tmpdir();
  const gFile = join(dir, 'jixiao-bench-goals.json');
  const aFile = join(dir, 'jixiao-bench-actuals.json');
  writeFileSync(gFile, JSON.stringify(goals));
  writeFileSync(aFile, JSON.stringify(actuals));
  // Floor: read, JSON.parse and JSON.stringify the same data.
  const floor = time(() => {
    const g = JSON.parse(readFileSync(gFile, 'utf8'));
    const a = JSON.parse(readFileSync(aFile, 'utf8'));
    return JSON.stringify(g).length + JSON.stringify(a).length;
  }, 2);
  const g = JSON.parse(readFileSync(gFile, 'utf8'));
  const a = JSON.parse(readFileSync(aFile, 'utf8'));
  const score = time(() => scoreDocument(g, a, rules), 2);
  if (!score.result.ok) throw new Error(JSON.stringify(score.result.errors.slice(0, 3)));
  const n = projects * 10;
  log({
    name: `score ${projects.toLocaleString('en')} projects (${n.toLocaleString('en')} indicators)`,
    value: `${score.ms} ms`,
    floor: `${floor.ms} ms`,
    ratio: ratio(score.ms, floor.ms),
    goal: '≤ 1.5× floor',
    ok: score.ms <= 1.5 * floor.ms,
  });
  log({ name: '  peak RSS while scoring', value: `${score.peakRssMb} MB`, floor: '', ratio: null, goal: '', ok: null });
}

if (on('startup')) {
  const bin = join(ROOT, 'dist/cli/bin.js');
  const run = (args: string[]) => time(() => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }), 5);
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
  const sample = run([bin, 'score', SEED, join(ROOT, 'samples/lunan-2025/actuals-year-end.yaml')]);
  log({
    name: 'jixiao score on the sample',
    value: `${sample.ms} ms`,
    floor: `${floor.ms} ms`,
    ratio: ratio(sample.ms, floor.ms),
    goal: '≤ 1000 ms',
    ok: sample.ms <= 1000,
  });
}

const when = process.env.BENCH_DATE ?? new Date().toISOString().slice(0, 10);
const md = [
  `# npm run bench — ${when}, Node ${process.version}, ${process.platform}`,
  '',
  '| measure | value | floor (same run) | ratio | goal | |',
  '|---|---:|---:|---:|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.value} | ${r.floor} | ${r.ratio ?? ''} | ${r.goal} | ${r.ok === null ? '' : r.ok ? 'ok' : 'missed'} |`,
  ),
  '',
];
if (wanted.length === 0) {
  writeFileAtomic(join(ROOT, 'bench/results/latest.md'), md.join('\n'));
  writeFileAtomic(
    join(ROOT, 'bench/results/latest.json'),
    `${JSON.stringify({ date: when, node: process.version, rows }, null, 2)}\n`,
  );
}
process.stdout.write(`\n${round1(process.memoryUsage().rss / 2 ** 20)} MB RSS at exit\n`);
