import { basename } from 'node:path';
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { cleanFloat } from '../../core/units.js';
import { UserError } from '../../errors.js';
import { decode } from '../decode.js';
import { readInput } from '../read-input.js';
import { WORKBOOK_LIMITS, zipProblem } from '../zip-limits.js';
import { withReadableComments } from './comment-parts.js';
import { sheetBoundsProblem } from './sheet-bounds.js';

/**
 * A sheet as plain rows of values, the one shape every table reader here works on, whether it came from a
 * workbook (merged cells resolved, formulas replaced by their cached results) or from a CSV file.
 */

export interface GridCell {
  /** Text (trimmed), a number, or null for an empty cell. Percent-formatted numbers come back as "96%". */
  value: string | number | null;
  /** Why the cell cannot be read (error value, formula without a result). */
  problem?: string;
  /** A merged cell other than the top-left one: its master is to the left in this row, or in a row above. */
  merge?: 'left' | 'up';
}

export interface Grid {
  /** Sheet name, or the CSV file name. */
  name: string;
  /** rows[r][c], 0-based; row r is spreadsheet row r + 1. */
  rows: GridCell[][];
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const starts = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * Open a .xlsx workbook. Excel saves a password-protected workbook as an OLE compound file holding an
 * "EncryptedPackage" stream, not as a zip, so the signature tells encrypted, legacy .xls and corrupt apart.
 */
export async function openWorkbook(path: string, what: string): Promise<Workbook> {
  const bytes = readInput(path, what);
  const file = basename(path);
  const fail = (why: string) => new UserError(`无法读取${what} ${file}：${why}`);
  if (bytes.length === 0) throw fail('文件是空的');
  if (starts(bytes, OLE)) {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw fail(
        '工作簿设置了打开密码（已加密）。请在 Excel 中打开，去掉密码（文件 → 信息 → 保护工作簿）后另存为 .xlsx',
      );
    }
    throw fail('这是旧版 Excel 97-2003 文件（.xls），请在 Excel 中另存为 .xlsx');
  }
  if (!starts(bytes, ZIP)) throw fail('不是有效的 .xlsx 文件（文件已损坏，或不是 Excel 工作簿）');
  const bomb = zipProblem(bytes, WORKBOOK_LIMITS);
  if (bomb) throw fail(bomb);
  const bounds = sheetBoundsProblem(bytes);
  if (bounds.problem) throw fail(`文件已损坏：${bounds.problem}`);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(withReadableComments(bytes) as unknown as ArrayBuffer);
  } catch {
    // The zip opened (bounds.unzipped), so exceljs failed on the sheets' content, not on the archive. Its own
    // text is English and names its internals: the user is told what to do instead.
    const why = bounds.unzipped ? '工作簿里的表格内容已损坏' : '文件已损坏或不完整，无法解压';
    throw fail(`${why}（能在 Excel 或 WPS 中打开的话，另存为 .xlsx 再试）`);
  }
  return wb;
}

// relax_quotes: stray quotes (巡查"次数", "巡查"次数) are read as written rather than refused; only a quote
// left open to the end of the file is an error.
const CSV_OPTIONS = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false } as const;

/** The CSV file as one grid: UTF-8 with or without BOM, UTF-16 with BOM, or GBK (Excel's "CSV" on Chinese Windows). */
export async function readCsvGrid(path: string, what: string): Promise<Grid> {
  const bytes = readInput(path, what);
  const file = basename(path);
  if (starts(bytes, ZIP) || starts(bytes, OLE)) {
    throw new UserError(`无法读取${what} ${file}：这是 Excel 工作簿而不是 CSV 文本，请把扩展名改为 .xlsx`);
  }
  const { text } = decode(bytes, file, '请在 Excel 中另存为“CSV UTF-8”或 .xlsx 工作簿');
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(text, CSV_OPTIONS) as string[][];
  } catch (err) {
    throw new UserError(`无法读取${what} ${file}：CSV 格式错误，${csvProblem(err as CsvParseError, text, parse)}`);
  }
  return { name: file, rows: records.map((r) => r.map((v) => ({ value: v.trim() === '' ? null : v.trim() }))) };
}

/** The fields of csv-parse's CsvError that say where. */
interface CsvParseError extends Error {
  code?: string;
  records?: number;
}
type CsvParse = typeof import('csv-parse/sync').parse;

