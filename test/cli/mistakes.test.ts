import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, SAMPLE, withTempDir } from '../helpers/cli.js';

const GOALS = join(SAMPLE, 'goals.json');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');
const MID_YEAR = join(SAMPLE, 'actuals-mid-year.yaml');

describe('the period of the actuals', () => {
  it('score refuses mid-year actuals instead of printing them as year-end totals', () => {
    const r = jixiao(['score', GOALS, MID_YEAR]);
    expect(r.stderr).toBe(
      `错误：${MID_YEAR} 是运行监控数据（“period: mid-year”），年终自评评分需要“period: year-end”；运行监控请用 jixiao monitor\n`,
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('monitor takes asOf from the actuals file when --as-of is not given', () => {
    const given = jixiao(['monitor', GOALS, MID_YEAR, '--as-of', '2025-06-30', '--format', 'json']);
    const fromFile = jixiao(['monitor', GOALS, MID_YEAR, '--format', 'json']);
    expect(fromFile.status, fromFile.stderr).toBe(0);
    expect(fromFile.stdout).toBe(given.stdout);
    // The file's asOf and a different --as-of: the figures are as at one date only.
    const other = jixiao(['monitor', GOALS, MID_YEAR, '--as-of', '2025-09-30']);
    expect(other.stderr).toContain('--as-of 2025-09-30 与');
    expect(other.status).toBe(2);
  });
});

/** C0 but tab and line feed, DEL, C1, bidi overrides. */
const isControl = (c: string) => {
  const x = c.charCodeAt(0);
  return (x < 0x20 && x !== 0x09 && x !== 0x0a) || (x >= 0x7f && x <= 0x9f) || (x >= 0x202a && x <= 0x202e);
};

describe('terminal output', () => {
  it('strips escape sequences and control characters from user text (a reason that retitles or clears)', () => {
    withTempDir((dir) => {
      const hostile = '延期\u001b]0;已被篡改\u0007\u001b[2J\u001b[31m原因\u009b1m\u202e反向';
      const escaped = [...hostile]
        .map((c) => (isControl(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
        .join('');
      const yaml = readFileSync(YEAR_END, 'utf8').replace(
        '{ name: 每年检查企业个数, actual: 1086家',
        `{ name: 每年检查企业个数, reason: "${escaped}", actual: 1086家`,
      );
      expect(yaml).toContain('reason:');
      writeFileSync(join(dir, 'a.yaml'), yaml);
      const r = jixiao(['score', GOALS, 'a.yaml'], { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('偏差原因：延期');
      expect([...(r.stdout + r.stderr)].filter(isControl)).toEqual([]);
      // JSON keeps the text as written, escaped.
      const json = jixiao(['score', GOALS, 'a.yaml', '--format', 'json'], { cwd: dir });
      expect(json.stdout).toContain('\\u001b]0;已被篡改\\u0007');
    });
  });

  it('an error list stops at 200 problems and says how many more there are', () => {
    withTempDir((dir) => {
      const rows = Array.from({ length: 1000 }, (_, k) => `      - { name: 没有这个指标${k}, actual: 1家 }`);
      const yaml = [
        'schema: jixiao/actuals@1',
        'period: year-end',
        'projects:',
        '  - code: 13020225P00001210004M',
        '    budget: { initial: 50, adjusted: 50, executed: 48.6 }',
        '    indicators:',
        ...rows,
        '',
      ].join('\n');
      writeFileSync(join(dir, 'a.yaml'), yaml);
      const r = jixiao(['score', GOALS, 'a.yaml', '--project', '13020225P00001210004M'], { cwd: dir });
      expect(r.status).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines.length).toBe(202);
      expect(lines.at(-1)).toMatch(/^ {2}……另有 \d+ 处未列出（共 \d+ 处；请先改正上面这些）$/);
      expect(lines.filter((l) => l.includes('没有这个指标')).length).toBe(200);
    });
  });
});

describe('a command line in Chinese', () => {
  it('help: the frame, defaults and examples in Chinese; template says it writes .xlsx; report -o is required', () => {
    const score = jixiao(['score', '--help']);
    expect(score.stdout).toMatch(/^用法： jixiao score \[选项\] <goals> <actuals>\n/);
    for (const s of ['参数：', '选项：', '（默认："national"）', '示例：\n  $ jixiao score goals.json actuals.xlsx'])
      expect(score.stdout).toContain(s);
    expect(score.stdout).not.toMatch(/Usage|Options|Arguments|default:/);
    expect(jixiao(['template', '--help']).stdout).toContain('.xlsx');
    expect(jixiao(['report', '--help']).stdout).toContain('输出文件夹（必填）');
    expect(jixiao(['--help']).stdout).toContain('命令：');
  });

  it.each([
    [['scor'], '错误：没有“scor”这个命令\n（是不是要用 score？）\n（用 --help 查看用法）\n'],
    [['score', 'goals.json'], '错误：缺少参数 <actuals>\n（用 --help 查看用法）\n'],
    [['report', 'a', 'b'], '错误：缺少必填选项 -o, --output <dir>\n（用 --help 查看用法）\n'],
    [['score', 'a', 'b', 'c'], '错误：score 参数过多：应为 2 个，收到 3 个\n（用 --help 查看用法）\n'],
  ])('parser error %j in Chinese', (args, stderr) => {
    const r = jixiao(args);
    expect(r.stderr).toBe(stderr);
    expect(r.status).not.toBe(0);
  });

  it('--rules hubei suggests hubei-20', () => {
    const r = jixiao(['score', GOALS, YEAR_END, '--rules', 'hubei']);
    expect(r.stderr).toContain('错误：找不到规则集“hubei”。是不是要用 hubei-20？内置规则集有：');
    expect(r.status).toBe(2);
  });
});
