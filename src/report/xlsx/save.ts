import type { Workbook } from 'exceljs';

/** Characters an Excel cell holds at most; Excel reports a longer one as damaged content and drops it. */
export const EXCEL_CELL_LIMIT = 32_767;

/**
 * The workbook's bytes, every cell within Excel's limit. A text over it (a 偏差原因 pasted whole from a report)
 * is cut, not refused: the evaluator still gets the form, and the cell ends saying it was cut, how long the
 * text is and where it is whole (the html, md and docx reports keep every character).
 */
export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        if (typeof cell.value === 'string' && cell.value.length > EXCEL_CELL_LIMIT) cell.value = cut(cell.value);
      });
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Text cut to the limit with its note; never between the two halves of a character outside the BMP. */
export function cut(text: string): string {
  const note = `……（以下从略：原文共 ${text.length.toLocaleString('en-US')} 字，超过 Excel 单元格上限 ${EXCEL_CELL_LIMIT.toLocaleString('en-US')} 字；全文见 html、md 或 docx 格式的报告）`;
  let end = EXCEL_CELL_LIMIT - note.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + note;
}
