import type { Paragraph, Table } from 'docx';
import { MONITORING_FUNDS, MONITORING_INDICATORS } from '../form-heads.js';
import type { MonitoringView } from '../monitoring-view.js';
import { cell, centered, gap, head, item, narrative, row, SIZE, table, text, title, unitLine } from './build.js';
import { chartParagraph } from './chart-image.js';

/** Column shares of the 绩效运行监控表 (the HTML template's colgroup). */
const COLUMNS = [9, 9, 14, 9, 10, 9, 10, 7, 8, 15];

/** 项目支出绩效运行监控表 and 绩效运行监控报告 as Word content, from the monitoring view-model. */
export async function monitoringDocx(v: MonitoringView): Promise<(Paragraph | Table)[]> {
  const e = v.execution;
  const small = { size: SIZE.small } as const;
  const rows = [
    row([head('项目名称'), text(`${v.project.name}（${v.project.code}）`, { span: 9 })]),
    row([
      head('主管部门'),
      text(v.project.department, { span: 4 }),
      head('实施单位'),
      text(v.project.unit, { span: 4 }),
    ]),
    row([head('监控截止日期'), cell(v.asOf, { span: 4 }), head('序时进度'), cell(v.timeProgress, { span: 4 })]),
    row([head('年度总体目标'), text(v.goals, { span: 9 })]),
    row([
      head(['项目资金', `（${v.moneyUnit}）`], { rowSpan: 3 }),
      ...MONITORING_FUNDS.map((h) => head(h.split('\n'), small)),
    ]),
    row(
      [e.budget, e.executedAmount, e.planned, e.executed, e.timeProgress, e.gap, e.gapToTime]
        .map((x) => cell(x, { align: 'right' }))
        .concat([cell(e.status), cell(e.budgetScore, { align: 'right' })]),
    ),
    row([head('偏差原因'), text(e.reason, { span: 8 })]),
    row(MONITORING_INDICATORS.map((h) => head(h.split('\n'), small))),
    ...v.indicators.map((i) =>
      row([
        ...(i.tier1Cell ? [cell(i.tier1Cell.label, { rowSpan: i.tier1Cell.rowspan })] : []),
        ...(i.tier2Cell ? [cell(i.tier2Cell.label, { rowSpan: i.tier2Cell.rowspan })] : []),
        text(i.name),
        cell(i.target),
        cell(i.expected),
        cell(i.actual),
        cell([i.projected, `（${i.forecastScore}）`]),
        cell(i.status),
        cell(i.likelihood),
        text(i.deviation, small),
      ]),
    ),
    row([
      cell('全年预计总分', { span: 6, bold: true }),
      cell(v.forecast.total, { align: 'right', bold: true }),
      cell(`预计等级：${v.forecast.grade}`, { span: 3, bold: true }),
    ]),
  ];
  return [
    title(v.title),
    centered(`（${v.project.year}，截至 ${v.asOf}）`),
    unitLine(`金额单位：${v.moneyUnit}`),
    table(COLUMNS, rows),
    gap(),
    item(`评分规则：${v.ruleSet}`, { size: SIZE.table }),
    item('全年预计完成值按截至监控日的进度推算；预计得分按年终评分规则计算。', { size: SIZE.table }),
    title(v.reportTitle, { newPage: true }),
    centered(`（截至 ${v.asOf}）`),
    ...(await chartParagraph(v.chart.svg)),
    ...narrative(v.report),
  ];
}
