import { unzipSync } from 'fflate';

/** Excel's own limits: 1,048,576 rows and 16,384 columns (XFD). */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** A merged area larger than this is no table anyone drew; exceljs would walk every cell of it. */
const MAX_MERGE_CELLS = 100_000;

const REF = /^([A-Z]+)(\d+)$/;
const inRange = (c: { row: number; col: number }) => c.row >= 1 && c.row <= MAX_ROW && c.col >= 1 && c.col <= MAX_COL;

function cell(ref: string): { row: number; col: number } | null {
  const m = REF.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Whether the zip could be opened (so a later failure lies in the content), and why its sheets are unsafe. */
export interface SheetBounds {
  unzipped: boolean;
  problem: string | null;
}

/**
 * Why the workbook's sheets cannot be read safely, or null. Checked before exceljs sees the file: a cell
 * reference beyond Excel's range, or a merged area of millions of cells, makes exceljs loop for minutes (a fuzz
 * finding: `<mergeCell ref="A14:A999…9"/>`). Only the references are read here, not the cells.
 */
export function sheetBoundsProblem(bytes: Uint8Array): SheetBounds {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f.name) });
  } catch {
    return { unzipped: false, problem: null }; // Not a readable zip: exceljs gives its own error.
  }
  return { unzipped: true, problem: boundsProblem(files) };
}

function boundsProblem(files: Record<string, Uint8Array>): string | null {
  const decoder = new TextDecoder();
  for (const [name, data] of Object.entries(files)) {
    const xml = decoder.decode(data);
    for (const m of xml.matchAll(/<(?:c|row)\b[^>]*?\sr="([^"]*)"/g)) {
      const r = m[1] as string;
      const at = /^\d+$/.test(r) ? { row: Number(r), col: 1 } : cell(r);
      if (!at || !inRange(at)) return `${name} 中的单元格引用 ${r.slice(0, 20)} 无效或超出 Excel 的范围`;
    }
    // Column widths: exceljs walks from min to max (a fuzz finding: max="999…9" ran for minutes).
    for (const m of xml.matchAll(/<col\b[^>]*?\smin="([^"]*)"[^>]*?\smax="([^"]*)"/g)) {
      const [min, max] = [Number(m[1]), Number(m[2])];
      const ok = Number.isInteger(min) && Number.isInteger(max) && min >= 1 && min <= max && max <= MAX_COL;
      if (!ok) return `${name} 中的列宽设置 ${`${m[1]}–${m[2]}`.slice(0, 30)} 无效或超出 Excel 的范围`;
    }
    for (const m of xml.matchAll(/<mergeCell\b[^>]*?\sref="([^"]*)"/g)) {
      const ends = (m[1] as string).split(':').map(cell);
      const [a, b] = ends;
      // "A-9007199254740993:E13" (a fuzz finding) would make exceljs count from minus nine quadrillion.
      if (ends.length !== 2 || !a || !b) return `${name} 中的合并单元格 ${(m[1] as string).slice(0, 30)} 无效`;
      const outside = [a, b].some((c) => !inRange(c));
      const area = (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
      if (outside || area > MAX_MERGE_CELLS) {
        return `${name} 中的合并单元格 ${(m[1] as string).slice(0, 30)} ${outside ? '超出 Excel 的范围' : '过大'}`;
      }
    }
  }
  return null;
}
