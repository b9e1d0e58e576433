import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../errors.js';
import { LineReader } from './lines.js';
import type { PairResult } from './pair.js';
import { nextLine } from './records.js';
import {
  emptySummary,
  endError,
  type LineOut,
  type RuleSource,
  type StreamOptions,
  type StreamSummary,
  tally,
} from './score.js';
import type { Batch, BatchReply, WorkerInit } from './worker.js';

/** Pairs sent to a worker at a time: enough that a message costs little next to scoring it. */
const BATCH = 200;
/** Batches in flight per worker: one being scored, one waiting, so a worker never idles between messages. */
const IN_FLIGHT = 2;

interface Pending {
  resolve: (r: PairResult[]) => void;
  reject: (e: Error) => void;
}

/**
 * The streaming score on worker threads: this thread reads the two files line by line and writes the output;
 * the workers parse, check and score batches of pairs. Results are written in input order, so the output is the
 * same as one thread's, line for line; an order mismatch or a file ending early stops the run where one thread
 * would. Memory stays bounded: at most threads × IN_FLIGHT batches are held. Null when the worker script is
 * absent (running from the TypeScript sources): the caller scores on its own thread.
 */
export async function scoreInWorkers(
  goalsPath: string,
  actualsPath: string,
  out: LineOut,
  opts: StreamOptions & { ruleSource: RuleSource },
): Promise<StreamSummary | null> {
  const url = new URL('./worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return null;
  const init: WorkerInit = {
    ruleSource: opts.ruleSource,
    explain: opts.explain,
    projects: opts.projects ? [...opts.projects] : null,
    goalsPath,
    actualsPath,
  };
  const queues: Pending[][] = [];
  const workers = Array.from({ length: opts.threads ?? 2 }, (_, k) => {
    const w = new Worker(url, { workerData: init });
    const queue: Pending[] = [];
    queues[k] = queue;
    w.on('message', (m: BatchReply) => {
      const p = queue.shift();
      if (!p) return;
      if ('error' in m) p.reject(m.user ? new UserError(m.error) : new Error(m.error));
      else p.resolve(m.results);
    });
    w.on('error', (e) => {
      for (const p of queue.splice(0)) p.reject(e);
    });
    return w;
  });
  const send = (k: number, batch: Batch) =>
    new Promise<PairResult[]>((resolve, reject) => {
      queues[k]?.push({ resolve, reject });
      workers[k]?.postMessage(batch);
    });

  const goals = new LineReader(goalsPath, '目标表');
  const actuals = new LineReader(actualsPath, '实际完成情况');
  const sum = emptySummary();
  const inFlight: Promise<PairResult[]>[] = [];
  const drainOne = async () => {
    const results = await (inFlight.shift() as Promise<PairResult[]>);
    for (const r of results) {
      const line = tally(sum, r, opts.projects);
      if (line === null) continue;
      const wait = out(line);
      if (wait) await wait;
    }
  };
  try {
    let next = 0;
    for (let ended = false; !ended; ) {
      const batch: Batch = { lines: [], texts: [] };
      while (batch.lines.length < BATCH * 2) {
        const g = nextLine(goals, 'goals');
        const a = nextLine(actuals, 'actuals');
        if (!g && !a) {
          ended = true;
          break;
        }
        if (!g || !a) {
          // Everything before this line is written first: an earlier mismatch is the error to report.
          if (batch.lines.length > 0) inFlight.push(send(next, batch));
          while (inFlight.length > 0) await drainOne();
          throw endError(g, a, goalsPath, actualsPath);
        }
        batch.lines.push(g.line, a.line);
        batch.texts.push(g.text, a.text);
      }
      if (batch.lines.length === 0) break;
      inFlight.push(send(next, batch));
      next = (next + 1) % workers.length;
      if (inFlight.length >= workers.length * IN_FLIGHT) await drainOne();
    }
    while (inFlight.length > 0) await drainOne();
  } finally {
    goals.close();
    actuals.close();
    // Batches still in flight after an error are dropped with their workers.
    for (const p of inFlight) p.catch(() => undefined);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return sum;
}
