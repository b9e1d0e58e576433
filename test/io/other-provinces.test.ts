import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoalDocument } from '../../src/model/goals.js';
import { jixiao, ROOT, withTempDir } from '../helpers/cli.js';

/**
 * Goal tables of four more provinces' templates (test/fixtures/other-provinces, transcribed from the published
 * pages) import through the real binary, as .txt and as .docx or .xlsx alike: the project, its year and budget,
 * every row with its tiers and the target as printed.
 */
const DIR = join(ROOT, 'test/fixtures/other-provinces');

function imported(file: string): { doc: GoalDocument; stderr: string } {
  return withTempDir((dir) => {
    const out = join(dir, 'goals.json');
    const r = jixiao(['import', join(DIR, file), '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    return { doc: JSON.parse(readFileSync(out, 'utf8')) as GoalDocument, stderr: r.stderr };
  });
}

const rows = (d: GoalDocument) =>
  d.projects[0]?.indicators.map((i) => [i.tier1, i.tier2, i.name, i.target.raw, i.target.direction]);

interface Case {
  name: string;
  files: string[];
  project: string;
  year: number;
  budget: object;
  first: unknown[];
  count: number;
  tiers: string[];
  notices?: string[];
}

const CASES: Case[] = [
  {
    name: '宁夏 申报表: 实施单位 beside 主管部门, 项目属性 and 项目期 read past, the merged 绩效指标 column',
    files: ['ningxia-yuanzhou-forest-2022-goals.txt', 'ningxia-yuanzhou-forest-2022-goals.docx'],
    project: '原州区2022年南部水源涵养林建设项目',
    year: 2022,
    budget: { total: 6070, fiscal: 6070, other: null },
    first: ['产出指标', '数量指标', '实施营造林总面积(亩)', '80000', 'positive'],
    count: 11,
    tiers: ['产出指标', '效益指标'],
  },
  {
    name: '广东 批复表: the 本年度 budget and the year’s indicator set, 一级 预期产出指标 / 效果指标 renamed',
    files: ['guangdong-dongguan-road-2019-goals.txt', 'guangdong-dongguan-road-2019-goals.xlsx'],
    project: '镇际联网路升级改造工程一期',
    year: 2019,
    budget: { total: 919, fiscal: null, other: null },
    first: ['产出指标', '数量指标(或建筑规模指标)', '镇街补助款完成结算项目数', '3', 'positive'],
    count: 5,
    tiers: ['产出指标', '效益指标'],
    notices: ['一级指标 “预期产出指标” 按“产出指标”计分', '一级指标 “效果指标” 按“效益指标”计分'],
  },
  {
    name: '天津 投资计划表: the bracketed project line, 下达中央预算内投资, 实施效果指标 over 产出/效益',
    files: ['tianjin-baodi-manure-2022-goals.txt', 'tianjin-baodi-manure-2022-goals.xlsx'],
    project: '天津市宝坻区畜禽粪污资源化利用整区推进项目',
    year: 2022,
    budget: { total: 2350, fiscal: null, other: null },
    first: ['产出指标', '产出指标', '建设项目个数(含续建)', '1', 'positive'],
    count: 4,
    tiers: ['产出指标', '效益指标'],
    notices: ['一级指标 “实施效果指标” 按“产出指标”计分'],
  },
  {
    name: '重庆 审批表: goals before the budget, 当年年度预算, the merged 年度绩效目标(90分) column, 成本指标(0-20)分',
    files: ['chongqing-fengjie-yunwu-2023-goals.txt', 'chongqing-fengjie-yunwu-2023-goals.docx'],
    project: '2023年云雾土家族乡加工园配套设施建设项目',
    year: 2023,
    budget: { total: 65, fiscal: 65, other: 0 },
    first: ['成本指标', '经济成本指标', '项目建设成本', '≤65万元', 'reverse'],
    count: 1,
    tiers: ['成本指标'],
    notices: ['空白的模板行（成本指标 / 社会成本指标：没有三级指标和指标值），已跳过'],
  },
];

describe('goal tables of other provinces’ templates', () => {
  it.each(CASES)('$name', (c) => {
    const runs = c.files.map(imported);
    for (const { doc, stderr } of runs) {
      expect(doc.projects).toHaveLength(1);
      const p = doc.projects[0];
      expect({ name: p?.name, year: p?.year, budget: p?.budget }).toEqual({
        name: c.project,
        year: c.year,
        budget: c.budget,
      });
      expect(rows(doc)?.[0]).toEqual(c.first);
      expect(p?.indicators).toHaveLength(c.count);
      expect([...new Set(p?.indicators.map((i) => i.tier1))]).toEqual(c.tiers);
      for (const n of c.notices ?? []) expect(stderr).toContain(n);
    }
    // The Word or Excel form holds the same rows as the text export.
    expect(rows(runs[1]?.doc as GoalDocument)).toEqual(rows(runs[0]?.doc as GoalDocument));
  });

  // A department's document holds its projects' tables one after another, each under its own title (and an 附件
  // line): every template above, twice in one file under two project names, gives two projects with their own rows.
  it.each(CASES)('two tables of one template in one document: $name', (c) => {
    const one = readFileSync(join(DIR, c.files[0] as string), 'utf8');
    const other = `${c.project.replace(/项目$|一期$/, '')}二期项目`;
    const file = withTempDir((dir) => {
      const path = join(dir, 'two.txt');
      writeFileSync(path, `${one}\n${one.replaceAll(c.project, other)}`);
      const r = jixiao(['import', path, '-o', join(dir, 'goals.json')]);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(readFileSync(join(dir, 'goals.json'), 'utf8')) as GoalDocument;
    });
    expect(file.projects.map((p) => [p.name, p.budget.total, p.indicators.length])).toEqual([
      [c.project, (c.budget as { total: number }).total, c.count],
      [other, (c.budget as { total: number }).total, c.count],
    ]);
  });

  it('reads the rows as printed: the 中期 value kept beside the year’s, a tolerance as a ceiling on its size', () => {
    const dongguan = imported('guangdong-dongguan-road-2019-goals.txt').doc.projects[0];
    const error = dongguan?.indicators.find((i) => i.name === '补助款结算误差率');
    expect(error?.target).toMatchObject({ raw: '±3%以内', direction: 'reverse', op: '<=', value: 3, unit: '%' });
    expect(error?.longTerm).toEqual([{ label: '中长期指标值', raw: '±3%以内' }]);
    expect(dongguan?.longGoals?.label).toBe('中期滚动目标(2019年--2021年)');
    // A bare number takes the unit the row's name gives: 实施营造林总面积(亩) 80000 is ≥80000亩, said as inferred.
    const ningxia = imported('ningxia-yuanzhou-forest-2022-goals.txt').doc.projects[0];
    expect(ningxia?.indicators.map((i) => [i.target.raw, 'unit' in i.target ? i.target.unit : null])).toEqual([
      ['80000', '亩'],
      ['30000', '亩'],
      ['50000', '亩'],
      ['30', '公里'],
      ['85', '%'],
      ['2023年底', null],
      ['6070', '万元'],
      ['', null],
      ['132', '人'],
      ['', null],
      ['', null],
    ]);
    expect(ningxia?.indicators[0]?.target).toMatchObject({ unitFromName: true, implicitOp: true });
    const fengjie = imported('chongqing-fengjie-yunwu-2023-goals.txt').doc.projects[0];
    expect(fengjie?.indicators[0]?.weight).toBe(10);
    expect(fengjie?.unitName).toBe('奉节县云雾土家族乡人民政府');
  });
});
