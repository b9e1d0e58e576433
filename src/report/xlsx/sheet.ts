import type { Worksheet } from 'exceljs';

/** One cell of a printed form: its value, how many columns and rows it covers, and how it looks. */
export interface FormCell {
  value: string | number | null;
  span?: number;
  rowSpan?: number;
  head?: boolean;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  numFmt?: string;
  /** Font size in points; 10 unless given. */
  size?: number;
}

export const MONEY = '0.00';
export const SCORE = '0.00';
export const RATE = '0.00%';

const THIN = { style: 'thin' as const };
const FONT = '宋体';

/**
 * Write rows of form cells onto a sheet as an HTML table lays them out: a cell goes to the next column no merged
 * cell above already covers, spans become merged ranges, every cell gets borders and wrapping. Returns the row
 * after the last one written.
 */
export function writeForm(ws: Worksheet, top: number, rows: readonly FormCell[][], columns: number): number {
  const taken = new Set<string>();
  rows.forEach((cells, k) => {
    const r = top + k;
    let c = 1;
    for (const cell of cells) {
      while (taken.has(`${r}:${c}`)) c++;
      const span = cell.span ?? 1;
      const down = cell.rowSpan ?? 1;
      for (let i = 0; i < down; i++) for (let j = 0; j < span; j++) taken.add(`${r + i}:${c + j}`);
      const target = ws.getCell(r, c);
      target.value = cell.value;
      if (span > 1 || down > 1) ws.mergeCells(r, c, r + down - 1, c + span - 1);
      style(ws, r, c, cell, span, down);
      c += span;
    }
  });
  const end = top + rows.length;
  for (let r = top; r < end; r++) {
    for (let c = 1; c <= columns; c++) ws.getCell(r, c).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  }
  return end;
}

function style(ws: Worksheet, r: number, c: number, cell: FormCell, span: number, down: number): void {
  for (let i = 0; i < down; i++) {
    for (let j = 0; j < span; j++) {
      const x = ws.getCell(r + i, c + j);
      const numeric = typeof cell.value === 'number';
      x.alignment = {
        wrapText: true,
        vertical: 'middle',
        horizontal: cell.align ?? (numeric ? 'right' : 'center'),
      };
      x.font = { name: FONT, size: cell.size ?? 10, bold: cell.head || cell.bold };
      if (cell.head) x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } };
      if (cell.numFmt) x.numFmt = cell.numFmt;
    }
  }
}

/** A title line across the form: merged over every column, centred, in `size` points. */
export function titleRow(ws: Worksheet, r: number, text: string, columns: number, size = 16): void {
  ws.mergeCells(r, 1, r, columns);
  const c = ws.getCell(r, 1);
  c.value = text;
  c.font = { name: FONT, size, bold: size >= 14 };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/**
 * A figure the view-model printed ("12.17", "49.59%", "-25.35") as a number with its format, so Excel keeps a
 * number; any other text stays text. The view has already rounded, so the number is the printed one exactly.
 */
export function figure(text: string, o: Omit<FormCell, 'value'> = {}): FormCell {
  const pct = /^([+-]?\d+(?:\.\d+)?)%$/.exec(text);
  if (pct) return { ...o, value: Number(pct[1]) / 100, numFmt: RATE };
  if (/^[+-]?\d+(?:\.\d+)?$/.test(text)) {
    const decimals = text.split('.')[1]?.length ?? 0;
    return { ...o, value: Number(text), numFmt: decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}` };
  }
  return { ...o, value: text };
}

export const head = (value: string, o: Omit<FormCell, 'value'> = {}): FormCell => ({ ...o, value, head: true });
export const text = (value: string | readonly string[], o: Omit<FormCell, 'value'> = {}): FormCell => ({
  align: 'left',
  ...o,
  value: typeof value === 'string' ? value : value.join('\n'),
});
export const plain = (value: string | number | null, o: Omit<FormCell, 'value'> = {}): FormCell => ({ ...o, value });
