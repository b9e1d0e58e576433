import { closeSync, readSync } from 'node:fs';
import { UserError } from '../../errors.js';
import { INPUT_LIMITS, openInput, sizeLabel } from '../read-input.js';

/** Bytes read per system call: large enough that reading costs little next to parsing. */
const CHUNK = 1 << 20;
const EMPTY = Buffer.alloc(0);

/**
 * The lines of a text file read piece by piece, so memory stays the same whatever the file's size: a chunk of
 * bytes at a time, cut at its last newline (a character split across chunks waits for the next one). UTF-8
 * only, a byte-order mark dropped; each line is bounded (INPUT_LIMITS.lineBytes) and named by its number.
 */
export class LineReader {
  /** The number of the line `next` returned last (from 1). */
  line = 0;
  private lines: string[] = [];
  private at = 0;
  private rest: Buffer = EMPTY;
  private done = false;
  private fd: number | null;

  constructor(
    readonly path: string,
    readonly what: string,
  ) {
    this.fd = openInput(path, what);
  }

  /** The next line (without its line break), or null at the end of the file. */
  next(): string | null {
    while (this.at >= this.lines.length) {
      if (this.done) return null;
      this.fill();
    }
    this.line++;
    return this.lines[this.at++] as string;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private fill(): void {
    const first = this.line === 0 && this.rest.length === 0;
    const chunk = Buffer.allocUnsafe(CHUNK);
    const got = this.fd === null ? 0 : readSync(this.fd, chunk, 0, CHUNK, null);
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk.subarray(0, got)]) : chunk.subarray(0, got);
    this.at = 0;
    let end = data.lastIndexOf(0x0a);
    if (got === 0) {
      this.done = true;
      this.close();
      end = data.length;
    } else if (end < 0) {
      this.lines = [];
      this.rest = data;
      if (data.length > INPUT_LIMITS.lineBytes) throw this.tooLong(this.line + 1);
      return;
    }
    let text = data.toString('utf8', 0, end);
    this.rest = got === 0 ? EMPTY : data.subarray(end + 1);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.lines = text.length === 0 && got === 0 ? [] : text.split('\n');
    this.check(text);
  }

  /** A byte that is no UTF-8 (a GBK file) or an overlong line, named at its line. */
  private check(text: string): void {
    const bad = text.indexOf('\uFFFD');
    const long = text.length > INPUT_LIMITS.lineBytes / 3;
    if (bad < 0 && !long) return;
    this.lines.forEach((l, k) => {
      const n = this.line + k + 1;
      if (l.includes('\uFFFD')) {
        throw new UserError(
          `无法读取${this.what} ${this.path}：第 ${n} 行不是 UTF-8 编码（JSON Lines 文件须以 UTF-8 保存）`,
        );
      }
      if (Buffer.byteLength(l) > INPUT_LIMITS.lineBytes) throw this.tooLong(n);
    });
  }

  private tooLong(n: number): UserError {
    return new UserError(
      `无法读取${this.what} ${this.path}：第 ${n} 行超过 ${sizeLabel(INPUT_LIMITS.lineBytes)}（每行应是一个项目）`,
    );
  }
}
