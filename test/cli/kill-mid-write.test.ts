/**
 * Safe writes under SIGKILL. A large report batch is killed (1) from outside at points spread over its writing and
 * (2) from inside a write, half-way through a file's bytes (a preloaded hook, so the timing is certain); every
 * report in the folder is then byte for byte the old one or the complete new one. A control run of a plain
 * writer under the same hook shows the checker does find torn files.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jixiao, ROOT, SAMPLE } from '../helpers/cli.js';

const COPIES = 40; // 8 sample projects × 40 = 320 reports, plus the department summary
const HOOK = join(ROOT, 'test/fixtures/write/kill-in-write.mjs');
const BIN = join(ROOT, 'dist/cli/bin.js');

interface Batch {
  dir: string;
  goals: string;
  oldActuals: string;
  newActuals: string;
  oldDir: string;
  newDir: string;
  names: string[];
}

/** The sample's projects repeated with new 项目编码, and two year-end scenarios that differ in every report. */
function makeBatch(dir: string): Batch {
  const goals = JSON.parse(readFileSync(join(SAMPLE, 'goals.json'), 'utf8'));
  const actuals = parse(readFileSync(join(SAMPLE, 'actuals-year-end.yaml'), 'utf8'));
  const recode = (code: string, k: number) => `${code}-${String(k).padStart(3, '0')}`;
  const copies = <T extends { code: string }>(xs: T[]) =>
    Array.from({ length: COPIES }, (_, k) => xs.map((x) => ({ ...x, code: recode(x.code, k) }))).flat();
  goals.projects = copies(goals.projects);
  type Entry = { code: string; achievement?: string; budget: { executed: number } };
  // The new scenario spends 0.1 万元 less everywhere, so the department summary changes too.
  const scenario = (achievement: string, less: number) => ({
    ...actuals,
    projects: copies(actuals.projects as Entry[]).map((p) => ({
      ...p,
      achievement,
      budget: { ...p.budget, executed: Math.round((p.budget.executed - less) * 100) / 100 },
    })),
  });
  const b: Batch = {
    dir,
    goals: join(dir, 'goals.json'),
    oldActuals: join(dir, 'old.json'),
    newActuals: join(dir, 'new.json'),
    oldDir: join(dir, 'old'),
    newDir: join(dir, 'new'),
    names: [],
  };
  writeFileSync(b.goals, JSON.stringify(goals));
  writeFileSync(b.oldActuals, JSON.stringify(scenario('上一版：年度目标基本完成。', 0)));
  writeFileSync(b.newActuals, JSON.stringify(scenario('修订版：年度目标全部完成，详见各指标说明。', 0.1)));
  for (const [actualsFile, out] of [
    [b.oldActuals, b.oldDir],
    [b.newActuals, b.newDir],
  ] as const) {
    const r = jixiao(['report', b.goals, actualsFile, '--kind', 'self-evaluation', '--format', 'html', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
  }
  b.names = readdirSync(b.newDir).sort();
  return b;
}

interface Seen {
  old: number;
  new: number;
  /** Files under a report's name that are neither version: what safe writes must never leave. */
  torn: string[];
  /** Anything else in the folder (temp files of the killed run). */
  other: string[];
}

function inspect(b: Batch, dir: string): Seen {
  const seen: Seen = { old: 0, new: 0, torn: [], other: [] };
  const expected = new Set(b.names);
  for (const name of readdirSync(dir)) {
    if (!expected.has(name)) {
      seen.other.push(name);
      continue;
    }
    const bytes = readFileSync(join(dir, name));
    if (bytes.equals(readFileSync(join(b.newDir, name)))) seen.new++;
    else if (bytes.equals(readFileSync(join(b.oldDir, name)))) seen.old++;
    else seen.torn.push(name);
  }
  return seen;
}

/** Start `args` on a copy of the old reports and SIGKILL it once `after` reports have changed on disk. */
async function killAfter(
  b: Batch,
  dir: string,
  args: string[],
  after: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Seen> {
  // Old timestamps kept, so that only what the run writes counts as changed.
  cpSync(b.oldDir, dir, { recursive: true, preserveTimestamps: true });
  const start = Date.now();
  const child: ChildProcess = spawn(process.execPath, args, { stdio: 'ignore', env });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const changed = () =>
    b.names.filter((n) => {
      try {
        return statSync(join(dir, n)).mtimeMs >= start;
      } catch {
        return false;
      }
    }).length;
  let running = true;
  void exited.then(() => {
    running = false;
  });
  while (running && changed() < after) await new Promise((r) => setTimeout(r, 2));
  child.kill('SIGKILL');
  await exited;
  return inspect(b, dir);
}

describe('a report batch killed mid-write leaves only old or complete new reports', () => {
  let b: Batch;
  beforeAll(() => {
    b = makeBatch(mkdtempSync(join(tmpdir(), 'jixiao-kill-')));
  }, 120_000);
  afterAll(() => rmSync(b.dir, { recursive: true, force: true }));

  const reportArgs = (dir: string) => [
    'report',
    b.goals,
    b.newActuals,
    '--kind',
    'self-evaluation',
    '--format',
    'html',
    '-o',
    dir,
  ];
  /** Run under the hook that SIGKILLs the process half-way through its n-th writeFileSync. */
  const killInWrite = (dir: string, script: string[], n: number) =>
    killAfter(b, dir, ['--import', HOOK, ...script], Number.POSITIVE_INFINITY, {
      ...process.env,
      KILL_AT_WRITE: String(n),
    });

  it('the two scenarios give different bytes for every report', () => {
    expect(b.names.length).toBe(8 * COPIES + 1); // one per project + the department summary
    expect(inspect(b, b.oldDir)).toEqual({ old: b.names.length, new: 0, torn: [], other: [] });
  });

  it('SIGKILL at six points of the batch: no torn report, and the kills really landed mid-batch', async () => {
    const points = [1, 5, 40, 120, 200, 300];
    const results: Seen[] = [];
    for (const [i, after] of points.entries()) {
      const dir = join(b.dir, `kill-${i}`);
      const seen = await killAfter(b, dir, [BIN, ...reportArgs(dir)], after);
      rmSync(dir, { recursive: true, force: true });
      expect(seen.torn, `killed after ${after} reports`).toEqual([]);
      expect(seen.old + seen.new).toBe(b.names.length);
      for (const name of seen.other) expect(name).toMatch(/^\..+\.\d+\.[0-9a-f]{8}\.tmp$/);
      results.push(seen);
    }
    // At least half of the kills struck while the batch was being written: temp files of the run were left, or
    // the renames at its end were cut short (a mixed folder).
    const struck = results.filter((s) => s.other.length > 0 || (s.old > 0 && s.new > 0));
    expect(struck.length, JSON.stringify(results.map((s) => [s.old, s.new, s.other.length]))).toBeGreaterThanOrEqual(
      points.length / 2,
    );
  }, 180_000);

  it.each([1, 2, 160, 321])('SIGKILL half-way through write no. %i: every old report stays whole', async (n) => {
    const dir = join(b.dir, `in-write-${n}`);
    const seen = await killInWrite(dir, [BIN, ...reportArgs(dir)], n);
    expect(seen.torn).toEqual([]);
    // Every temp file is written before the first rename: the folder is the old set, plus the run's temp files.
    expect(seen).toMatchObject({ old: b.names.length, new: 0 });
    expect(seen.other).toHaveLength(n);
    for (const name of seen.other) expect(name).toMatch(/^\..+\.\d+\.[0-9a-f]{8}\.tmp$/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the next run completes the folder and sweeps the killed run’s temp files', async () => {
    const dir = join(b.dir, 'rerun');
    expect((await killInWrite(dir, [BIN, ...reportArgs(dir)], 100)).other).toHaveLength(100);
    const r = jixiao(reportArgs(dir));
    expect(r.status, r.stderr).toBe(0);
    expect(inspect(b, dir)).toEqual({ old: 0, new: b.names.length, torn: [], other: [] });
  });

  it('control: under the same hook a plain writer leaves a torn file, and the checker finds it', async () => {
    const dir = join(b.dir, 'control');
    mkdirSync(dir);
    const writer = join(ROOT, 'test/fixtures/write/plain-writer.mjs');
    const seen = await killInWrite(dir, [writer, b.newDir, dir], 5);
    expect(seen.torn).toHaveLength(1);
    expect(seen.new).toBe(4);
  });
});
