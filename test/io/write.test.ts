import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { assertNotInput, sweepStaleTemps, writeFileAtomic } from '../../src/io/write.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temp file', () => {
    const path = join(dir, 'a', '报告.html');
    writeFileAtomic(path, '旧');
    writeFileAtomic(path, '新的内容');
    expect(readFileSync(path, 'utf8')).toBe('新的内容');
    expect(readdirSync(join(dir, 'a'))).toEqual(['报告.html']);
  });

  it('keeps the old file and removes its temp file when the write fails', () => {
    const path = join(dir, 'x.json');
    writeFileAtomic(path, 'old');
    // A folder where the file should be: the rename fails after the temp file is written.
    const blocked = join(dir, 'blocked');
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'keep'), '');
    expect(() => writeFileAtomic(blocked, 'new')).toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'x.json']);
  });
});

describe('sweepStaleTemps', () => {
  it('removes temp files of dead processes only, and nothing else', () => {
    const dead = '.报告.html.4194305.0badf00d.tmp'; // above the default pid_max: no such process
    const live = `.报告.html.${process.pid}.12345678.tmp`;
    const names = [dead, live, '报告.html', 'notes.tmp', '.hidden', '.x.1.tmp'];
    for (const n of names) writeFileSync(join(dir, n), '');
    expect(sweepStaleTemps(dir)).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual(names.filter((n) => n !== dead).sort());
  });

  it('is quiet about a folder that does not exist', () => {
    expect(sweepStaleTemps(join(dir, 'none'))).toEqual([]);
  });
});

describe('assertNotInput', () => {
  it('refuses an output that is an input, also through another spelling of the path', () => {
    const input = join(dir, 'goals.json');
    writeFileSync(input, '{}');
    expect(() => assertNotInput(join(dir, '.', 'goals.json'), [input])).toThrow(UserError);
    expect(() => assertNotInput(join(dir, 'out.json'), [input])).not.toThrow();
  });
});
