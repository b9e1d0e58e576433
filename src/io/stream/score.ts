import type { ScoringRules } from '../../core/scoring/types.js';
import type { WeightPlan } from '../../core/scoring/weights.js';
import { LISTED_PROBLEMS, type Problem, UserError } from '../../errors.js';
import { LineReader } from './lines.js';
import { ORDER_HINT, type PairResult, scorePair } from './pair.js';
import { codeOf, nextLine, type RawLine, recordOf } from './records.js';

/**
 * `score` of JSON Lines in constant memory: goal tables one per line (as goals.json's `projects[]`), the
 * actuals one project per line (as the actuals' `projects[]`), in the SAME project order — line k of one
 * file with record k of the other, checked by 项目编码. A difference in order stops the run at the line (all
 * that follows would be paired wrongly); a line that cannot be read or scored is reported in its own output
 * line and the run goes on. Nothing but a batch of lines and the shared weight plans is held at a time.
 */
export interface StreamOptions {
  /** Each line the full project result (with explanation steps) as in `score --format json`. */
  explain: boolean;
  /** Only these 项目编码 (the others are read and checked for order, not scored). */
  projects?: ReadonlySet<string>;
  /**
   * Worker threads to score on (1 = this thread). More than 1 needs `ruleSource`, so each worker loads the same
   * rule set itself; the output is the same line for line whatever the number.
   */
  threads?: number;
  ruleSource?: RuleSource;
}

/** Where a worker loads the rule set from: the file the CLI resolved, and the user's --rules-dir. */
export interface RuleSource {
  file: string;
  userDir?: string | undefined;
}

export interface StreamSummary {
  /** Output lines: scored projects and lines that could not be read. */
  lines: number;
  complete: number;
  incomplete: number;
  unreadable: number;
  warnings: number;
  /** The problems of incomplete and unreadable projects, the first LISTED_PROBLEMS of them, and how many in all. */
  problems: Problem[];
  problemCount: number;
  /** The 项目编码 of --project met in the files. */
  seen: Set<string>;
}

export type LineOut = (line: string) => void | Promise<void>;

/**
 * How many threads a streaming run scores on: JIXIAO_THREADS when set, else 1. Worker threads are opt-in: each
 * adds its own heap (about 80 MB), and on a two-core machine two busy threads each run about 40% slower than one
 * alone, so they pay only where there are cores to spare (measured: `npm run bench -- stream`).
 */
export function streamThreads(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number.parseInt(env.JIXIAO_THREADS ?? '', 10);
  return Number.isInteger(set) && set >= 1 ? Math.min(set, 16) : 1;
}

export const emptySummary = (): StreamSummary => ({
  lines: 0,
  complete: 0,
  incomplete: 0,
  unreadable: 0,
  warnings: 0,
  problems: [],
  problemCount: 0,
  seen: new Set(),
});

/** Count one pair's result into the summary; the output line to write, or null (skipped). */
export function tally(sum: StreamSummary, r: PairResult, projects: ReadonlySet<string> | undefined): string | null {
  if (r.kind === 'mismatch') throw new UserError(r.message);
  if (r.kind === 'skipped') return null;
  if (projects && r.code) sum.seen.add(r.code);
  sum[r.state]++;
  sum.warnings += r.warnings;
  sum.problemCount += r.problems.length;
  for (const p of r.problems) if (sum.problems.length < LISTED_PROBLEMS) sum.problems.push(p);
  sum.lines++;
  return r.out;
}

/** One file ended before the other: say which line has no partner. */
export function endError(g: RawLine | null, a: RawLine | null, goalsPath: string, actualsPath: string): UserError {
  if (g) {
    const gc = codeOf(recordOf(g.text, g.line, goalsPath));
    return new UserError(
      `${goalsPath} 第 ${g.line} 行的项目${gc ? `“${gc}”` : ''}在 ${actualsPath} 中没有对应的行（实际完成情况已到文件末尾）：${ORDER_HINT}`,
    );
  }
  const ac = a ? codeOf(recordOf(a.text, a.line, actualsPath)) : null;
  return new UserError(
    `${actualsPath} 第 ${a?.line} 行的项目${ac ? `“${ac}”` : ''}在 ${goalsPath} 中没有对应的行（目标表已到文件末尾）：${ORDER_HINT}`,
  );
}

export async function scoreJsonLines(
  goalsPath: string,
  actualsPath: string,
  rules: ScoringRules,
  out: LineOut,
  opts: StreamOptions,
): Promise<StreamSummary> {
  if ((opts.threads ?? 1) > 1 && opts.ruleSource) {
    const { scoreInWorkers } = await import('./parallel.js');
    const sum = await scoreInWorkers(goalsPath, actualsPath, out, { ...opts, ruleSource: opts.ruleSource });
    if (sum) return sum;
  }
  const goals = new LineReader(goalsPath, '目标表');
  const actuals = new LineReader(actualsPath, '实际完成情况');
  const sum = emptySummary();
  const plans = new Map<string, WeightPlan>();
  const ctx = { rules, explain: opts.explain, projects: opts.projects, goalsPath, actualsPath, plans };
  try {
    for (;;) {
      const g = nextLine(goals, 'goals');
      const a = nextLine(actuals, 'actuals');
      if (!g && !a) break;
      if (!g || !a) throw endError(g, a, goalsPath, actualsPath);
      const r = scorePair(recordOf(g.text, g.line, goalsPath), recordOf(a.text, a.line, actualsPath), ctx);
      const line = tally(sum, r, opts.projects);
      if (line === null) continue;
      const wait = out(line);
      if (wait) await wait;
    }
  } finally {
    goals.close();
    actuals.close();
  }
  return sum;
}
