import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { jixiao, SAMPLE, SEED_CODES, withTempDir } from '../helpers/cli.js';

const GOALS = join(SAMPLE, 'goals.json');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');

interface Comparison {
  projects: {
    code: string;
    total: number;
    change: number | null;
    previous: { code: string; total: number; year: number; matchedBy: string } | null;
    indicators: {
      name: string;
      actual: string | null;
      score: number;
      previous: { actual: string | null; score: number } | null;
      change: number | null;
      trend: string | null;
    }[];
    dropped: { name: string }[];
  }[];
  unmatched: { code: string; name: string }[];
}

/**
 * "Last year": the seed scored with other actuals (project 1 spent 40 of 50 万元 and checked 900 企业), then
 * edited as a year earlier would differ: year 2024, project 2 under another code, project 8 absent, a project
 * since closed, project 1's 满意度 indicator under another name.
 */
function lastYear(dir: string): string {
  const a = parse(readFileSync(YEAR_END, 'utf8'));
  a.projects[0].budget.executed = 40;
  a.projects[0].indicators[0].actual = '900家';
  writeFileSync(join(dir, 'a2024.yaml'), stringify(a));
  const r = jixiao(['score', GOALS, join(dir, 'a2024.yaml'), '-f', 'json']);
  expect(r.status, r.stderr).toBe(0);
  const prev = JSON.parse(r.stdout);
  for (const p of prev.projects) p.year = 2024;
  prev.projects[1].code = '13020224P00001610003Q';
  const closed = { ...prev.projects[7], code: '13020224P00000000001X', name: '2024年已结束项目' };
  prev.projects[7] = closed;
  prev.projects[0].indicators[6].name = '群众满意度';
  const file = join(dir, 'score-2024.json');
  writeFileSync(file, JSON.stringify(prev));
  return file;
}

describe('score --previous / report --previous: last year beside this year', () => {
  it('matches projects by code, else name, indicators by tier path and name, with real figures', () => {
    withTempDir((dir) => {
      const prev = lastYear(dir);
      const r = jixiao(['score', GOALS, YEAR_END, '-f', 'json', '--previous', prev]);
      expect(r.status, r.stderr).toBe(0);
      const c = (JSON.parse(r.stdout) as { comparison: Comparison }).comparison;
      const [p1, p2] = c.projects;
      // Project 1: 99.72 this year; last year 8.00 for 执行率 (40/50×10) and 11.25 for 900/1000×12.5.
      expect(p1?.previous).toMatchObject({ code: SEED_CODES[0], year: 2024, matchedBy: 'code' });
      expect(p1?.previous?.total).toBe(96.75);
      expect(p1?.change).toBe(2.97);
      expect(p1?.indicators[0]).toMatchObject({
        name: '每年检查企业个数',
        actual: '1086家',
        score: 12.5,
        previous: { actual: '900家', score: 11.25 },
        change: 1.25,
        trend: 'up',
      });
      expect(p1?.indicators[1]).toMatchObject({ change: 0, trend: 'same' });
      expect(p1?.indicators[6]).toMatchObject({ name: '服务对象满意度', previous: null, trend: null });
      expect(p1?.dropped).toEqual([{ tier1: '满意度指标', tier2: '服务对象满意度指标', name: '群众满意度' }]);
      expect(p2?.previous).toMatchObject({ code: '13020224P00001610003Q', matchedBy: 'name' });
      expect(p2?.change).toBe(0);
      expect(c.projects[7]?.previous).toBeNull();
      expect(c.unmatched).toEqual([{ code: '13020224P00000000001X', name: '2024年已结束项目' }]);

      const t = jixiao(['score', GOALS, YEAR_END, '--previous', prev]);
      expect(t.status, t.stderr).toBe(0);
      expect(t.stdout).toContain('与上年比较');
      expect(t.stdout).toMatch(
        /每年检查企业个数\s*│\s*900家\s*│\s*11\.25\s*│\s*1086家\s*│\s*12\.50\s*│\s*提高 1\.25 分/,
      );
      expect(t.stdout).toContain('本年自评总分 99.72 分，上年 96.75 分，比上年提高 2.97 分，等级同为“优”。');
    });
  });

  it('gives the 自评报告 a comparison paragraph built from the data; without --previous the report is as before', () => {
    withTempDir((dir) => {
      const prev = lastYear(dir);
      const out = join(dir, 'md');
      const args = ['report', GOALS, YEAR_END, '-f', 'md', '--project', SEED_CODES[0] as string];
      expect(jixiao([...args, '-o', out, '--previous', prev]).status).toBe(0);
      const md = readFileSync(join(out, `${SEED_CODES[0]}-self-evaluation.md`), 'utf8');
      expect(md).toContain('（四）与上年比较');
      expect(md).toContain(
        '与上年（2024 年）比较：本年自评总分 99.72 分，上年 96.75 分，比上年提高 2.97 分，等级同为“优”。',
      );
      expect(md).toContain('可比的 6 项三级指标中，得分率提高 1 项：每年检查企业个数；下降 0 项；持平 5 项。');
      expect(md).toContain('本年新增、上年没有对应的指标：服务对象满意度。');
      expect(md).toContain('上年有、本年没有的指标：群众满意度。');
      const plain = join(dir, 'plain');
      expect(jixiao([...args, '-o', plain]).status).toBe(0);
      expect(readFileSync(join(plain, `${SEED_CODES[0]}-self-evaluation.md`), 'utf8')).not.toContain('与上年比较');
    });
  });

  it('refuses a file that is no year-end score JSON, in Chinese', () => {
    withTempDir((dir) => {
      const r = jixiao(['score', GOALS, YEAR_END, '--previous', GOALS]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('无法读取上年评分结果');
      expect(r.stderr).toContain('schema 应为 jixiao/evaluation@2');
      const m = jixiao(['monitor', GOALS, join(SAMPLE, 'actuals-mid-year.yaml'), '-f', 'json']);
      writeFileSync(join(dir, 'm.json'), m.stdout);
      expect(jixiao(['score', GOALS, YEAR_END, '--previous', join(dir, 'm.json')]).stderr).toContain(
        '无法读取上年评分结果',
      );
    });
  });
});
