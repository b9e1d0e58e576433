import { statSync } from 'node:fs';
import Table from 'cli-table3';
import { type Review, reviewTable } from '../../core/review.js';
import { UserError } from '../../errors.js';
import { loadRuleSet } from '../../io/rules.js';
import { formatExplanation } from '../../report/explanation.js';
import { fmtRate, fmtScore } from '../../report/format.js';
import { reviewInWords, reviewNoteText, rowReason } from '../../report/review-words.js';

/**
 * `jixiao review FILE [--rules …] [--format table|json]`: re-score a filled 自评表 (.xlsx / .csv, official
 * layout) with the scoring engine and show the unit's score beside the rule's for every indicator.
 */
export interface ReviewOptions {
  rules: string;
  format: string;
  year?: string;
  output?: string;
}

/**
 * `jixiao review FILE|DIR…`: one table named alone prints its row-by-row re-score (table or json); several
 * tables, a folder or --format csv|xlsx give the batch summary (review-batch.ts). Returns the exit code.
 */
export async function runReview(files: readonly string[], opts: ReviewOptions): Promise<number> {
  // 20xx, as a table's own year is recognised (src/io/xlsx/review.ts).
  if (opts.year !== undefined && !/^20\d{2}$/.test(opts.year.trim()))
    throw new UserError(`--year 应为 20xx 形式的年份，例如 2025，收到“${opts.year}”`);
  // The clock is read here, at the edge: the core only assumes the year it is given.
  const assumedYear = opts.year === undefined ? new Date().getFullYear() : Number(opts.year.trim());
  const yearGiven = opts.year !== undefined;
  const [only] = files;
  const single = files.length === 1 && only !== undefined && !isDir(only) && ['table', 'json'].includes(opts.format);
  if (!single || opts.output) {
    const { runReviewBatch } = await import('./review-batch.js');
    const rules = await loadRuleSet(opts.rules);
    return runReviewBatch(files, rules, { format: opts.format, output: opts.output, assumedYear, yearGiven });
  }
  const file = only as string;
  if (!/\.(xlsx|csv)$/i.test(file)) throw new UserError(`复核只支持 .xlsx 或 .csv 自评表，收到 ${file}`);
  const rules = await loadRuleSet(opts.rules);
  const { readReviewTable } = await import('../../io/xlsx/review.js');
  const review = reviewTable(await readReviewTable(file), rules, { assumedYear, yearGiven });
  process.stdout.write(
    opts.format === 'json'
      ? `${JSON.stringify(reviewInWords(review), null, 2)}\n`
      : render(review, rules.ruleSet.rounding.indicator.decimals),
  );
  return 0;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function render(r: Review, decimals: number): string {
  const d = Math.max(decimals, 1);
  const n = (x: number | null) => (x === null ? '—' : fmtScore(x, d));
  const gap = (x: number | null) => (x === null ? '—' : x === 0 ? '0' : `${x > 0 ? '+' : ''}${fmtScore(x, d)}`);
  const t = new Table({
    head: ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '自评得分', '规则得分', '差异', '说明'],
    style: { head: [], border: [] },
    colWidths: [12, 12, 22, 12, 14, 7, 10, 10, 8, 44],
    wordWrap: true,
  });
  const b = r.budget;
  const bGap = b.score !== null && b.selfScore !== null ? b.selfScore - b.score : null;
  t.push([
    '预算执行率',
    '',
    '',
    '100%',
    b.rate === null ? '—' : fmtRate(b.rate),
    n(b.weight),
    n(b.selfScore),
    n(b.score),
    gap(bGap === null ? null : Math.round(bGap * 1e6) / 1e6),
    bGap === 0 ? '一致' : rowReason(b),
  ]);
  for (const i of r.indicators) {
    const why = i.score === null || i.gap !== 0 ? rowReason(i) : '一致';
    t.push([i.tier1, i.tier2, i.name, i.target, i.actual, n(i.weight), n(i.selfScore), n(i.score), gap(i.gap), why]);
  }
  const differ = r.indicators.filter((i) => i.gap !== null && i.gap !== 0).length;
  const unscored = r.indicators.filter((i) => i.score === null).length;
  const lines = [
    `复核：${r.project || '（未填项目名称）'}　评分规则：${r.ruleSet.label}（${r.ruleSet.id}）`,
    t.toString(),
    `自评总分 ${n(r.selfTotal)}　复核总分 ${n(r.total)}（${r.grade}）　${r.indicators.length} 个指标：${differ} 个得分与规则不同，${unscored} 个无法复核`,
    ...[...r.notes.map(reviewNoteText), ...r.totalSteps.map(formatExplanation)].map((x) => `说明：${x}`),
  ];
  return `${lines.join('\n')}\n`;
}
