import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { fsCode, fsReason } from './fs-errors.js';

/** `.自评表.html.<pid>.<8 hex>.tmp`: hidden, beside its target (rename is atomic only within one file system). */
const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Write a file whole: to a temp file beside it, then rename. A reader (or a crash) sees either the old file or
 * the complete new one, never half of it.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const target = resolve(path);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (err) {
    throw writeError(path, err);
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw writeError(path, err);
  }
}

/** A failed write names the file the user asked for, not the temp file; the old file is still whole. */
function writeError(path: string, err: unknown): unknown {
  if (!fsCode(err)) return err;
  return new UserError(`无法写入 ${path}：${fsReason(err)}；原有文件（如有）未被改动`);
}

/** Refuse `-o` onto one of the inputs: an input file is never modified. */
export function assertNotInput(output: string, inputs: string[]): void {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const out = real(output);
  for (const input of inputs) {
    if (real(input) === out) throw new UserError(`输出文件不能是输入文件：${output}（输入文件不会被修改）`);
  }
}

/**
 * Remove the temp files a killed run left in `dir` (SIGKILL or a power cut skips every clean-up). Only ours, by
 * name, and only when the process that wrote them is gone: a concurrent run's temp files are left alone.
 */
export function sweepStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMP.exec(name)?.[1]);
    if (!pid || isAlive(pid)) continue;
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
