import type { Worksheet } from 'exceljs';

/**
 * What makes a sheet print like a form: Excel and LibreOffice size a row to its text only when no cell in it is
 * merged, and a form is mostly merged cells; so every row is given the height its wrapped text needs, measured
 * here from the text, the column widths and the font size.
 */

/** Width of a character in column-width units (the width of "0" at 11 pt) at `size` points. */
function charWidth(ch: string, size: number): number {
  const code = ch.codePointAt(0) ?? 0;
  const wide = code >= 0x2e80 || (code >= 0xff00 && code <= 0xffef);
  return ((wide ? 1.9 : 1.0) * size) / 10;
}

/** Lines a text takes in a cell `width` units wide: each paragraph wraps on its own. */
export function linesIn(text: string, width: number, size: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((sum, para) => {
    let w = 0;
    for (const ch of para) w += charWidth(ch, size);
    return sum + Math.max(1, Math.ceil(w / usable));
  }, 0);
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function decode(ref: string): Range {
  const [a, b] = ref.split(':');
  const at = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s) as RegExpExecArray;
    const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), col };
  };
  const s = at(a as string);
  const e = at((b ?? a) as string);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

/** Heights for rows `from`..`to`: the tallest cell's wrapped lines, a merged cell's shared over its rows. */
export function fitRowHeights(ws: Worksheet, from: number, to: number): void {
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(decode);
  const covered = new Set<string>();
  const spanOf = new Map<string, Range>();
  for (const m of merges) {
    spanOf.set(`${m.top}:${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const width = (c: number) => ws.getColumn(c).width ?? 9;
  const need = new Map<number, number>();
  for (let r = from; r <= to; r++) {
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
      if (covered.has(`${r}:${c}`)) return;
      const m = spanOf.get(`${r}:${c}`) ?? { top: r, left: c, bottom: r, right: c };
      let w = 0;
      for (let k = m.left; k <= m.right; k++) w += width(k);
      const size = cell.font?.size ?? 11;
      const shown = cell.numFmt && typeof cell.value === 'number' ? '0'.repeat(12) : cell.text;
      const height = linesIn(shown, w, size) * size * 1.4 + 4;
      const rows = m.bottom - m.top + 1;
      for (let k = m.top; k <= m.bottom; k++) need.set(k, Math.max(need.get(k) ?? 0, height / rows));
    });
  }
  // 409 pt is the most Excel allows; writers keep their texts below it (report-sheet.ts cuts long paragraphs).
  for (const [r, h] of need) ws.getRow(r).height = Math.min(409, Math.max(18, Math.ceil(h)));
}

export interface PrintOptions {
  /** Rows repeated at the top of every printed page, e.g. "12:12" (the indicator header). */
  titleRows?: string;
  landscape?: boolean;
}

/** A4, one page wide, centred, narrow form margins, 第 N 页 共 M 页 in the footer. */
export function printSetup(ws: Worksheet, o: PrintOptions = {}): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: o.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    ...(o.titleRows ? { printTitlesRow: o.titleRows } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '&C第 &P 页 共 &N 页' };
}
