import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoalDocument } from '../../src/model/goals.js';
import { encodeGbk, encodeUtf16 } from '../fixtures/documents/encode.js';
import { jixiao, ROOT, SAMPLE, SEED, withTempDir } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/documents');
const SAMPLE_DOCUMENT = join(SAMPLE, 'goals-document.txt');
const SAMPLE_GOALS = join(SAMPLE, 'goals.json');
const seed = readFileSync(SEED, 'utf8');

/** The document without `source`, to compare imports of the same content from different files. */
const content = (json: string) => ({ ...(JSON.parse(json) as GoalDocument), source: null });

describe('jixiao import: the seed', () => {
  it('prints the goals JSON to stdout when no -o is given', () => {
    const r = jixiao(['import', SEED]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as GoalDocument;
    expect(doc.source).toBe('lunan-emergency-2025-goals.txt');
    expect(doc.projects).toHaveLength(8);
    expect(doc.projects.flatMap((p) => p.indicators)).toHaveLength(57);
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('writes -o and prints a one-line summary to stderr', () => {
    withTempDir((dir) => {
      const out = join(dir, 'nested/goals.json');
      const r = jixiao(['import', SEED, '-o', out]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`已导入 8 个项目、57 个指标 → ${out}\n`);
      expect(readFileSync(out, 'utf8')).toBe(jixiao(['import', SEED]).stdout);
    });
  });

  it('reproduces the committed samples/lunan-2025/goals.json from goals-document.txt', () => {
    expect(readFileSync(SAMPLE_DOCUMENT)).toEqual(readFileSync(SEED));
    withTempDir((dir) => {
      const out = join(dir, 'goals.json');
      expect(jixiao(['import', SAMPLE_DOCUMENT, '-o', out]).status).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(SAMPLE_GOALS, 'utf8'));
    });
  });

  it('has parsed targets in the committed sample, not placeholders', () => {
    const doc = JSON.parse(readFileSync(SAMPLE_GOALS, 'utf8')) as GoalDocument;
    const targets = doc.projects.flatMap((p) => p.indicators.map((i) => i.target));
    expect(targets).toHaveLength(57);
    expect(targets[0]).toMatchObject({ raw: '≥1000家', direction: 'positive', value: 1000 });
    expect(targets.filter((t) => t.direction === 'invalid')).toEqual([]);
  });

  it.each([
    ['GBK', encodeGbk(seed), 'GBK/GB18030'],
    ['UTF-16LE with BOM', encodeUtf16(seed, 'le'), 'UTF-16LE'],
  ])('imports the seed saved as %s, and says so', (_name, bytes, label) => {
    withTempDir((dir) => {
      const input = join(dir, 'goals.txt');
      const out = join(dir, 'goals.json');
      writeFileSync(input, bytes);
      const r = jixiao(['import', input, '-o', out]);
      expect(r.stderr).toContain('已导入 8 个项目、57 个指标');
      expect(r.stderr).toContain(label);
      expect(r.status).toBe(0);
      expect(content(readFileSync(out, 'utf8'))).toEqual(content(readFileSync(SAMPLE_GOALS, 'utf8')));
    });
  });
});

describe('jixiao import: bad documents write nothing', () => {
  const cases: [string, string, string][] = [
    ['empty.txt', '第 1 行', '空'],
    ['no-tables.txt', '第 1–9 行', '没有找到项目绩效目标表'],
    ['truncated-header.txt', '第 49 行', '指标表头不完整'],
    ['short-row.txt', '第 96 行', '只有 3 个单元格'],
    ['bad-milestone.txt', '第 33 行', '三季度末'],
  ];
  it.each(cases)('%s: exit 2, names %s, no output file', (file, line, words) => {
    withTempDir((dir) => {
      const out = join(dir, 'goals.json');
      const r = jixiao(['import', join(FIXTURES, file), '-o', out]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^错误：/);
      expect(r.stderr).toContain(`${file} ${line}`);
      expect(r.stderr).toContain(words);
      expect(existsSync(out)).toBe(false);
    });
  });

  it.each([
    ['a binary file', Uint8Array.from([...Buffer.from('第一部分\n'), 0, 1, 2, 3]), ['第 2 行', 'NUL', '二进制']],
    ['a .docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), ['ZIP', '另存为']],
    ['neither UTF-8 nor GBK', Uint8Array.from([0x61, 0x0a, 0x62, 0xff, 0xfe, 0x80]), ['第 2 行', '无法识别编码']],
  ])('%s: exit 2 with what it looks like, no output file', (_name, bytes, words) => {
    withTempDir((dir) => {
      const input = join(dir, 'goals.txt');
      const out = join(dir, 'goals.json');
      writeFileSync(input, bytes);
      const r = jixiao(['import', input, '-o', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('goals.txt');
      for (const w of words) expect(r.stderr).toContain(w);
      expect(existsSync(out)).toBe(false);
    });
  });

  it('leaves an existing output file as it was', () => {
    withTempDir((dir) => {
      const out = join(dir, 'goals.json');
      writeFileSync(out, 'old');
      expect(jixiao(['import', join(FIXTURES, 'short-row.txt'), '-o', out]).status).toBe(2);
      expect(readFileSync(out, 'utf8')).toBe('old');
    });
  });

  it('refuses to write over its input', () => {
    withTempDir((dir) => {
      const input = join(dir, 'goals.txt');
      writeFileSync(input, seed);
      const r = jixiao(['import', input, '-o', input]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('输出文件不能是输入文件');
      expect(readFileSync(input, 'utf8')).toBe(seed);
    });
  });

  it('names a missing file', () => {
    const r = jixiao(['import', join(FIXTURES, 'no-such-file.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`错误：无法读取绩效目标文档 ${join(FIXTURES, 'no-such-file.txt')}：文件不存在（ENOENT）\n`);
  });
});
