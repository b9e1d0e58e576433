import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoalDocument } from '../../src/model/goals.js';
import { jixiao, SHARED, withTempDir } from '../helpers/cli.js';
import { NO_YEAR, noYearActuals } from '../helpers/no-year.js';

type Actuals = ReturnType<typeof noYearActuals>;

/**
 * `--year` on every command that takes GOALS, through the real binary: the year of a document that states none;
 * refused, naming both years, when the document (or the goals JSON) states another.
 */

const NANYUE = join(SHARED, 'goal-docs/hunan-nanyue-2018-poverty-goals.txt');
const XIANGXI = join(SHARED, 'goal-docs/hunan-xiangxi-special-school-2023-goals.txt');

/** Each command's arguments after GOALS: actuals where it takes them, an output folder for report. */
const commands = (dir: string, { yearEnd: actuals, midYear }: Actuals): [string, string[]][] => [
  ['import', []],
  ['check', []],
  ['template', []],
  ['score', [actuals, '--allow-incomplete']],
  ['monitor', [midYear]],
  ['report', [actuals, '-o', join(dir, 'out'), '--format', 'md']],
  ['whatif', [actuals]],
];

describe('--year on every command taking GOALS', () => {
  it('is the year of a document that states none', () => {
    withTempDir((dir) => {
      const actuals = noYearActuals(dir);
      expect(readFileSync(actuals.yearEnd, 'utf8')).toContain('code: auto-');
      for (const [cmd, rest] of commands(dir, actuals)) {
        const r = jixiao([cmd, NO_YEAR, ...rest, '--year', '2026']);
        expect(r.stderr, cmd).not.toContain('错误');
        expect(r.stderr, cmd).not.toContain('年度');
        const without = jixiao([cmd, NO_YEAR, ...rest]);
        expect(without.status, cmd).toBe(2);
        expect(without.stderr, cmd).toContain('请用 --year 指定年度');
      }
      const doc = JSON.parse(jixiao(['import', NO_YEAR, '--year', '2026']).stdout) as GoalDocument;
      expect([doc.year, doc.projects[0]?.year]).toEqual([2026, 2026]);
    });
  });

  it('is refused, naming both years, when the document states another', () => {
    withTempDir((dir) => {
      const actuals = noYearActuals(dir);
      const imported = join(dir, 'nanyue.json');
      expect(jixiao(['import', NANYUE, '-o', imported]).status).toBe(0);
      for (const goals of [NANYUE, imported]) {
        for (const [cmd, rest] of commands(dir, actuals)) {
          const r = jixiao([cmd, goals, ...rest, '--year', '2019']);
          expect(r.status, `${cmd} ${goals}`).toBe(2);
          expect(r.stderr, cmd).toContain('文档写明的年度是 2018 年，与 --year 2019 不一致');
          expect(r.stdout, cmd).toBe('');
        }
      }
      // The year it states is no conflict.
      expect(jixiao(['check', imported, '--year', '2018']).stderr).not.toContain('不一致');
    });
  });

  it('says so when the rows of a document that states no year name another year', () => {
    const r = jixiao(['import', XIANGXI, '--year', '2024']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as GoalDocument).year).toBe(2024);
    expect(r.stderr).toContain('按 --year 定为 2024 年；但表格中的日期和说明多写 2023 年，请核对');
    expect(jixiao(['import', XIANGXI]).stdout).toContain('"year": 2023');
  });

  it('must be a year', () => {
    for (const cmd of ['import', 'check', 'serve']) {
      const r = jixiao([cmd, NO_YEAR, '--year', '26']);
      expect(r.status, cmd).toBe(2);
      expect(r.stderr, cmd).toContain('--year 应为 20xx 形式的年份，例如 2025，收到“26”');
    }
  });
});
