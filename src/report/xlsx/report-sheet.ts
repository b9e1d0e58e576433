import type { Worksheet } from 'exceljs';
import type { SectionView } from '../view-common.js';
import { fitRowHeights, linesIn, printSetup } from './print.js';

// LibreOffice does not shrink a one-column sheet to the page: the column itself fits A4 portrait (about 165 mm).
const WIDTH = 78;
const SIZE = 10;
/** Excel's tallest row is 409 pt: a paragraph that would need more is cut at sentence ends over several rows. */
const MAX_LINES = 24;

/** A long paragraph as pieces of at most MAX_LINES lines, broken after 。；, never inside a sentence if avoidable. */
export function pieces(text: string, width = WIDTH, size = SIZE): string[] {
  if (linesIn(text, width, size) <= MAX_LINES) return [text];
  const sentences = text.match(/[^。；;]+[。；;]?/g) ?? [text];
  const out: string[] = [];
  let cur = '';
  for (const s of sentences) {
    if (cur && linesIn(cur + s, width, size) > MAX_LINES) {
      out.push(cur);
      cur = '';
    }
    cur += s;
  }
  if (cur) out.push(cur);
  return out;
}

/** The report chapters as one column of wrapped paragraphs, for those who read the workbook alone. */
export function reportSheet(ws: Worksheet, title: string, sections: readonly SectionView[]): void {
  ws.columns = [{ width: WIDTH }];
  let r = 1;
  const put = (value: string, o: { bold?: boolean; size?: number; center?: boolean } = {}) => {
    const c = ws.getCell(r++, 1);
    c.value = value;
    c.font = { name: '宋体', size: o.size ?? SIZE, bold: o.bold };
    c.alignment = { wrapText: true, vertical: 'top', horizontal: o.center ? 'center' : 'left' };
  };
  put(title, { bold: true, size: 14, center: true });
  for (const s of sections) {
    put(s.title, { bold: true, size: 12 });
    for (const b of s.blocks) {
      if (b.subtitle) put(b.subtitle, { bold: true });
      for (const p of b.paragraphs) for (const piece of pieces(`　　${p}`)) put(piece);
      for (const i of b.items) for (const piece of pieces(`· ${i}`)) put(piece);
    }
  }
  fitRowHeights(ws, 1, r - 1);
  printSetup(ws);
}
