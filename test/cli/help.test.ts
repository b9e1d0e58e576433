import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapText } from '../../src/report/terminal/width.js';
import { jixiao, ROOT, SAMPLE } from '../helpers/cli.js';

const COMMANDS = [
  '',
  'import',
  'schema',
  'template',
  'score',
  'monitor',
  'check',
  'report',
  'review',
  'whatif',
  'serve',
];
const helpOf = (cmd: string) => jixiao([...(cmd ? [cmd] : []), '--help']).stdout;

describe('help columns in display width', () => {
  it.each(COMMANDS)('%s: every description starts in one column and no line is wider than 80', (cmd) => {
    const text = helpOf(cmd);
    for (const section of text.split(/\n(?=\S)/)) {
      // An item line: two spaces, the term, at least two spaces, the description.
      const items = section.split('\n').filter((l) => /^ {2}\S/.test(l) && !l.startsWith('  $'));
      const starts = items.map((l) => {
        const m = /^( {2}\S.*?\S? {2,})\S/.exec(l);
        return m ? displayWidth(m[1] as string) : null;
      });
      const columns = new Set(starts.filter((s) => s !== null));
      expect(columns.size, section).toBeLessThanOrEqual(1);
      // Continuation lines start in the description column too.
      const [column] = [...columns];
      for (const l of section.split('\n').filter((x) => /^ {5,}\S/.test(x)))
        expect(l.length - l.trimStart().length, l).toBe(column);
    }
    for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('--project shows no empty default', () => {
    for (const cmd of ['score', 'monitor', 'report']) {
      expect(helpOf(cmd)).toContain('--project <项目编码>     只处理这些项目');
      expect(helpOf(cmd)).not.toContain('（默认：[]）');
    }
  });

  it('wraps Chinese between characters, keeps Latin words whole, never starts a line with closing punctuation', () => {
    expect(wrapText('生成实际完成情况填报模板：YAML，或 -o 以 .xlsx 结尾时生成', 20)).toBe(
      '生成实际完成情况填报\n模板：YAML，或 -o 以\n.xlsx 结尾时生成',
    );
    expect(wrapText('一二三四五六七八九，十', 18)).toBe('一二三四五六七八\n九，十');
  });
});

describe('output piped into head', () => {
  const pipe = (args: string) =>
    spawnSync('bash', ['-c', `set -o pipefail; node ${join(ROOT, 'dist/cli/bin.js')} ${args} | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it.each([
    'report --help',
    `score ${join(SAMPLE, 'goals.json')} ${join(SAMPLE, 'actuals-year-end.yaml')} --format json`,
    `score ${join(SAMPLE, 'goals.json')} ${join(SAMPLE, 'actuals-year-end.yaml')}`,
  ])('jixiao %s | head -1 exits quietly (no EPIPE stack trace)', (args) => {
    const r = pipe(args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(2);
  });
});
