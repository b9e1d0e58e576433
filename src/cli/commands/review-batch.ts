import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Table from 'cli-table3';
import { reviewTable } from '../../core/review.js';
import { UserError } from '../../errors.js';
import type { LoadedRuleSet as ScoringRules } from '../../io/rules.js';
import { writeOutputFile } from '../../io/write.js';
import { startProgress } from '../../report/progress.js';
import {
  type BatchEntry,
  type BatchSummary,
  batchSummary,
  flatRows,
  SUMMARY_HEAD,
  summaryLine,
} from '../../report/review-summary.js';
import { reviewInWords } from '../../report/review-words.js';

/** Exit codes of a batch review (README, `jixiao review --help`). */
export const REVIEW_EXIT = { consistent: 0, gaps: 1, unreadable: 3 } as const;

export interface BatchOptions {
  format: string;
  output?: string;
  assumedYear: number;
  yearGiven: boolean;
}

/**
 * The tables a batch reads, in the order given: a file as named, a folder's .xlsx/.csv files (sub-folders too)
 * in name order, skipping Excel's lock files (~$…) and hidden files.
 */
export function expandTables(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      return [p]; // named as given: reading it reports the error in its row
    }
    if (!dir) return [p];
    return (readdirSync(p, { recursive: true }) as string[])
      .filter((f) => /\.(xlsx|csv)$/i.test(f) && !/^(~\$|\.)/.test(basename(f)))
      .sort()
      .map((f) => join(p, f));
  });
}

/**
 * `jixiao review FILE|DIR…`: re-score every table, one after another; a table that cannot be read is recorded
 * with its located error and the run goes on. Prints or writes the summary; returns the exit code.
 */
export async function runReviewBatch(paths: readonly string[], rules: ScoringRules, o: BatchOptions): Promise<number> {
  if (!['table', 'json', 'csv', 'xlsx'].includes(o.format))
    throw new UserError(`--format 只能是 table、json、csv 或 xlsx，收到“${o.format}”`);
  if (o.format === 'xlsx' && !o.output) throw new UserError('--format xlsx 需要用 -o 指定输出文件（.xlsx）');
  const files = expandTables(paths);
  if (files.length === 0) throw new UserError(`${paths.join('、')} 中没有 .xlsx 或 .csv 自评表`);
  if (o.output) for (const f of files) if (f === o.output) throw new UserError(`-o ${o.output} 是要复核的自评表之一`);
  const { readReviewTable } = await import('../../io/xlsx/review.js');
  const progress = startProgress(files.length, process.stderr, 20, '复核');
  const entries: BatchEntry[] = [];
  try {
    for (const file of files) {
      entries.push(await reviewOne(file, rules, o, readReviewTable));
      progress.tick(basename(file));
    }
  } finally {
    progress.stop();
  }
  const summary = batchSummary(entries, rules.ruleSet.rounding.indicator.decimals);
  const out = await render(entries, summary, rules, o.format);
  if (o.output) {
    writeOutputFile(o.output, out, files);
    process.stderr.write(`${summaryLine(summary.counts)} → ${o.output}\n`);
  } else {
    process.stdout.write(out);
    if (o.format !== 'table') process.stderr.write(`${summaryLine(summary.counts)}\n`);
  }
  const c = summary.counts;
  return c.unreadable > 0 ? REVIEW_EXIT.unreadable : c.gaps > 0 ? REVIEW_EXIT.gaps : REVIEW_EXIT.consistent;
}

type Reader = (path: string) => Promise<Parameters<typeof reviewTable>[0] & { unit: string }>;

async function reviewOne(file: string, rules: ScoringRules, o: BatchOptions, read: Reader): Promise<BatchEntry> {
  try {
    if (!/\.(xlsx|csv)$/i.test(file)) throw new UserError(`复核只支持 .xlsx 或 .csv 自评表，收到 ${file}`);
    const table = await read(file);
    const review = reviewTable(table, rules, { assumedYear: o.assumedYear, yearGiven: o.yearGiven });
    return { file, unit: table.unit, review };
  } catch (err) {
    if (err instanceof UserError) return { file, error: { message: err.message, problems: err.problems } };
    // Anything else is a damaged file a reader did not foresee: named, and the run goes on.
    return { file, error: { message: `无法读取 ${file}：${(err as Error).message.split('\n')[0]}`, problems: [] } };
  }
}

async function render(
  entries: readonly BatchEntry[],
  s: BatchSummary,
  rules: ScoringRules,
  format: string,
): Promise<string | Uint8Array> {
  if (format === 'json') {
    const tables = entries.map((e) => ('error' in e ? e : { file: e.file, unit: e.unit, ...reviewInWords(e.review) }));
    const ruleSet = { id: rules.ruleSet.id, label: rules.ruleSet.label };
    return `${JSON.stringify({ schema: 'jixiao/review-batch@1', ruleSet, summary: s.counts, tables }, null, 2)}\n`;
  }
  if (format === 'csv') {
    const { stringify } = await import('csv-stringify/sync');
    // A byte-order mark, so Excel on Windows opens the UTF-8 file with its Chinese intact.
    return `\uFEFF${stringify([SUMMARY_HEAD, ...flatRows(s)])}`;
  }
  if (format === 'xlsx') {
    const { reviewSummaryWorkbook } = await import('../../report/xlsx/review-summary.js');
    return reviewSummaryWorkbook(s, summaryLine(s.counts));
  }
  const t = new Table({
    head: ['文件', '项目名称', '单位', '自评总分', '复核总分', '差额', '结论'],
    style: { head: [], border: [] },
    colWidths: [24, 26, 18, 10, 10, 8, 10],
    wordWrap: true,
  });
  for (const r of s.rows)
    t.push([basename(r.file), r.project || r.error, r.unit, r.selfTotal, r.total, r.gap, r.status]);
  const details = s.rows.flatMap((r) => [
    ...r.unsupported.map((u) => `${basename(r.file)} · ${u.name}：自评 ${u.selfScore}，规则 ${u.score}。${u.reason}`),
    ...(r.error ? [`${r.file}：${r.error}`] : []),
  ]);
  return `${[t.toString(), ...details, summaryLine(s.counts)].join('\n')}\n`;
}
