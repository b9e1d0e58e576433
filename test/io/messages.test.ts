/** What an evaluator reads when an actuals file is wrong: the value found, in Chinese, never "undefined". */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadActuals } from '../../src/io/actuals.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function messages(yaml: string): string[] {
  const file = join(dir, 'actuals.yaml');
  writeFileSync(file, yaml);
  try {
    loadActuals(file);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return err.problems.map((p) => p.message);
  }
  throw new Error('expected a UserError');
}

const HEAD = 'schema: jixiao/actuals@1\nperiod: year-end\nprojects:\n';

describe('actuals file messages', () => {
  it.each([
    [
      'a number where text belongs',
      `${HEAD}  - code: 1\n    budget: { executed: 1 }\n    indicators: []\n`,
      '应为字符串，实际为数字（第 4 行）',
    ],
    [
      '.nan as an amount',
      `${HEAD}  - code: A\n    budget: { executed: .nan }\n    indicators: []\n`,
      '应为数字，实际为非数字 NaN（第 5 行）',
    ],
    [
      'a mapping where a list belongs',
      `${HEAD}  - code: A\n    budget: { executed: 1 }\n    indicators: { a: 1 }\n`,
      '应为列表，实际为键值映射（第 6 行）',
    ],
    [
      'a list for an enumerated value',
      'schema: jixiao/actuals@1\nperiod: [1]\nprojects: []\n',
      '应为以下之一：year-end、mid-year，实际为 列表（第 2 行）',
    ],
    [
      'an unknown grade',
      `${HEAD}  - code: A\n    budget: { executed: 1 }\n    indicators:\n      - { name: x, grade: 优秀 }\n`,
      '应为以下之一：达成、部分达成、未达成，实际为 “优秀”（第 7 行）',
    ],
    ['a missing key', `${HEAD}  - code: A\n    indicators: []\n`, '缺少此项（应为键值映射）（第 4 行）'],
  ])('%s', (_, yaml, expected) => {
    expect(messages(yaml)).toContain(expected);
  });

  it('a YAML syntax error says what to fix in Chinese, then quotes the parser', () => {
    const [m] = messages('schema: jixiao/actuals@1\nperiod: "year-end\n');
    expect(m).toMatch(/^YAML 格式错误（第 \d+ 行第 \d+ 列）：缺少配对的符号（引号、括号 \] 或 \} 没有闭合）$/);
    const [tab] = messages('schema: jixiao/actuals@1\nprojects:\n\t- code: A\n');
    expect(tab).toMatch(/YAML 格式错误（第 3 行第 \d+ 列）：.*(Tab|缩进)/);
  });

  it('a file nested too deep for the parser says so, without the stack overflow’s English', () => {
    const deep = `${HEAD}  - code: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    expect(messages(deep)).toEqual([
      expect.stringMatching(/^YAML 格式错误（第 4 行第 \d+ 列）：文件结构过于复杂（嵌套层数太多）$/),
    ]);
  });

  it('no message shows undefined or [object Object]', () => {
    const all = messages(
      `${HEAD}  - code: { a: 1 }\n    budget: [1]\n    indicators:\n      - { name: [x], weight: { w: 1 }, grade: [1] }\n`,
    );
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const m of all) expect(m).not.toMatch(/undefined|\[object/);
  });
});