/** csv-parse's one error on data under CSV_OPTIONS (a quote never closed) in Chinese, with the line; others quoted. */
function csvProblem(err: CsvParseError, text: string, parse: CsvParse): string {
  const hint = '以双引号开头的单元格要整格用双引号括起来，里面的每个双引号写成两个，例如 "巡查""次数"""';
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    // The error's own counters point past the quote; the records read before it end on the line before.
    const before = err.records ? parse(text, { ...CSV_OPTIONS, to: err.records, info: true }) : [];
    const line = ((before.at(-1) as { info?: { lines: number } } | undefined)?.info?.lines ?? 0) + 1;
    return `从第${line}行开始的那条记录里，有一个引号到文件结尾都没有闭合（${hint}）`;
  }
  return `第${(err.records ?? 0) + 1}条记录附近的格式无法识别（可在 Excel 或 WPS 中打开后另存为“CSV UTF-8”或 .xlsx 再试）`;
}

const EMPTY: GridCell = Object.freeze({ value: null });
/** Rows the sheet does not hold share one empty row: readers never change a grid. */
const NO_CELLS = Object.freeze([]) as unknown as GridCell[];

/**
 * A worksheet as a grid: every row up to the last used one, each up to its own last cell (readers take a
 * missing cell as empty). Only the rows and cells the sheet holds are visited: padding every row to the widest
 * one made a single cell in column XFD cost 16,384 cells a row, and one at XFD1048576 exhausted memory.
 */
export function sheetGrid(ws: Worksheet): Grid {
  const rows: GridCell[][] = [];
  const count = ws.rowCount; // a getter that scans the rows
  for (let r = 1; r <= count; r++) {
    const row = ws.findRow(r);
    if (!row) {
      rows.push(NO_CELLS);
      continue;
    }
    const cells: GridCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      cells.push(cell ? gridCell(cell) : EMPTY);
    }
    rows.push(cells);
  }
  return { name: ws.name, rows };
}

function gridCell(cell: Cell): GridCell {
  if (cell.isMerged && cell.master !== cell) {
    return { value: null, merge: cell.master.row === cell.row ? 'left' : 'up' };
  }
  return convert(cell.value, cell.numFmt ?? '');
}

/** Characters an Excel cell holds at most: Excel itself cannot save a longer one. */
export const EXCEL_CELL_LIMIT = 32_767;
const overlong = (length: number) =>
  `单元格有 ${length.toLocaleString('en-US')} 个字符，超过 Excel 单元格上限 ${EXCEL_CELL_LIMIT.toLocaleString('en-US')} 个字符（Excel 保存不了这样的单元格：文件由其他程序生成，或内容粘贴有误）；请删减后再试`;

/** exceljs cell value → GridCell (dependencies.md: rich text, hyperlinks, formulas with or without results). */
function convert(v: unknown, numFmt: string): GridCell {
  if (v === null || v === undefined) return { value: null };
  // A number cell the XML spells as NaN or 1e999 is not a number anyone typed: it goes on as text, so the
  // readers report it as not a number, naming the cell.
  if (typeof v === 'number' && !Number.isFinite(v)) return { value: String(v) };
  if (typeof v === 'number') return { value: numFmt.includes('%') ? `${cleanFloat(v * 100)}%` : v };
  if (typeof v === 'string') {
    if (v.length > EXCEL_CELL_LIMIT) return { value: null, problem: overlong(v.length) };
    return { value: v.trim() === '' ? null : v.trim() };
  }
  if (typeof v === 'boolean') return { value: v ? '是' : '否' };
  if (v instanceof Date) return { value: Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10) };
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return convert((o.richText as { text: string }[]).map((t) => t.text).join(''), numFmt);
  }
  if ('error' in o) return { value: null, problem: `单元格是错误值 ${String(o.error)}` };
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) {
      return { value: null, problem: '公式没有计算结果（请在 Excel 中打开并保存一次，让公式算出结果）' };
    }
    return convert(o.result, numFmt);
  }
  if ('text' in o) return convert(o.text, numFmt);
  // Only a damaged file gets here (exceljs gave an object of no known kind): never print it as "[object Object]".
  return { value: null, problem: '单元格内容无法识别（不是文字、数字、日期或公式结果）' };
}

/** A cell as text ('' when empty). */
export function cellText(cell: GridCell | undefined): string {
  const v = cell?.value;
  return v === null || v === undefined ? '' : String(v);
}

/** A header label for matching: no whitespace, half-width brackets, no "(A)"/"（万元）" style suffix, no date. */
export function headerKey(text: string): string {
  return (
    text
      .replace(/[\s\u3000]+/g, '')
      .replace(/（/g, '(')
      .replace(/）/g, ')')
      .replace(/\([^)]*\)$/, '')
      // The mid-year workbook dates its amount columns (截至6月30日执行数): any date reads as the as-of one.
      .replace(/^截至\d{1,2}月\d{1,2}日/, '截至监控日')
  );
}

/** Spreadsheet column letters for a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
