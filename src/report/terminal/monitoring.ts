import type { DepartmentView } from '../department-view.js';
import type { MonitoringView } from '../monitoring-view.js';
import { textTable, wrapLine } from './table.js';

/**
 * `jixiao monitor` in the terminal, from the same view-models as the 监控表 and the department summary: every
 * project's execution light and forecast first, then each project's indicators.
 */
export function monitoringText(
  summary: DepartmentView,
  projects: readonly MonitoringView[],
  opts: { summaryOnly?: boolean } = {},
): string {
  const first = projects[0];
  const head = first
    ? `运行监控 截至 ${first.asOf}（序时进度 ${first.timeProgress}） 评分规则：${summary.ruleSet}`
    : `运行监控 评分规则：${summary.ruleSet}`;
  const table = textTable(
    ['项目编码', '项目名称', '计划进度', '实际执行', '状态', '预计得分', '等级', '提示'],
    [23, 20, 10, 10, 6, 10, 6, 6],
    summary.projects.map((p) => [p.code, p.name, p.planned, p.rate, p.status, p.score, p.grade, p.warnings]),
  );
  const parts = [wrapLine(head), '', `项目汇总（${summary.projects.length} 个项目）`, table];
  if (!opts.summaryOnly) for (const p of projects) parts.push('', projectText(p));
  return `${parts.join('\n')}\n`;
}

function projectText(p: MonitoringView): string {
  const e = p.execution;
  const reason = e.reason === '—' ? '' : `  执行偏差原因：${e.reason}`;
  const head = `${p.project.code}  ${p.project.name}  预算执行 ${e.executed}（计划 ${e.planned}，${e.status}）${reason}`;
  const table = textTable(
    ['三级指标', '指标值', '应完成', '截至目前', '全年预计', '预计得分', '状态', '说明'],
    [18, 10, 10, 10, 10, 10, 6, 17],
    p.indicators.map((i) => [
      i.name,
      i.target,
      i.expected,
      i.actual,
      i.projected,
      i.forecastScore,
      i.status,
      [`${i.kind}，${i.likelihood}`, i.deviation].filter((x) => x && x !== '—').join('；'),
    ]),
  );
  const total = `预计得分 ${p.forecast.total}（${p.forecast.grade}），其中预算执行率 ${e.budgetScore} 分`;
  return [wrapLine(head), table, total].join('\n');
}
