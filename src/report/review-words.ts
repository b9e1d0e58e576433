import type { Review, ReviewedIndicator } from '../core/review.js';
import type { ReviewNote, RowNote, WeightEntry } from '../core/review-notes.js';
import { formatExplanation } from './explanation.js';
import { fmtNum } from './format.js';

/**
 * Every word of a review (复核): the core records what it found as data (core/review-notes.ts); this module says
 * it, for the terminal table, the JSON, the csv and the summary workbook alike.
 */

const n = fmtNum;
const weights = (list: readonly WeightEntry[], execution: number) =>
  [...list.map((t) => `${t.name} ${n(t.weight)} 分`), `预算执行率 ${n(execution)} 分`].join('、');

export function reviewNoteText(x: ReviewNote): string {
  switch (x.kind) {
    case 'year-assumed':
      return `自评表没有写明年度，没写年份的日期按 ${x.year} 年理解`;
    case 'year-stated':
      return `自评表写明了 ${x.year} 年度，日期按表上的年度理解（未采用指定的 ${x.given} 年）`;
    case 'tier-label-sum':
      return `${x.tier}标注 ${n(x.label)} 分，但其三级指标分值合计 ${n(x.sum)} 分`;
    case 'execution-not-scored':
      return '自评表没有对预算执行率计分（资金栏没有分值和得分），复核时预算执行率不计分';
    case 'execution-weight-from-rules':
      return `自评表资金栏没有分值，按规则集的 ${n(x.weight)} 分计`;
    case 'weights-shared':
      return '部分三级指标没有分值，按一级指标分值在其中平均分配';
    case 'weights-compared':
      return x.same
        ? `自评表分值与规则集“${x.ruleSet}”一致（${weights(x.table, x.execution)}）`
        : `自评表分值（${weights(x.table, x.execution)}）与规则集“${x.ruleSet}”（${weights(x.rules, x.rulesExecution)}）不同：按自评表所列分值复核`;
    case 'weights-total':
      return `自评表分值合计 ${n(x.total)} 分，不是 100 分`;
    case 'carried':
      return `${x.count} 项无法复核，总分中按其自评得分计入（共 ${n(x.points)} 分）`;
    case 'self-total-missing':
      return `自评表没有总分，自评总分取各项自评得分之和 ${n(x.sum)}`;
    case 'self-total-sum':
      return `自评表总分 ${n(x.total)} 与各项自评得分之和 ${n(x.sum)} 不符`;
    case 'warning':
      return x.message;
  }
}

export function rowNoteText(x: RowNote): string {
  switch (x.kind) {
    case 'target-blank':
      return '年度指标值为空，无法复核';
    case 'actual-blank':
      return '实际完成值为空，无法复核';
    case 'not-rescorable':
      return `无法复核：${x.problems.join('；')}`;
    case 'self-score-refused':
      return `自评分 ${n(x.self)} 不被规则接受：${x.problems.join('；')}`;
    case 'weight-reshared':
      return `分值 ${n(x.from)} 按不适用指标重新分摊为 ${n(x.to)}`;
    case 'warning':
      return `提示：${x.message}`;
    case 'self-score-missing':
      return '自评表没有填写得分';
    case 'gap':
      return `自评 ${n(x.self)} 分，规则得分 ${n(x.score)} 分，自评${x.gap > 0 ? '高' : '低'} ${n(Math.abs(x.gap))} 分`;
    case 'budget-missing':
      return `${x.missing === 'executed' ? '缺少全年执行数' : '缺少全年预算数（或不大于 0）'}，无法复核预算执行率`;
    case 'budget-gap':
      return `自评 ${n(x.self)} 分，规则得分 ${n(x.score)} 分`;
  }
}

/** A row's (or the budget's) reason in one cell: how the rule scored it, then the review's notes. */
export const rowReason = (r: Pick<ReviewedIndicator, 'steps' | 'why'>): string =>
  [...r.steps.map(formatExplanation), ...r.why.map(rowNoteText)].join('；');

/** A review with its notes in words, as the JSON output prints it (the steps stay data, as in `score`). */
export function reviewInWords(r: Review) {
  return {
    ...r,
    indicators: r.indicators.map((i) => ({ ...i, why: i.why.map(rowNoteText) })),
    budget: { ...r.budget, why: r.budget.why.map(rowNoteText) },
    notes: r.notes.map(reviewNoteText),
  };
}
