import { MONITORING_FUNDS, MONITORING_INDICATORS } from '../form-heads.js';
import type { MonitoringView } from '../monitoring-view.js';
import { fitRowHeights, printSetup } from './print.js';
import { reportSheet } from './report-sheet.js';
import { workbookBytes } from './save.js';
import { type FormCell, figure, head, plain, text, titleRow, writeForm } from './sheet.js';

const COLUMNS = [10, 11, 18, 11, 11, 11, 13, 8, 10, 26];

/**
 * 项目支出绩效运行监控表 as a workbook, from the monitoring view-model (the figures the HTML prints, as numbers
 * where they are numbers), printable on A4 one page wide; a second sheet holds the 监控报告 chapters.
 */
export async function monitoringWorkbook(v: MonitoringView): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet('监控表');
  ws.columns = COLUMNS.map((width) => ({ width }));
  const n = COLUMNS.length;
  titleRow(ws, 1, v.title, n);
  titleRow(ws, 2, `（${v.project.year}，截至 ${v.asOf}）　金额单位：${v.moneyUnit}`, n, 10);
  const e = v.execution;
  const small = { size: 9 } as const;
  const header = 11;
  const rows: FormCell[][] = [
    [head('项目名称'), text(`${v.project.name}（${v.project.code}）`, { span: 9 })],
    [head('主管部门'), text(v.project.department, { span: 4 }), head('实施单位'), text(v.project.unit, { span: 4 })],
    [head('监控截止日期'), plain(v.asOf, { span: 4 }), head('序时进度'), figure(v.timeProgress, { span: 4 })],
    [head('年度总体目标'), text(v.goals, { span: 9 })],
    [head(`项目资金（${v.moneyUnit}）`, { rowSpan: 3 }), ...MONITORING_FUNDS.map((h) => head(h, small))],
    [
      ...[e.budget, e.executedAmount, e.planned, e.executed, e.timeProgress, e.gap, e.gapToTime].map((x) => figure(x)),
      plain(e.status),
      figure(e.budgetScore),
    ],
    [head('偏差原因'), text(e.reason, { span: 8 })],
    MONITORING_INDICATORS.map((h) => head(h, small)),
    ...v.indicators.map((i) => [
      ...(i.tier1Cell ? [plain(i.tier1Cell.label, { rowSpan: i.tier1Cell.rowspan })] : []),
      ...(i.tier2Cell ? [plain(i.tier2Cell.label, { rowSpan: i.tier2Cell.rowspan })] : []),
      text(i.name),
      plain(i.target),
      plain(i.expected),
      plain(i.actual),
      plain(`${i.projected}\n（${i.forecastScore}）`),
      plain(i.status),
      plain(i.likelihood),
      text(i.deviation, small),
    ]),
    [
      plain('全年预计总分', { span: 6, bold: true }),
      figure(v.forecast.total, { bold: true }),
      plain(`预计等级：${v.forecast.grade}`, { span: 3, bold: true }),
    ],
  ];
  const end = writeForm(ws, 3, rows, n);
  ws.mergeCells(end, 1, end, n);
  ws.getCell(end, 1).value =
    `评分规则：${v.ruleSet}。全年预计完成值按截至监控日的进度推算；预计得分按年终评分规则计算。`;
  ws.getCell(end, 1).font = { name: '宋体', size: 9 };
  ws.getCell(end, 1).alignment = { wrapText: true, horizontal: 'left', vertical: 'top' };
  fitRowHeights(ws, 1, end);
  printSetup(ws, { titleRows: `${header}:${header}` });
  reportSheet(wb.addWorksheet('监控报告'), v.reportTitle, v.report);
  return workbookBytes(wb);
}
