import { once } from 'node:events';
import { LISTED_PROBLEMS, problemLines, UserError } from '../../errors.js';
import { loadRuleSet, rulesDirInUse } from '../../io/rules.js';
import { type LineOut, type StreamSummary, scoreJsonLines, streamThreads } from '../../io/stream/score.js';
import { assertNotInput, openAtomic } from '../../io/write.js';
import { terminalText } from '../terminal.js';
import { isJsonLines, type ScoreOptions } from './score.js';

/**
 * `jixiao score goals.jsonl actuals.jsonl`: one result line per project, in constant memory. Exit 0 when every
 * project is scored completely (or --allow-incomplete), 1 when the output is written but holds incomplete
 * projects or lines that could not be read (each marked on its line), 2 when nothing could be written.
 */
export async function runScoreStream(goalsPath: string, actualsPath: string, opts: ScoreOptions): Promise<number> {
  const wrong = [goalsPath, actualsPath].filter((p) => !isJsonLines(p));
  if (wrong.length > 0) {
    throw new UserError(
      `逐行评分（JSON Lines）需要目标表和实际完成情况都是 .jsonl 文件，${wrong.join('、')} 不是；整份文件评分请用 --format table 或 json`,
    );
  }
  if (opts.format !== undefined && opts.format !== 'jsonl')
    throw new UserError(`输入为 JSON Lines（.jsonl）时只能输出 jsonl，收到 --format ${opts.format}`);
  if (opts.previous) throw new UserError('--previous（与上年比较）只用于整份文件评分，不用于 JSON Lines');
  if (opts.summary) throw new UserError('--summary 只用于表格输出；JSON Lines 的汇总打印在标准错误输出的最后');
  if (opts.output) assertNotInput(opts.output, [goalsPath, actualsPath]);
  const rules = await loadRuleSet(opts.rules);
  const codes =
    opts.project
      ?.flatMap((x) => x.split(/[,，]/))
      .map((x) => x.trim())
      .filter(Boolean) ?? [];
  const wanted = codes.length > 0 ? new Set(codes) : undefined;
  const file = opts.output ? openAtomic(opts.output) : null;
  const out: LineOut = file ? (line) => file.write(line) : toStdout;
  let sum: StreamSummary;
  try {
    sum = await scoreJsonLines(goalsPath, actualsPath, rules, out, {
      explain: opts.explain === true,
      ...(wanted ? { projects: wanted } : {}),
      threads: streamThreads(),
      ruleSource: { file: rules.file, userDir: rulesDirInUse() },
    });
    const missing = codes.filter((c) => !sum.seen.has(c));
    if (missing.length > 0)
      throw new UserError(`--project：目标表中没有项目编码 ${missing.map((c) => `“${c}”`).join('、')}`);
  } catch (err) {
    file?.abort();
    throw err;
  }
  file?.commit();
  report(sum, opts.output);
  const failed = sum.unreadable > 0 || (sum.incomplete > 0 && !opts.allowIncomplete);
  return failed ? 1 : 0;
}

/** Standard output with back-pressure: a slow reader (| less) must not make the lines pile up in memory. */
const toStdout: LineOut = (line) => {
  if (!process.stdout.write(line)) return once(process.stdout, 'drain').then(() => undefined);
};

function report(sum: StreamSummary, output: string | undefined): void {
  const parts = [`已评分 ${sum.complete + sum.incomplete} 个项目${output ? ` → ${output}` : ''}`];
  if (sum.incomplete > 0) parts.push(`${sum.incomplete} 个未完成评分（总分只计已填写部分，行内已标明）`);
  if (sum.unreadable > 0) parts.push(`${sum.unreadable} 行无法读取（行内有 error 和问题）`);
  if (sum.warnings > 0) parts.push(`提示 ${sum.warnings} 条（见各行 warnings）`);
  const lines = [parts.join('；')];
  if (sum.problemCount > 0) {
    lines.push(`问题（${sum.problemCount} 处）：`, ...problemLines(sum.problems, LISTED_PROBLEMS));
    if (sum.problemCount > sum.problems.length)
      lines.push(`  ……另有 ${sum.problemCount - sum.problems.length} 处未列出（见输出各行的 problems）`);
  }
  process.stderr.write(terminalText(`${lines.join('\n')}\n`));
}
