import type { DepartmentView } from '../department-view.js';
import { departmentHeads } from '../form-heads.js';
import { fitRowHeights, printSetup } from './print.js';
import { reportSheet } from './report-sheet.js';
import { workbookBytes } from './save.js';
import { type FormCell, figure, head, plain, text, titleRow, writeForm } from './sheet.js';

/**
 * 部门整体绩效自评（运行监控）汇总表 as a workbook from the department view-model: the unit, every project's
 * figures as numbers, the totals; a second sheet holds the department goals and the items needing attention.
 */
export async function departmentWorkbook(v: DepartmentView): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet('汇总表');
  const status = v.isMonitoring;
  const columns = status ? [6, 36, 12, 12, 10, 10, 10, 8, 9, 7] : [6, 36, 12, 12, 10, 10, 10, 9, 7];
  ws.columns = columns.map((width) => ({ width }));
  const n = columns.length;
  titleRow(ws, 1, v.title, n);
  titleRow(ws, 2, `（${v.year}，${v.period}）　金额单位：${v.moneyUnit}`, n, 10);
  const rest = n - 3;
  const header = 5;
  const rows: FormCell[][] = [
    [head('部门（单位）名称'), text(v.unit.name), head('单位编码'), plain(v.unit.code, { span: rest })],
    [head('评分规则'), text(v.ruleSet, { span: n - 1 })],
    departmentHeads(v.scoreLabel, status).map((h) => head(h, { size: 9 })),
    ...v.projects.map((p) => [
      figure(p.no, { align: 'center' }),
      text(`${p.name}\n${p.code}`),
      ...[p.budget, p.executed, p.planned, p.rate, p.gap].map((x) => figure(x)),
      ...(status ? [plain(p.status)] : []),
      figure(p.score),
      plain(p.grade),
    ]),
    [
      plain('合计', { span: 2, bold: true }),
      figure(v.totals.budget, { bold: true }),
      figure(v.totals.executed, { bold: true }),
      plain(''),
      figure(v.totals.rate, { bold: true }),
      ...Array.from({ length: n - 6 }, () => plain('')),
    ],
  ];
  const end = writeForm(ws, 3, rows, n);
  ws.mergeCells(end, 1, end, n);
  ws.getCell(end, 1).value = `等级分布：${v.grades}`;
  ws.getCell(end, 1).font = { name: '宋体', size: 10 };
  fitRowHeights(ws, 1, end);
  printSetup(ws, { titleRows: `${header}:${header}` });
  reportSheet(wb.addWorksheet('目标与关注事项'), v.title, [
    {
      title: '一、部门整体绩效目标',
      blocks: v.goals.map((g) => ({ subtitle: g.heading, paragraphs: [g.text], items: [] })),
    },
    {
      title: `二、${v.attention.title}`,
      blocks: [{ subtitle: null, paragraphs: v.attention.empty ? [v.attention.empty] : [], items: v.attention.items }],
    },
  ]);
  return workbookBytes(wb);
}
