import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { UserError } from '../errors.js';
import { fsReason } from './fs-errors.js';

/**
 * The one reader of every input file (goal documents and tables, actuals, rule sets, review tables): a regular
 * file of bounded size, read whole, or refused at once with a Chinese message naming the path. A device
 * (/dev/zero), a FIFO or a folder would otherwise hang the run or fill memory; a multi-GB file or a line of
 * millions of characters would take the parsers minutes. The limits (README, "输入文件的大小上限") are far
 * above any real document: the bureau's goal document of 8 projects is 17 KB.
 */

/** A refused input; `reason` is the message without the file, for a list that names the file itself. */
export class InputError extends UserError {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

const MiB = 1024 * 1024;

export const INPUT_LIMITS = {
  /** Text inputs: goal documents (.txt), goals JSON, actuals YAML/JSON/CSV, rule sets. */
  textBytes: 16 * MiB,
  /** Office files (.xlsx, .docx), compressed; their content is checked separately (zip-limits.ts). */
  officeBytes: 32 * MiB,
  /** One line of a text input other than JSON (a machine may write JSON on one line). */
  lineBytes: 1 * MiB,
} as const;

const OFFICE = /\.(xlsx|docx)$/i;

/** Every file read so far (resolved): `-o` onto any of them is refused (write.ts). */
const read = new Set<string>();

/** The files this process has read, by their real paths. */
export function inputsRead(): readonly string[] {
  return [...read];
}

/** A size in words: 3 GB, 16 MB, 1.5 MB, 812 KB. */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${Number((bytes / 1024 / MiB).toFixed(1))} GB`;
  if (bytes >= MiB) return `${Number((bytes / MiB).toFixed(1))} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The bytes of input `path`. `what` names it for the user (目标表, 实际完成情况, 规则集 …): every refusal reads
 * `无法读取<what> <path>：<why>`.
 */
export function readInput(path: string, what: string): Buffer {
  const fail = (why: string) => new InputError(`无法读取${what} ${path}：${why}`, why);
  const office = OFFICE.test(path);
  const limit = office ? INPUT_LIMITS.officeBytes : INPUT_LIMITS.textBytes;
  let fd: number;
  try {
    // stat first: opening a FIFO waits for a writer. O_NONBLOCK covers a file swapped for one in between.
    const kind = notRegular(statSync(path));
    if (kind) throw fail(kind);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    read.add(realpathSync(path));
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw fail(fsReason(err));
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    const kind = notRegular(stat);
    if (kind) throw fail(kind);
    if (stat.size > limit)
      throw fail(`文件过大（${sizeLabel(stat.size)}，上限 ${sizeLabel(limit)}）；请确认选对了文件`);
    // Read to the limit and one byte more: a file that grows while read, or reports no size (/proc), is
    // bounded too.
    const chunks: Buffer[] = [];
    let n = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(limit + 1 - n, Math.max(stat.size - n, 64 * 1024)));
      const got = chunk.length === 0 ? 0 : readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      chunks.push(got === chunk.length ? chunk : chunk.subarray(0, got));
      n += got;
    }
    if (n > limit) throw fail(`文件过大（超过上限 ${sizeLabel(limit)}）；请确认选对了文件`);
    bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, n);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw fail(fsReason(err));
  } finally {
    closeSync(fd);
  }
  if (!office && !/\.json$/i.test(path) && !isBinary(bytes)) {
    const line = longLine(bytes, INPUT_LIMITS.lineBytes);
    if (line > 0) {
      throw fail(`第 ${line} 行超过 ${sizeLabel(INPUT_LIMITS.lineBytes)}，不像是正常的文本文件（是否选错了文件？）`);
    }
  }
  return bytes;
}

/**
 * An input read piece by piece (JSON Lines): the checks of readInput (a regular file, not a FIFO or device,
 * never blocking) without its size limit; the caller bounds each line. Returns an open descriptor.
 */
export function openInput(path: string, what: string): number {
  const fail = (why: string) => new InputError(`无法读取${what} ${path}：${why}`, why);
  try {
    const kind = notRegular(statSync(path));
    if (kind) throw fail(kind);
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const again = notRegular(fstatSync(fd));
    if (again) {
      closeSync(fd);
      throw fail(again);
    }
    read.add(realpathSync(path));
    return fd;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw fail(fsReason(err));
  }
}

function notRegular(stat: import('node:fs').Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return '这是一个文件夹，不是文件';
  if (stat.isFIFO()) return '这是一个命名管道（FIFO），不是普通文件';
  if (stat.isSocket()) return '这是一个套接字，不是普通文件';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return '这是一个设备文件，不是普通文件';
  return '不是普通文件';
}

/** Binary files (Office, PDF …) are refused by the decoder with a better message than a line length. */
function isBinary(bytes: Buffer): boolean {
  const b0 = bytes[0];
  return (b0 === 0x50 && bytes[1] === 0x4b) || (b0 === 0xd0 && bytes[1] === 0xcf) || (b0 === 0x25 && bytes[1] === 0x50);
}

/** The 1-based number of the first line longer than `max` bytes, or 0. */
function longLine(bytes: Buffer, max: number): number {
  let start = 0;
  let line = 1;
  for (;;) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    if (end - start > max) return line;
    if (nl < 0) return 0;
    start = nl + 1;
    line++;
  }
}
