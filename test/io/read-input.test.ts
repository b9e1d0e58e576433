import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserError } from '../../src/errors.js';
import { fsReason } from '../../src/io/fs-errors.js';
import { INPUT_LIMITS, InputError, readInput } from '../../src/io/read-input.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-read-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The message readInput refuses `path` with, and how long it took. */
function refusal(path: string, what = '目标表'): { message: string; ms: number } {
  const t0 = performance.now();
  try {
    readInput(path, what);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return { message: (err as UserError).message, ms: performance.now() - t0 };
  }
  throw new Error(`${path} was read`);
}

describe('readInput', () => {
  it('reads a regular file whole', () => {
    const file = join(dir, 'goals.txt');
    writeFileSync(file, '项目名称\n');
    expect(readInput(file, '目标表').toString()).toBe('项目名称\n');
  });

  it('refuses a device at once (/dev/zero would fill memory)', () => {
    const r = refusal('/dev/zero');
    expect(r.message).toBe('无法读取目标表 /dev/zero：这是一个设备文件，不是普通文件');
    expect(r.ms).toBeLessThan(500);
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(dir, 'actuals.yaml');
    execFileSync('mkfifo', [fifo]);
    const r = refusal(fifo, '实际完成情况');
    expect(r.message).toBe(`无法读取实际完成情况 ${fifo}：这是一个命名管道（FIFO），不是普通文件`);
    expect(r.ms).toBeLessThan(500);
  });

  it('refuses a folder and a missing file, naming the path', () => {
    mkdirSync(join(dir, 'd.json'));
    expect(refusal(join(dir, 'd.json')).message).toBe(
      `无法读取目标表 ${join(dir, 'd.json')}：这是一个文件夹，不是文件`,
    );
    expect(refusal(join(dir, 'none.txt')).message).toBe(
      `无法读取目标表 ${join(dir, 'none.txt')}：文件不存在（ENOENT）`,
    );
  });

  it('refuses a file over the size limit by its size, before reading it', () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, '');
    execFileSync('truncate', ['-s', '3G', file]); // sparse: 3 GB declared, nothing on disk
    const r = refusal(file, '实际完成情况');
    expect(r.message).toBe(`无法读取实际完成情况 ${file}：文件过大（3 GB，上限 16 MB）；请确认选对了文件`);
    expect(r.ms).toBeLessThan(500);
  });

  it('refuses a line of millions of tabs, naming the line', () => {
    const file = join(dir, 'goals.txt');
    writeFileSync(file, `项目名称\n${'\t'.repeat(INPUT_LIMITS.lineBytes + 1)}\n`);
    const r = refusal(file);
    expect(r.message).toBe(`无法读取目标表 ${file}：第 2 行超过 1 MB，不像是正常的文本文件（是否选错了文件？）`);
    expect(r.ms).toBeLessThan(500);
  });

  it('lets JSON be one long line (a program may write it so)', () => {
    const file = join(dir, 'goals.json');
    writeFileSync(file, JSON.stringify({ x: 'a'.repeat(INPUT_LIMITS.lineBytes + 1) }));
    expect(readInput(file, '目标表').length).toBe(INPUT_LIMITS.lineBytes + 9);
  });

  it('takes a workbook up to the larger office limit', () => {
    const file = join(dir, 'a.xlsx');
    writeFileSync(file, '');
    execFileSync('truncate', ['-s', String(INPUT_LIMITS.officeBytes + 1), file]);
    expect(refusal(file, '工作簿').message).toContain('上限 32 MB');
  });
});

describe('fsReason', () => {
  it.each([
    ['EISDIR', '这是一个文件夹，不是文件（EISDIR）'],
    ['EROFS', '所在的磁盘或文件夹是只读的（EROFS）'],
    ['EACCES', '没有权限（请检查文件或文件夹的权限）（EACCES）'],
    ['ENOSPC', '磁盘空间已满（ENOSPC）'],
  ])('%s in Chinese', (code, text) => {
    expect(fsReason(Object.assign(new Error('x'), { code }))).toBe(text);
  });
});
