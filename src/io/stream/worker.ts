import { parentPort, workerData } from 'node:worker_threads';
import type { WeightPlan } from '../../core/scoring/weights.js';
import { UserError } from '../../errors.js';
import { loadRuleSet } from '../rules.js';
import { type PairContext, type PairResult, scorePair } from './pair.js';
import { recordOf } from './records.js';
import type { RuleSource } from './score.js';

/** What a scoring worker is started with (see parallel.ts). */
export interface WorkerInit {
  ruleSource: RuleSource;
  explain: boolean;
  projects: string[] | null;
  goalsPath: string;
  actualsPath: string;
}

/** Pairs of lines: line numbers and texts, goal table then actuals, pair by pair. */
export interface Batch {
  lines: number[];
  texts: string[];
}

export type BatchReply = { results: PairResult[] } | { error: string; user: boolean };

const init = workerData as WorkerInit;
const port = parentPort;

// The rule set is loaded here as the main thread loaded it (same file, same --rules-dir): a worker cannot be
// handed compiled formulas.
const loading = loadRuleSet(init.ruleSource.file, { userDir: init.ruleSource.userDir });
const plans = new Map<string, WeightPlan>();
const projects = init.projects ? new Set(init.projects) : undefined;

port?.on('message', async (batch: Batch) => {
  let reply: BatchReply;
  try {
    const rules = await loading;
    const ctx: PairContext = {
      rules,
      explain: init.explain,
      projects,
      goalsPath: init.goalsPath,
      actualsPath: init.actualsPath,
      plans,
    };
    const results: PairResult[] = [];
    for (let i = 0; i < batch.lines.length; i += 2) {
      const g = recordOf(batch.texts[i] as string, batch.lines[i] as number, init.goalsPath);
      const a = recordOf(batch.texts[i + 1] as string, batch.lines[i + 1] as number, init.actualsPath);
      results.push(scorePair(g, a, ctx));
    }
    reply = { results };
  } catch (err) {
    reply =
      err instanceof UserError
        ? { error: err.describe(), user: true }
        : { error: err instanceof Error ? (err.stack ?? err.message) : String(err), user: false };
  }
  port.postMessage(reply);
});
