import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGbk, encodeUtf16 } from '../fixtures/documents/encode.js';
import { jixiao, SAMPLE, withTempDir } from '../helpers/cli.js';

const GOALS = join(SAMPLE, 'goals.json');
const ACTUALS = join(SAMPLE, 'actuals-year-end.yaml');

/** Exit 2, one Chinese message naming the path, no stack trace. */
function refused(args: string[], message: string, cwd?: string): void {
  const t0 = performance.now();
  const r = jixiao(args, { cwd });
  expect(r.stderr).toContain(message);
  expect(r.stderr).not.toMatch(/内部错误| {4}at |Error:/);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(performance.now() - t0).toBeLessThan(10_000);
}

describe('inputs that are not regular files of bounded size', () => {
  it('refuses /dev/zero as goals at once', () => {
    refused(['score', '/dev/zero', ACTUALS], '错误：无法读取目标表 /dev/zero：这是一个设备文件，不是普通文件');
  });

  it('refuses a FIFO as actuals without waiting on it', () => {
    withTempDir((dir) => {
      execFileSync('mkfifo', [join(dir, 'actuals.yaml')]);
      refused(
        ['score', GOALS, 'actuals.yaml'],
        'actuals.yaml: 无法读取文件：这是一个命名管道（FIFO），不是普通文件',
        dir,
      );
    });
  });

  it('refuses a folder as the goal document to import', () => {
    withTempDir((dir) => {
      mkdirSync(join(dir, 'goals.txt'));
      refused(['import', 'goals.txt'], '错误：无法读取绩效目标文档 goals.txt：这是一个文件夹，不是文件', dir);
    });
  });

  it('refuses a multi-GB YAML by its size', () => {
    withTempDir((dir) => {
      writeFileSync(join(dir, 'rules.yaml'), '');
      execFileSync('truncate', ['-s', '3G', join(dir, 'rules.yaml')]);
      refused(['score', GOALS, ACTUALS, '--rules', './rules.yaml'], '文件过大（3 GB，上限 16 MB）', dir);
    });
  });

  it('refuses a goal document with a 50M-tab line at once', () => {
    withTempDir((dir) => {
      writeFileSync(join(dir, 'goals.txt'), `项目名称\n${'\t'.repeat(50_000_000)}\n`);
      refused(['check', 'goals.txt'], '无法读取目标表 goals.txt：文件过大（47.7 MB，上限 16 MB）', dir);
      writeFileSync(join(dir, 'goals.txt'), `项目名称\n${'\t'.repeat(2_000_000)}\n`);
      refused(['check', 'goals.txt'], '无法读取目标表 goals.txt：第 2 行超过 1 MB', dir);
    });
  });
});

describe('file-system errors', () => {
  it('a folder where the output file should be (EISDIR) is named, and nothing changes', () => {
    withTempDir((dir) => {
      mkdirSync(join(dir, 'out.json'));
      refused(['score', GOALS, ACTUALS, '-o', 'out.json'], '错误：无法写入 out.json：', dir);
    });
  });

  it('a folder the user may not write to (EACCES) is named', () => {
    withTempDir((dir) => {
      // root may write anywhere but into /sys; others are stopped by the folder's mode.
      const out = process.getuid?.() === 0 ? '/sys/jixiao-test.json' : join(dir, 'ro', 'out.json');
      if (process.getuid?.() !== 0) {
        mkdirSync(join(dir, 'ro'), { mode: 0o500 });
      }
      refused(['score', GOALS, ACTUALS, '-o', out], `错误：无法写入 ${out}：没有权限`);
    });
  });

  it('an input the system refuses to read is named (EACCES; as root, EIO from /proc/self/mem)', () => {
    if (process.getuid?.() === 0) {
      // root reads every file: a file under /proc that refuses reads stands in.
      refused(
        ['score', GOALS, '/proc/self/mem'],
        '/proc/self/mem: 无法读取文件：读写磁盘时出错（输入/输出错误）（EIO）',
      );
      return;
    }
    withTempDir((dir) => {
      writeFileSync(join(dir, 'a.yaml'), readFileSync(ACTUALS), { mode: 0o000 });
      refused(['score', GOALS, 'a.yaml'], 'a.yaml: 无法读取文件：没有权限', dir);
    });
  });
});

describe('actuals saved in the encodings of a Chinese office PC', () => {
  const utf8 = jixiao(['score', GOALS, ACTUALS, '--format', 'json']);

  it.each([
    ['GBK', (t: string) => encodeGbk(t)],
    ['UTF-16LE with BOM', (t: string) => encodeUtf16(t, 'le')],
  ])('a %s YAML scores exactly as the UTF-8 one', (_, encode) => {
    expect(utf8.status).toBe(0);
    withTempDir((dir) => {
      writeFileSync(join(dir, 'actuals.yaml'), encode(readFileSync(ACTUALS, 'utf8')));
      const r = jixiao(['score', GOALS, 'actuals.yaml', '--format', 'json'], { cwd: dir });
      expect(r.stderr).toBe(utf8.stderr);
      expect(r.stdout).toBe(utf8.stdout);
    });
  });
});
