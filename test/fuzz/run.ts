/**
 * The dedicated fuzz run: `node --import tsx test/fuzz/run.ts` (npm run fuzz).
 *
 * Environment:
 *   FUZZ_RUNS        inputs per target (default 100000)
 *   FUZZ_SEED        fast-check seed (default: a fresh one, printed; the same seed replays the same inputs)
 *   FUZZ_TARGETS     comma-separated subset of target,document,actuals,rules,xlsx,csv,goal-tables (default: all)
 *   FUZZ_REPLAY      run only input number N (0-based, as printed for a finding) of each selected target
 *   FUZZ_MINIMISE_MS time to shrink each finding's input (default 30000)
 *   FUZZ_WATCHDOG_MS kill the run when one input blocks this long (default 60000); each input over 2 s is
 *                    already a finding when it returns, the watchdog catches the ones that never return
 *   FUZZ_ALLOW_KNOWN exit 0 when the only findings are the known ones (pinned by it.fails in fuzz.test.ts)
 *
 * Every input of every target runs; findings are grouped by signature, and each group's first input is
 * shrunk and printed. The exit code is 1 when there was any finding.
 */
import { writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { createFuzzing, Finding, HANG_MS, type Harness, knownFinding, observations, runTimed } from './targets.js';

const env = process.env;
const RUNS = Number(env.FUZZ_RUNS ?? 100_000);
const SEED = env.FUZZ_SEED === undefined ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : Number(env.FUZZ_SEED);
const SELECTED = env.FUZZ_TARGETS?.split(',').map((s) => s.trim()) ?? null;
const REPLAY = env.FUZZ_REPLAY === undefined ? null : Number(env.FUZZ_REPLAY);
const MINIMISE_MS = Number(env.FUZZ_MINIMISE_MS ?? 30_000);
const WATCHDOG_MS = Number(env.FUZZ_WATCHDOG_MS ?? 60_000);

interface Group {
  finding: Finding;
  count: number;
  index: number;
  recipe: unknown;
  known: string | undefined;
}

interface Tally {
  name: string;
  tried: number;
  ok: number;
  userError: number;
  findings: Map<string, Group>;
  /** Inputs over the time limit once that ran within it when timed again (machine load, not the code). */
  retimed: number;
  ms: number;
  observations: [string, { count: number; example: string }][];
}

const TARGET_NAMES = ['target', 'document', 'actuals', 'rules', 'xlsx', 'csv', 'goal-tables'];

/** [heartbeat, target index, input index, paused] shared with the watchdog thread. */
const shared = new Int32Array(new SharedArrayBuffer(16));

/**
 * A thread that kills the process when the main thread is stuck in one input: a synchronous infinite loop
 * cannot be timed out from inside. It writes straight to fd 2, since the blocked main thread cannot print.
 */
function startWatchdog(): Worker {
  const code = `
    const { workerData } = require('node:worker_threads');
    const { writeSync } = require('node:fs');
    const a = new Int32Array(workerData.sab);
    let last = -1, since = Date.now();
    setInterval(() => {
      const beat = Atomics.load(a, 0);
      if (beat !== last || Atomics.load(a, 3) === 1) { last = beat; since = Date.now(); return; }
      if (Date.now() - since < workerData.limit) return;
      const target = workerData.names[Atomics.load(a, 1)], index = Atomics.load(a, 2);
      writeSync(2, '\\nHANG: target ' + target + ' input #' + index + ' has run for over ' + workerData.limit +
        ' ms (seed ' + workerData.seed + '). Replay: FUZZ_TARGETS=' + target + ' FUZZ_SEED=' + workerData.seed +
        ' FUZZ_REPLAY=' + index + ' node --import tsx test/fuzz/run.ts\\n');
      process.kill(process.pid, 'SIGKILL');
    }, 500);`;
  const worker = new Worker(code, {
    eval: true,
    workerData: { sab: shared.buffer, limit: WATCHDOG_MS, seed: SEED, names: TARGET_NAMES },
  });
  worker.unref();
  return worker;
}

const log = (s: string) => process.stdout.write(`${s}\n`);
const progress = (s: string) => process.stderr.write(`${s}\n`);
const clip = (s: string, n = 4000) => (s.length > n ? `${s.slice(0, n)}\n… (${s.length - n} more characters)` : s);

async function fuzz(h: Harness, targetIndex: number): Promise<Tally> {
  const tally: Tally = {
    ...{ name: h.name, tried: 0, ok: 0, userError: 0, findings: new Map(), retimed: 0, ms: 0 },
    observations: [],
  };
  observations.clear();
  const start = performance.now();
  const step = Math.max(1, Math.floor(RUNS / 10));
  Atomics.store(shared, 1, targetIndex);
  const property = fc.asyncProperty(h.arbitrary, async (recipe) => {
    const index = tally.tried++;
    Atomics.store(shared, 2, index);
    Atomics.add(shared, 0, 1);
    try {
      if ((await runTimed(h, recipe, () => tally.retimed++)) === 'ok') tally.ok++;
      else tally.userError++;
    } catch (err) {
      if (!(err instanceof Finding)) throw err; // the harness itself broke: stop
      const group = tally.findings.get(err.signature);
      if (group) group.count++;
      else {
        const known = knownFinding(h.name, err)?.id;
        tally.findings.set(err.signature, { finding: err, count: 1, index, recipe, known });
        progress(
          `  ${h.name}: ${known ? `known finding ${known}` : 'NEW finding'} at input #${index}: ${err.signature}`,
        );
      }
    }
    if (tally.tried % step === 0) {
      const s = ((performance.now() - start) / 1000).toFixed(0);
      progress(`  ${h.name}: ${tally.tried}/${RUNS}  ok ${tally.ok}  user-error ${tally.userError}  ${s} s`);
    }
  });
  const details = await fc.check(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
  tally.ms = performance.now() - start;
  tally.observations = [...observations].sort((a, b) => b[1].count - a[1].count);
  if (details.failed)
    throw new Error(`the ${h.name} harness failed outside any target: ${String(details.errorInstance)}`);
  return tally;
}

async function replay(h: Harness, index: number): Promise<boolean> {
  const recipe = fc.sample(h.arbitrary, { seed: SEED, numRuns: index + 1 })[index];
  log(`${h.name} input #${index} (seed ${SEED})\nrecipe: ${JSON.stringify(recipe)}\ninput:\n${clip(h.show(recipe))}`);
  const start = performance.now();
  try {
    log(`→ ${await h.run(recipe)} (${Math.round(performance.now() - start)} ms)`);
    return false;
  } catch (err) {
    log(`→ ${err instanceof Finding ? `FINDING ${err.message}` : String(err)}`);
    return true;
  }
}

async function main(): Promise<number> {
  // yaml warns on stderr for every collection used as a map key; thousands of inputs do that.
  process.removeAllListeners('warning');
  const fuzzing = await createFuzzing();
  const harnesses = fuzzing.harnesses.filter((h) => SELECTED === null || SELECTED.includes(h.name));
  if (harnesses.length === 0) throw new Error(`FUZZ_TARGETS names no target (${TARGET_NAMES.join(', ')})`);
  try {
    if (REPLAY !== null) {
      let failed = false;
      for (const h of harnesses) failed = (await replay(h, REPLAY)) || failed;
      return failed ? 1 : 0;
    }
    startWatchdog();
    log(`jixiao fuzz: ${RUNS} inputs per target, seed ${SEED}, per-input limit ${HANG_MS} ms`);
    const tallies: Tally[] = [];
    for (const h of harnesses) {
      progress(`${h.name} …`);
      tallies.push(await fuzz(h, TARGET_NAMES.indexOf(h.name)));
    }

    log('\ntarget     tried      ok  user-error  findings  time      inputs/s  seed');
    for (const t of tallies) {
      const findings = [...t.findings.values()].reduce((n, g) => n + g.count, 0);
      log(
        `${t.name.padEnd(9)} ${String(t.tried).padStart(6)}  ${String(t.ok).padStart(6)}  ${String(t.userError).padStart(10)}  ${String(findings).padStart(8)}  ${`${(t.ms / 1000).toFixed(1)} s`.padStart(8)}  ${String(Math.round(t.tried / (t.ms / 1000))).padStart(8)}  ${SEED}`,
      );
    }
    for (const t of tallies.filter((x) => x.retimed > 0)) {
      log(`${t.name}: ${t.retimed} input(s) over ${HANG_MS} ms once ran within it when timed again (machine load)`);
    }

    for (const t of tallies) {
      if (t.observations.length === 0) continue;
      log(`\n${t.name}: user errors that read badly (not findings), by pattern and problem code:`);
      for (const [key, o] of t.observations)
        log(`  ${String(o.count).padStart(6)}×  ${key}\n          e.g. ${o.example}`);
    }

    let fresh = 0;
    let known = 0;
    for (const t of tallies) {
      const h = harnesses.find((x) => x.name === t.name) as Harness;
      for (const [signature, g] of t.findings) {
        if (g.known) known++;
        else fresh++;
        log(
          `\n=== ${t.name}: ${g.known ? `known finding ${g.known}` : 'NEW FINDING'} (${g.count}× in ${t.tried} inputs)`,
        );
        log(`signature: ${signature}`);
        log(`first at input #${g.index}; replay: FUZZ_TARGETS=${t.name} FUZZ_SEED=${SEED} FUZZ_REPLAY=${g.index}`);
        log(`recipe: ${clip(JSON.stringify(g.recipe), 2000)}`);
        log(`finding: ${g.finding.message}`);
        Atomics.store(shared, 3, 1);
        const minimal = await h.minimise(g.recipe, (f) => f.signature === signature, MINIMISE_MS);
        Atomics.store(shared, 3, 0);
        log(`minimal input:\n${clip(minimal)}`);
      }
    }
    log(`\n${fresh} new and ${known} known finding signature(s).`);
    if (fresh > 0) return 1;
    return known > 0 && env.FUZZ_ALLOW_KNOWN === undefined ? 1 : 0;
  } finally {
    fuzzing.dispose();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    writeSync(2, `fuzz run failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
