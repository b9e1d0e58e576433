import type { DepartmentView } from '../department-view.js';
import type { SelfEvaluationView } from '../self-evaluation-view.js';
import { type Cell, textTable, wrapLine } from './table.js';

/**
 * `jixiao score` in the terminal, from the same view-models as the html/md/xlsx 自评表 and the department
 * summary: first every project in one table (code, name, rate, total, grade, 提示), then each project's rows.
 */
export function evaluationText(
  summary: DepartmentView,
  projects: readonly SelfEvaluationView[],
  opts: { summaryOnly?: boolean } = {},
): string {
  const parts = [wrapLine(`评分规则：${summary.ruleSet}`), '', summaryText(summary)];
  if (!opts.summaryOnly) for (const p of projects) parts.push('', projectText(p));
  return `${parts.join('\n')}\n`;
}

function summaryText(v: DepartmentView): string {
  const table = textTable(
    ['项目编码', '项目名称', '执行率', '总分', '等级', '提示'],
    [23, 30, 10, 8, 12, 6],
    v.projects.map((p) => [p.code, p.name, p.rate, p.score, p.grade, p.warnings]),
  );
  return `项目汇总（${v.projects.length} 个项目；等级：${v.grades}）\n${table}`;
}

function projectText(p: SelfEvaluationView): string {
  const f = p.funds[0];
  const rows: Cell[][] = [];
  if (f) {
    const steps = p.explanations[0]?.steps ?? [];
    const actual = f.executed === '—' ? '（未填写）' : `${f.executed}万元（${f.rate}）`;
    rows.push(['预算执行率', '100%', actual, f.weight, f.score, steps.join('；')]);
  }
  let tier = '';
  p.indicators.forEach((i, k) => {
    const heading = `${i.tier1} › ${i.tier2}`;
    if (heading !== tier) rows.push([{ content: heading, colSpan: 6 }]);
    tier = heading;
    // A met target needs one word; the arithmetic is in the 评分说明 of the reports and in --format json.
    const steps = i.statusClass === 'met' ? [] : (p.explanations[k + 1]?.steps ?? []);
    const why = [i.status, ...(i.scored ? steps : i.problems), ...i.deviation];
    rows.push([i.name, i.target, i.actual, i.weight, i.score, why.join('；')]);
  });
  const table = textTable(['三级指标', '指标值', '实际完成值', '分值', '得分', '说明'], [24, 12, 14, 7, 7, 29], rows);
  const t = p.total;
  const total = t.incomplete ? `总分 ${t.score}（${t.incomplete}，只计已填写部分）` : `总分 ${t.score}（${t.grade}）`;
  return [`${p.project.code}  ${p.project.name}`, table, wrapLine(`${total}  ${t.steps.join('；')}`)].join('\n');
}
