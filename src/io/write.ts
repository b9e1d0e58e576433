import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { fsCode, fsReason } from './fs-errors.js';
import { inputsRead } from './read-input.js';

/** `.自评表.html.<pid>.<8 hex>.tmp`: hidden, beside its target (rename is atomic only within one file system). */
const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Write a file whole: to a temp file beside it, then rename. A reader (or a crash) sees either the old file or
 * the complete new one, never half of it.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}

/**
 * Write a set of files (a report batch) as nearly at once as a file system allows: every temp file first, then
 * the renames. A failure while writing (disk full, a folder that cannot be made) removes this run's temp files
 * and leaves every previous file as it was; only a kill during the renames, which take milliseconds, can leave
 * a mix, and each file in it is still whole.
 */
export function writeFilesAtomic(files: readonly { path: string; data: string | Uint8Array }[]): void {
  const temps: { tmp: string; target: string; path: string }[] = [];
  try {
    for (const f of files) {
      const target = resolve(f.path);
      try {
        mkdirSync(dirname(target), { recursive: true });
      } catch (err) {
        throw writeError(f.path, err);
      }
      const tmp = tempPath(target);
      temps.push({ tmp, target, path: f.path });
      try {
        writeFileSync(tmp, f.data);
      } catch (err) {
        throw writeError(f.path, err);
      }
    }
    for (const t of temps) {
      try {
        renameSync(t.tmp, t.target);
      } catch (err) {
        throw writeError(t.path, err);
      }
    }
  } catch (err) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw err;
  }
}

const tempPath = (target: string) =>
  join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** An output written piece by piece (JSON Lines) and still whole: appended to a temp file, renamed on commit. */
export interface AtomicFile {
  write(text: string): void;
  /** Flush, rename over `path`; a stale temp of a killed earlier run is swept. */
  commit(): void;
  /** Remove the temp file: `path` stays as it was. */
  abort(): void;
}

export function openAtomic(path: string): AtomicFile {
  const target = resolve(path);
  let tmp = '';
  let fd: number;
  try {
    mkdirSync(dirname(target), { recursive: true });
    tmp = tempPath(target);
    fd = openSync(tmp, 'wx');
  } catch (err) {
    throw writeError(path, err);
  }
  // Pieces gathered to ~1 MB before each write: one system call per few hundred lines.
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length === 0) return;
    writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      closeQuietly(fd);
      rmSync(tmp, { force: true });
      throw writeError(path, err);
    }
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= 1 << 19) guard(flush);
    },
    commit() {
      guard(() => {
        flush();
        closeSync(fd);
        renameSync(tmp, target);
      });
      sweepStaleTemps(dirname(target), basename(path));
    },
    abort() {
      closeQuietly(fd);
      rmSync(tmp, { force: true });
    },
  };
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed (commit failed at the rename).
  }
}

/** A failed write names the file the user asked for, not the temp file; the old file is still whole. */
function writeError(path: string, err: unknown): unknown {
  if (!fsCode(err)) return err;
  return new UserError(`无法写入 ${path}：${fsReason(err)}；原有文件（如有）未被改动`);
}

/**
 * Refuse `-o` onto one of the inputs: an input file is never modified. Besides the `inputs` named, every file
 * this process has read (readInput: rule sets and what they extend, templates, goal tables) counts.
 */
export function assertNotInput(output: string, inputs: readonly string[] = []): void {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const out = real(output);
  for (const input of [...inputs, ...inputsRead()]) {
    if (real(input) === out) throw new UserError(`输出文件不能是输入文件：${output}（输入文件不会被修改）`);
  }
}

/**
 * The one output file of a command (`-o`): refused when it is an input (those named, and every file read while
 * the command ran: rule sets, what they extend, templates), written whole, and the temp files a killed earlier
 * run left for the same file removed.
 */
export function writeOutputFile(path: string, data: string | Uint8Array, inputs: readonly string[]): void {
  assertNotInput(path, inputs);
  writeFileAtomic(path, data);
  sweepStaleTemps(dirname(resolve(path)), basename(path));
}

/**
 * A rendered report batch into `outDir`: no file may replace an input (templates included, read while
 * rendering), all written as one set, then the temp files of a batch killed earlier removed.
 */
export function writeReportBatch(
  outDir: string,
  files: readonly { path: string; data: string | Uint8Array }[],
  inputs: readonly string[],
): void {
  for (const f of files) assertNotInput(f.path, inputs);
  writeFilesAtomic(files);
  sweepStaleTemps(outDir);
}

/**
 * Remove the temp files a killed run left in `dir` (of `target` only, when given) (SIGKILL or a power cut skips every clean-up). Only ours, by
 * name, and only when the process that wrote them is gone: a concurrent run's temp files are left alone.
 */
export function sweepStaleTemps(dir: string, target?: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMP.exec(name)?.[1]);
    if (!pid || isAlive(pid) || (target !== undefined && !name.startsWith(`.${target}.`))) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, another user's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
