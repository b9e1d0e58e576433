import { randomBytes } from 'node:crypto';
import { mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';

/**
 * Write a file whole: to a temp file beside it, then rename. A reader (or a crash) sees either the old file or
 * the complete new one, never half of it.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
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
