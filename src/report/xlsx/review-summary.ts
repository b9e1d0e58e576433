import { type BatchSummary, flatRows, SUMMARY_HEAD } from '../review-summary.js';
import { fitRowHeights, printSetup } from './print.js';
import { workbookBytes } from './save.js';
import { type FormCell, figure, head, plain, text, titleRow, writeForm } from './sheet.js';

const COLUMNS = [22, 24, 18, 9, 9, 7, 8, 9, 44, 34];

/** The batch review's summary sheet: one row per table, printable on A4 landscape one page wide. */
export async function reviewSummaryWorkbook(s: BatchSummary, closing: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet('复核汇总');
  ws.columns = COLUMNS.map((width) => ({ width }));
  titleRow(ws, 1, '项目支出绩效自评表复核汇总', COLUMNS.length);
  const rows: FormCell[][] = [
    SUMMARY_HEAD.map((h) => head(h, { size: 9 })),
    ...flatRows(s).map((r) =>
      r.map((x, k): FormCell => (k >= 3 && k <= 6 ? figure(x) : k >= 8 || k <= 2 ? text(x, { size: 9 }) : plain(x))),
    ),
  ];
  const end = writeForm(ws, 2, rows, COLUMNS.length);
  ws.getCell(end, 1).value = closing;
  fitRowHeights(ws, 1, end);
  printSetup(ws, { titleRows: '2:2', landscape: true });
  return workbookBytes(wb);
}
