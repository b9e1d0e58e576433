import { Inflate } from 'fflate';

/**
 * Zip bombs refused before any parser sees them. A 1.5 MB workbook can hold a million rows and a 2 MB one a
 * 2 GB sheet: exceljs and mammoth inflate and parse everything, for minutes and gigabytes. Here the central
 * directory's declared sizes are checked first (no inflating at all), then every part is inflated as a stream,
 * counting bytes (a part that inflates past its declared size is lying) and, in worksheets, rows and cells,
 * stopping at the first limit passed. Memory stays at one chunk.
 */

const MiB = 1024 * 1024;

export interface ZipLimits {
  /** All parts together, inflated. */
  bytes: number;
  /** Rows and cells in all worksheets together (xl/worksheets/*.xml); not checked when absent. */
  rows?: number;
  cells?: number;
}

/**
 * Above any real goal table, actuals or self-evaluation workbook (the bureau's 8 projects: 70 rows), and low
 * enough that what passes loads in seconds within a few hundred MB (exceljs: 100,000 rows of 8 cells took 14 s
 * and 560 MB).
 */
export const WORKBOOK_LIMITS: ZipLimits = { bytes: 64 * MiB, rows: 20_000, cells: 400_000 };
export const DOCUMENT_LIMITS: ZipLimits = { bytes: 64 * MiB };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

const u16 = (b: Uint8Array, i: number) => (b[i] as number) | ((b[i + 1] as number) << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

/** Why the zip is unsafe to open, in Chinese, or null (also null when it is no zip: the parser says so). */
export function zipProblem(bytes: Uint8Array, limits: ZipLimits): string | null {
  const entries = centralDirectory(bytes);
  if (!entries) return null;
  const declared = entries.reduce((n, e) => n + e.size, 0);
  if (entries.some((e) => e.size === 0xffffffff) || declared > limits.bytes) {
    return `压缩包声明的解压后大小超过上限 ${limits.bytes / MiB} MB（不像是正常的 Office 文件，可能是“压缩炸弹”）`;
  }
  const count = limits.rows !== undefined || limits.cells !== undefined ? tagCounter(limits) : null;
  for (const e of entries) {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    const problem = inflateChecked(bytes, e, sheet ? count : null);
    if (problem) return problem;
  }
  return null;
}

/** The central directory's entries, or null when there is none to read. */
function centralDirectory(b: Uint8Array): Entry[] | null {
  // End of central directory: 22 bytes, after a comment of at most 65,535.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  let at = u32(b, eocd + 16);
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return null;
    const nameLength = u16(b, at + 28);
    entries.push({
      method: u16(b, at + 10),
      compressed: u32(b, at + 20),
      size: u32(b, at + 24),
      offset: u32(b, at + 42),
      name: decoder.decode(b.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
  }
  return entries;
}

type Scan = (chunk: Uint8Array) => string | null;

/** Inflate one part as a stream, stopping past its declared size or when `scan` finds a limit passed. */
function inflateChecked(b: Uint8Array, e: Entry, scan: Scan | null): string | null {
  const local = e.offset;
  if (local + 30 > b.length || u32(b, local) !== 0x04034b50) return null; // damaged: the parser reports it
  const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
  const data = b.subarray(start, Math.min(b.length, start + e.compressed));
  if (e.method === 0) return scan?.(data) ?? null;
  if (e.method !== 8) return null;
  let out = 0;
  let why: string | null = null;
  const stop = new Error('stop');
  const inflate = new Inflate((chunk) => {
    out += chunk.length;
    why = out > e.size ? `${e.name} 解压后比声明的大小更大（文件已损坏，或是“压缩炸弹”）` : (scan?.(chunk) ?? null);
    if (why) throw stop;
  });
  const STEP = 16 * 1024; // ≤ 16 MB out per step (deflate inflates at most ~1,000-fold)
  try {
    for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch (err) {
    if (err !== stop) return null; // not valid deflate data: the parser reports the damage
  }
  return why;
}

/**
 * Counts `<row` and `<c` start tags (with any namespace prefix, `<x:row`) in the worksheets' XML, chunk by
 * chunk, over all sheets; says which limit is passed first, or null.
 */
function tagCounter(limits: ZipLimits): Scan {
  let rows = 0;
  let cells = 0;
  let tail = new Uint8Array(0);
  const KEEP = 24; // the longest tag start looked at: '<' + a 16-byte prefix + ':row' + one more
  return (chunk) => {
    const buf = tail.length ? concat(tail, chunk) : chunk;
    const end = Math.max(0, buf.length - KEEP); // what is after `end` is scanned with the next chunk
    for (let i = buf.indexOf(0x3c); i >= 0 && i < end; i = buf.indexOf(0x3c, i + 1)) {
      let j = i + 1;
      let k = j;
      while (k - j < 16 && isNameByte(buf[k] as number)) k++;
      if (buf[k] === 0x3a) j = k + 1;
      if (buf[j] === 0x72 && buf[j + 1] === 0x6f && buf[j + 2] === 0x77 && isTagEnd(buf[j + 3] as number)) rows++;
      else if (buf[j] === 0x63 && isTagEnd(buf[j + 1] as number)) cells++;
    }
    tail = buf.slice(end);
    if (limits.rows !== undefined && rows > limits.rows) return tooMany(`${limits.rows.toLocaleString('en-US')} 行`);
    if (limits.cells !== undefined && cells > limits.cells) {
      return tooMany(`${limits.cells.toLocaleString('en-US')} 个单元格`);
    }
    return null;
  };
}

function tooMany(what: string): string {
  return `工作表合计超过 ${what}（上限；不像是一张绩效表格，可能是“压缩炸弹”；请只保留需要的工作表和行）`;
}

const isNameByte = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
/** After a tag name: whitespace, '>' or '/'. */
const isTagEnd = (c: number) => c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
