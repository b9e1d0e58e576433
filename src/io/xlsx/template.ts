import type { Workbook, Worksheet } from 'exceljs';
import { notApplicableReason } from '../../core/target/compound.js';
import type { GoalDocument, Indicator } from '../../model/goals.js';
import {
  type Column,
  columnsFor,
  FUNDS_COLUMNS,
  type FundsKey,
  INDICATOR_COLUMNS,
  type IndicatorKey,
  NOTE_LABELS,
  PERIOD_LABELS,
  SHEETS,
} from './columns.js';

/**
 * The actuals workbook (实际完成情况填报表), the Excel twin of `jixiao template`'s YAML: a 说明 sheet carrying the
 * period and as-of date, a 资金 sheet (one row per project) and a 指标 sheet (one row per indicator, goal table
 * order). Goal cells are locked (sheet protection without a password, so it guards against slips, not people);
 * input cells are unlocked and coloured. exceljs is imported here only, when a workbook is asked for.
 */

type Period = 'year-end' | 'mid-year';

const INPUT_FILL = 'FFFFF2CC';
const HEADER_FILL = 'FFD9E1F2';
const GOAL_FILL = 'FFF2F2F2';

export async function actualsWorkbook(goals: GoalDocument, period: Period, asOf?: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const date = asOf ?? (period === 'mid-year' ? `${goals.year}-06-30` : undefined);
  await notesSheet(wb, goals, period, date);

  const funds = wb.addWorksheet(SHEETS.funds);
  const fundRows = goals.projects.map(
    (p): Partial<Record<FundsKey, string | number>> => ({
      code: p.code,
      name: p.name,
      initial: p.budget.total,
      adjusted: p.budget.total,
    }),
  );
  await fillSheet(funds, columnsFor(FUNDS_COLUMNS, period, date), fundRows, 2);

  const indicators = wb.addWorksheet(SHEETS.indicators);
  const rows = goals.projects.flatMap((p) =>
    p.indicators.map(
      (ind): Partial<Record<IndicatorKey, string | number>> => ({
        code: p.code,
        project: p.name,
        tier1: ind.tier1,
        tier2: ind.tier2,
        name: ind.name,
        target: ind.target.raw,
        unit: unitOf(ind),
        ...(ind.target.direction === 'not-applicable' ? { notApplicable: notApplicableReason(ind.target.raw) } : {}),
        ...(ind.weight === undefined ? {} : { weight: ind.weight }),
      }),
    ),
  );
  await fillSheet(indicators, columnsFor(INDICATOR_COLUMNS, period, date), rows, 5);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The document has a row whose target is of this kind. */
const rowsOf = (goals: GoalDocument, direction: 'compound' | 'not-applicable') =>
  goals.projects.some((p) => p.indicators.some((i) => i.target.direction === direction));

function unitOf(ind: Indicator): string {
  const t = ind.target;
  if (t.direction === 'deadline') return '日期';
  if (t.direction === 'qualitative') return '定性';
  if (t.direction === 'invalid') return '';
  if (t.direction === 'not-applicable') return '不适用';
  // Each part's unit, in the order the actual is written: "人次 / %".
  if (t.direction === 'compound') return t.parts.map((p) => unitOf({ ...ind, target: p })).join(' / ');
  return t.unit ?? '';
}

async function notesSheet(wb: Workbook, goals: GoalDocument, period: Period, asOf?: string): Promise<void> {
  const ws = wb.addWorksheet(SHEETS.notes);
  ws.columns = [{ width: 14 }, { width: 90 }];
  const kind = period === 'year-end' ? '项目支出绩效自评' : '绩效运行监控';
  ws.addRow([`${goals.department.unitName ?? ''} ${goals.year}年${kind}：实际完成情况填报表`.trim()]).font = {
    bold: true,
    size: 14,
  };
  ws.addRow([]);
  ws.addRow([NOTE_LABELS.period, PERIOD_LABELS[period]]);
  const asOfRow = ws.addRow([NOTE_LABELS.asOf, asOf ?? '—']);
  ws.addRow([NOTE_LABELS.year, goals.year]);
  const asOfCell = asOfRow.getCell(2);
  asOfCell.numFmt = '@';
  if (period === 'mid-year') {
    asOfCell.protection = { locked: false };
    asOfCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
  }
  ws.addRow([]);
  const notes = [
    '填写说明：',
    `1. 金额单位为万元。在“${SHEETS.funds}”表填写${period === 'year-end' ? '全年执行数' : '截至监控日的执行数和全年预计执行数'}；年初预算数、全年预算数已按目标表预填，如有调整请改写。`,
    `2. 在“${SHEETS.indicators}”表的黄色单元格填写：实际完成值写“数值+单位”（如 1050家、45.2万元、98%），单位省略时按指标值的单位；日期写 2025-11-20。`,
    '3. 定性指标在“完成等级”中选择 达成 / 部分达成 / 未达成，并在“档内得分”填写该档内的得分（达成可不填，按满分计）。',
    '4. 不适用的指标填写“不适用原因”，实际完成值留空；未完成指标值时填写偏差原因和改进措施。',
    ...(rowsOf(goals, 'compound')
      ? [
          '   指标值含两项的（如“≥500人次 / ≥95%”），实际完成值按同样写法逐项填写，用“/”隔开（如“520人次 / 96%”），“计量单位”列按顺序列出各项的单位；各项均达到才得满分，否则按得分较低的一项计分。只有一项可计量的（如“全年 / ≥300天”），只填该项的值（如“320天”）。',
        ]
      : []),
    ...(rowsOf(goals, 'not-applicable')
      ? ['   目标表写明不适用的指标（如“本项目不适用此指标”“无”“/”），“不适用原因”已预填，不评分，实际完成值留空。']
      : []),
    '5. 评价人调整得分时，“调整得分”和“调整理由”须同时填写，没有理由的调整不予采用。',
    '6. 灰色单元格来自绩效目标表，已锁定；工作表保护没有密码（审阅 → 撤销工作表保护），请勿改动表头和行的顺序。',
    period === 'year-end'
      ? '7. 填好后运行：jixiao score 目标表.json 本文件.xlsx（年终自评评分），或 jixiao report 目标表.json 本文件.xlsx -o 报告文件夹'
      : `7. 填好后运行：jixiao monitor 目标表.json 本文件.xlsx（运行监控；截止日期取自本表的“${NOTE_LABELS.asOf}”），或 jixiao report 目标表.json 本文件.xlsx --kind monitoring -o 报告文件夹`,
  ];
  for (const n of notes) ws.addRow(['', n]).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  await ws.protect('', { formatColumns: true, formatRows: true });
}

/** Header, rows, widths, frozen panes, input styling, drop-downs and protection. */
async function fillSheet<K extends string>(
  ws: Worksheet,
  columns: Column<K>[],
  rows: Partial<Record<K, string | number>>[],
  frozenColumns: number,
): Promise<void> {
  ws.columns = columns.map((c) => ({ width: c.width }));
  const header = ws.addRow(columns.map((c) => c.header));
  header.height = 30;
  header.eachCell((cell, col) => {
    const c = columns[col - 1];
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c?.input ? INPUT_FILL : HEADER_FILL } };
    if (c?.note) cell.note = c.note;
  });
  for (const data of rows) {
    const row = ws.addRow(columns.map((c) => data[c.key] ?? null));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (!c.input) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: GOAL_FILL } };
        return;
      }
      cell.protection = { locked: false };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
      // Text format keeps "98%" and "2025-11-20" as typed instead of turning them into 0.98 or a date serial.
      cell.numFmt = c.kind === 'number' ? '0.00##' : '@';
      if (c.kind === 'list' && c.list) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${c.list.join(',')}"`],
          showErrorMessage: true,
          errorTitle: c.header,
          error: `请从下拉列表中选择：${c.list.join(' / ')}`,
        };
      } else if (c.kind === 'number') {
        cell.dataValidation = {
          type: 'decimal',
          operator: 'greaterThanOrEqual',
          allowBlank: true,
          formulae: [0],
          showErrorMessage: true,
          errorTitle: c.header,
          error: '请填写不小于 0 的数字',
        };
      }
    });
  }
  ws.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }];
  await ws.protect('', { formatColumns: true, formatRows: true });
}
