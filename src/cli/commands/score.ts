import { compareYears } from '../../core/compare/index.js';
import type { Evaluation } from '../../core/scoring/index.js';
import { scoreDocument, unknownProjects } from '../../core/scoring/index.js';
import { LISTED_PROBLEMS, type Problem, problemLines, UserError } from '../../errors.js';
import { readActuals } from '../../io/actuals.js';
import { readGoals } from '../../io/goals.js';
import { readPrevious } from '../../io/previous.js';
import { loadRuleSet } from '../../io/rules.js';
import { assertNotInput, writeOutputFile } from '../../io/write.js';
import type { GoalDocument } from '../../model/goals.js';
import { departmentView } from '../../report/department-view.js';
import { incompleteText } from '../../report/explanation.js';
import { shownCode } from '../../report/format.js';
import { selfEvaluationView } from '../../report/self-evaluation-view.js';
import { comparisonText } from '../../report/terminal/comparison.js';
import { evaluationText } from '../../report/terminal/evaluation.js';
import { goalsOptions } from '../goals-year.js';
import { terminalText } from '../terminal.js';

export interface ScoreOptions {
  /** The year for a goal document that states none (`--year`). */
  year?: string;
  rules: string;
  /** table (default), json, or jsonl (the default when the inputs are JSON Lines). */
  format?: string;
  output?: string;
  project?: string[];
  allowIncomplete?: boolean;
  /** Only the table of all projects (code, name, rate, total, grade, 提示). */
  summary?: boolean;
  /** jsonl: each line the full project result, explanation steps included. */
  explain?: boolean;
  /** Last year's score JSON: its actuals and scores beside this year's. */
  previous?: string;
}

/**
 * `jixiao score GOALS ACTUALS`: score every project (or those of --project) and print a table, or the full JSON
 * with explanation steps. Unfilled or wrong entries are all reported in one pass and fail the run, unless
 * --allow-incomplete: then what is filled is scored and incomplete projects are marked as such.
 */
export async function runScore(goalsPath: string, actualsPath: string, opts: ScoreOptions): Promise<number> {
  if (isJsonLines(goalsPath) || isJsonLines(actualsPath) || opts.format === 'jsonl') {
    const { runScoreStream } = await import('./score-stream.js');
    return runScoreStream(goalsPath, actualsPath, opts);
  }
  const format = opts.format ?? 'table';
  if (!['table', 'json'].includes(format)) throw new UserError(`--format 只能是 table、json 或 jsonl，收到“${format}”`);
  const inputs = [goalsPath, actualsPath, ...(opts.previous ? [opts.previous] : [])];
  if (opts.output) assertNotInput(opts.output, inputs);
  const previous = opts.previous ? readPrevious(opts.previous) : null;
  const goals = (await readGoals(goalsPath, goalsOptions(opts.year))).doc;
  const projects = selectedProjects(goals, opts.project);
  const actuals = await readActuals(actualsPath, goals);
  // Mid-year figures scored as year-end totals would print a wrong self-evaluation with exit 0.
  if (actuals.period !== 'year-end') {
    throw new UserError(
      `${actualsPath} 是运行监控数据（“period: ${actuals.period}”），年终自评评分需要“period: year-end”；运行监控请用 jixiao monitor`,
    );
  }
  const rules = await loadRuleSet(opts.rules);
  const result = scoreDocument(goals, actuals, rules, projects ? { projects } : {});
  if (result.documentErrors.length > 0 || (!result.ok && !opts.allowIncomplete)) {
    const hint = result.documentErrors.length > 0 ? '' : '（只给已填写的部分评分：加 --allow-incomplete）';
    throw new UserError(`无法评分：${actualsPath} 有 ${result.errors.length} 处问题${hint}`, result.errors);
  }
  const comparison = previous ? compareYears(result.evaluation, previous) : null;
  const text =
    format === 'json'
      ? `${JSON.stringify({ ...result.evaluation, warnings: result.warnings, ...(comparison ? { comparison } : {}) }, null, 2)}\n`
      : evaluationText(
          departmentView({ goals, ruleSet: rules.ruleSet, evaluation: result.evaluation }),
          opts.summary
            ? []
            : result.evaluation.projects.map((p) => selfEvaluationView(p, goals, rules.ruleSet, result.evaluation)),
          { summaryOnly: opts.summary === true },
        ) + (comparison ? `\n${comparisonText(comparison, rules.ruleSet.rounding)}` : '');
  if (opts.output) {
    writeOutputFile(opts.output, text, inputs);
    process.stderr.write(`已评分 ${result.evaluation.projects.length} 个项目 → ${opts.output}\n`);
  } else {
    process.stdout.write(format === 'json' ? text : terminalText(text));
  }
  printIncomplete(result.evaluation);
  printWarnings(result.warnings);
  return 0;
}

export const isJsonLines = (path: string) => /\.(jsonl|ndjson)$/i.test(path);

/** --project, repeated or comma-separated; every code must be in the goal document. undefined: all projects. */
export function selectedProjects(goals: GoalDocument, given: readonly string[] | undefined): string[] | undefined {
  if (!given || given.length === 0) return undefined;
  const codes = [...new Set(given.flatMap((x) => x.split(/[,，]/)).map((x) => x.trim()))].filter(Boolean);
  const unknown = unknownProjects(goals, codes);
  if (unknown.length > 0) {
    const known = goals.projects.map((t) => `${t.code}（${t.name}）`);
    throw new UserError(
      `--project：目标表中没有项目编码 ${unknown.map((c) => `“${c}”`).join('、')}`,
      known.map((k) => ({ code: 'known-project', message: `可选：${k}` })),
    );
  }
  return codes;
}

/** Incomplete projects once more on stderr, with what keeps each from being final. */
function printIncomplete(ev: Evaluation): void {
  const open = ev.projects.filter((p) => p.incomplete);
  if (open.length === 0) return;
  process.stderr.write(`\n未完成评分的项目（${open.length} 个，总分只计已填写部分）：\n`);
  for (const p of open) {
    const lines = [
      `  - ${shownCode(p)}（${p.name}）${p.incomplete ? incompleteText(p.incomplete) : ''}`,
      ...problemLines(
        p.problems.filter((x) => x.code !== 'missing-actual'),
        LISTED_PROBLEMS,
        '    ',
      ),
    ];
    process.stderr.write(terminalText(`${lines.join('\n')}\n`));
  }
}

export function printWarnings(warnings: readonly Problem[]): void {
  if (warnings.length === 0) return;
  const lines = [`\n提示（${warnings.length} 条）：`, ...problemLines(warnings)];
  process.stderr.write(terminalText(`${lines.join('\n')}\n`));
}
