import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, SAMPLE, withTempDir } from '../helpers/cli.js';

const GOALS = join(SAMPLE, 'goals.json');
const DOCUMENT = join(SAMPLE, 'goals-document.txt');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');
const MID_YEAR = join(SAMPLE, 'actuals-mid-year.yaml');
const RESULT = join(SAMPLE, 'score-year-end.json');

/** The one-line refusal a file of the wrong kind gets: its kind, and the order of the arguments. */
describe('a file given where another kind is expected', () => {
  it('the actuals workbook imported as a goal table says what it is, in one line', () => {
    withTempDir((dir) => {
      const book = join(dir, '填报表.xlsx');
      expect(jixiao(['template', GOALS, '-o', book]).status).toBe(0);
      const r = jixiao(['import', book, '-o', join(dir, 'goals.json')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        '错误：填报表.xlsx 是实际完成情况文件（jixiao template 生成的填报文件），不是绩效目标表。目标表应为单位的绩效目标文档（.docx/.xlsx/.txt）或 jixiao import 生成的 JSON。两个参数的顺序是否颠倒了？应为：jixiao score|monitor|report 目标表 实际完成情况（填报文件是第二个参数）\n',
      );
      // The same from check, which reads GOALS through the same loader.
      expect(jixiao(['check', book]).stderr).toContain('填报表.xlsx 是实际完成情况文件');
    });
  });

  it('swapped GOALS and ACTUALS: the hint names the order, whichever argument is read first', () => {
    const swapped = jixiao(['score', YEAR_END, GOALS]);
    expect(swapped.status).toBe(2);
    expect(swapped.stderr).toContain('actuals-year-end.yaml 是实际完成情况文件');
    expect(swapped.stderr).toContain('两个参数的顺序是否颠倒了？');
    expect(swapped.stderr.split('\n').filter(Boolean)).toHaveLength(1);

    for (const [goals, actuals, kind] of [
      [GOALS, GOALS, '目标表（jixiao import 生成的 JSON）'],
      [GOALS, DOCUMENT, '绩效目标文档（单位的绩效目标表）'],
    ] as const) {
      const r = jixiao(['score', goals, actuals]);
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean), r.stderr).toHaveLength(1);
      expect(r.stderr).toContain(`是${kind}，不是实际完成情况`);
      expect(r.stderr).toContain('还没有填报文件时，先运行 jixiao template 目标表 -o 填报表.xlsx');
    }
  });

  it('a score result is named as one, as GOALS and as ACTUALS', () => {
    expect(jixiao(['check', RESULT]).stderr).toContain(
      'score-year-end.json 是评分结果（jixiao score 输出的 JSON），不是绩效目标表',
    );
    expect(jixiao(['score', GOALS, RESULT]).stderr).toContain(
      '是评分结果（jixiao score 输出的 JSON），不是实际完成情况',
    );
  });
});

describe('the mid-year template', () => {
  it('refuses an --as-of outside the goals’ year, an impossible date, and --as-of for year-end', () => {
    withTempDir((dir) => {
      const out = join(dir, 't.xlsx');
      const cases: [string[], string][] = [
        [
          ['--period', 'mid-year', '--as-of', '2024-06-30'],
          '错误：--as-of 2024-06-30 不在目标表的年度（2025 年）内：运行监控的截止日期应在 2025-01-01 至 2025-12-31 之间\n',
        ],
        [
          ['--period', 'mid-year', '--as-of', '2025-02-30'],
          '错误：--as-of 应为 yyyy-MM-dd 格式的日期（如 2025-06-30），收到“2025-02-30”\n',
        ],
        [
          ['--as-of', '2025-06-30'],
          '错误：--as-of 只用于运行监控（--period mid-year）；年终自评的填报模板不需要截止日期\n',
        ],
      ];
      for (const [args, message] of cases) {
        const r = jixiao(['template', GOALS, ...args, '-o', out]);
        expect(r.stderr).toBe(message);
        expect(r.status).toBe(2);
      }
      expect(() => readFileSync(out)).toThrow();
    });
  });

  it('dates its amounts (截至9月30日执行数) and names monitor, in YAML and in the workbook, which monitor reads back', async () => {
    const yaml = jixiao(['template', GOALS, '--period', 'mid-year', '--as-of', '2025-09-30']).stdout;
    expect(yaml).toContain('executed:   # 截至9月30日执行数');
    expect(yaml).toContain('actual:   # 截至9月30日完成值');
    expect(yaml).toContain('# 填好后运行：jixiao monitor 目标表.json 本文件');
    expect(jixiao(['template', GOALS]).stdout).toContain('# 填好后运行：jixiao score 目标表.json 本文件');

    const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
    try {
      const book = join(dir, 'm.xlsx');
      expect(jixiao(['template', GOALS, '--period', 'mid-year', '--as-of', '2025-09-30', '-o', book]).status).toBe(0);
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(book);
      const header = (name: string) => ((wb.getWorksheet(name)?.getRow(1).values ?? []) as unknown[]).filter(Boolean);
      expect(header('资金')).toContain('截至9月30日执行数');
      expect(header('指标')).toContain('截至9月30日完成值');
      const notes = wb.getWorksheet('说明')?.getColumn(2).values.map(String) ?? [];
      expect(notes.some((n) => n.startsWith('7. 填好后运行：jixiao monitor 目标表.json 本文件.xlsx'))).toBe(true);
      // Read back: the dated headers are the columns monitor expects (an unfilled file, named as such).
      const r = jixiao(['monitor', GOALS, book]);
      expect(r.stderr).toContain('该项目尚未填写（执行数和各指标实际完成值均为空）');
      expect(r.stderr).not.toContain('缺少');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a monitoring date outside the goals’ year', () => {
  it('is reported once for the file, not once per project', () => {
    withTempDir((dir) => {
      const file = join(dir, 'a.yaml');
      writeFileSync(file, readFileSync(MID_YEAR, 'utf8').replace(/^asOf: .*$/m, 'asOf: 2024-06-30'));
      const r = jixiao(['monitor', GOALS, file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        '错误：无法完成运行监控：有 1 处问题\n  - 监控截止日期: 2024-06-30 不在目标表的年度（2025 年）内：截止日期应为该年度内的日期，如 2025-06-30\n',
      );
    });
  });
});
