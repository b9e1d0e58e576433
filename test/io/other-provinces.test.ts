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
  {
    name: '福建 (安溪): covering notice and allocation table read past, a 指标值 per village gives one row per village',
    files: ['fujian-anxi-water-2022-goals.txt', 'fujian-anxi-water-2022-goals.docx'],
    project: '省级第七批水利专项资金',
    year: 2022,
    budget: { total: 100, fiscal: 100, other: null },
    first: ['产出指标', '数量指标', '开展小型水利工程建设(个)（西坪镇尧山村）', '1', 'positive'],
    count: 7,
    tiers: ['产出指标'],
    notices: ['不是绩效目标表（如资金安排表），已跳过'],
  },
  {
    name: '福建 (秀屿): 指标方向 as the operator of each town’s 指标值, 成本指标 first',
    files: ['fujian-xiuyu-water-2025-goals.txt', 'fujian-xiuyu-water-2025-goals.xlsx'],
    project: '省级第七批水利专项资金',
    year: 2025,
    budget: { total: 35, fiscal: 35, other: 0 },
    first: ['成本指标', '经济成本指标', '省级财政专项资金投入成本控制率(%)（笏石街道办）', '≤100%', 'reverse'],
    count: 8,
    tiers: ['成本指标', '产出指标'],
  },
  {
    name: '陕西: 专项(项目)名称, 市级/区级 部门 rows, a 指标值 holding only its unit refused as unfilled',
    files: ['shaanxi-chencang-water-2020-goals.txt', 'shaanxi-chencang-water-2020-goals.xlsx'],
    project: '农村饮水安全巩固提升工程专项',
    year: 2020,
    budget: { total: 500, fiscal: 500, other: null },
    first: ['产出指标', '数量指标', '指标1:新建堤防、护岸长度', '公里', 'invalid'],
    count: 5,
    tiers: ['产出指标'],
  },
  {
    name: '新疆兵团: 当年财政拨款 under 财政资金 counted once, 项目总目标 beside 年度总体目标, 产 出 指 标',
    files: ['xinjiang-bingtuan-liutuan-2021-goals.txt', 'xinjiang-bingtuan-liutuan-2021-goals.docx'],
    project: '第一师六团巩固脱贫攻坚与乡村振兴有效衔接特色产业基地气调保鲜库建设项目',
    year: 2021,
    budget: { total: 1500, fiscal: 1500, other: null },
    first: ['产出指标', '数量指标', '指标1:新建保鲜库数量', '1座', 'positive'],
    count: 3,
    tiers: ['产出指标'],
  },
  {
    name: '湖北 (青山 基建): 主管部门 及编码, 当年资金总额, 长期 and 年度 sets marked in the header, a caption row',
    files: ['hubei-qingshan-jiaoyu-jijian-2020-goals.txt', 'hubei-qingshan-jiaoyu-jijian-2020-goals.docx'],
    project: '教育系统基础设施建设和设备购置',
    year: 2020,
    budget: { total: 10000, fiscal: 10000, other: null },
    first: ['产出指标', '数量指标', '重点建设工程安排数量', '2', 'positive'],
    count: 7,
    tiers: ['产出指标', '效益指标', '满意度指标'],
  },
  {
    name: '湖北 (青山 薄改): 项目主管部门 / 项目执行单位, amounts written inside their label cells',
    files: ['hubei-qingshan-bruoxiao-2020-goals.txt', 'hubei-qingshan-bruoxiao-2020-goals.xlsx'],
    project: '农村义务教育薄弱学校改造补助资金',
    year: 2020,
    budget: { total: 16, fiscal: 16, other: null },
    first: ['产出指标', '数量指标', '农村义务教育学校改造覆盖率', '100%', 'positive'],
    count: 9,
    tiers: ['产出指标', '效益指标'],
  },
  {
    name: '湖南 (湘潭 申报表): 项目支出名称, 预算部门, 年度本级预算金额, 本年度绩效目标, 指标值及单位, 绩效标准',
    files: ['hunan-xiangtan-wupao-2023-goals.txt', 'hunan-xiangtan-wupao-2023-goals.docx'],
    project: '雾炮车降尘抑尘服务',
    year: 2023,
    budget: { total: 250, fiscal: null, other: null, unit: '万' },
    first: ['产出指标', '数量指标', '雾炮车降尘抑尘服务配备车辆数', '10辆', 'positive'],
    count: 7,
    tiers: ['产出指标', '效益指标'],
    notices: ['空白的模板行（效益指标 / 经济效益指标：没有三级指标和指标值），已跳过'],
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
  // (The 福建, 陕西 and 新疆 files are whole notices with their 附件: doubled, their notice text would sit between two
  // tables, which no published document does; they are tried as they are.)
  it.each(CASES.slice(0, 4))('two tables of one template in one document: $name', (c) => {
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
    // 指标方向 "≥" with 1 is ≥1; "是/否" adds no comparison to 否; a unit alone is no target.
    const xiuyu = imported('fujian-xiuyu-water-2025-goals.txt').doc.projects[0];
    expect(xiuyu?.indicators.map((i) => i.target.raw)).toEqual([
      '≤100%',
      '≤100%',
      '≥1',
      '≥1',
      '否',
      '否',
      '≥100%',
      '≥100%',
    ]);
    const chencang = imported('shaanxi-chencang-water-2020-goals.txt').doc.projects[0];
    expect(chencang?.indicators[0]?.target).toMatchObject({
      direction: 'invalid',
      problem: { message: '指标值“公里”只写了单位，没有填写数值' },
    });
    const bingtuan = imported('xinjiang-bingtuan-liutuan-2021-goals.txt').doc.projects[0];
    expect(bingtuan?.goals).toEqual(['2021年完成保鲜库钢构主体安装、封顶;完成消防水池土建工程。']);
    expect(bingtuan?.longGoals?.label).toBe('项目总目标');
    // The year's goals are the table's; the caption row and the 长期 set stay out of them.
    const jijian = imported('hubei-qingshan-jiaoyu-jijian-2020-goals.txt').doc.projects[0];
    expect(jijian?.goals).toEqual(['按工作计划完成教育局重点项目建设经费预算安排']);
    expect(jijian?.unitCode).toBe('015001');
    const wupao = imported('hunan-xiangtan-wupao-2023-goals.txt').doc.projects[0];
    expect(wupao?.longGoals?.label).toBe('实施期绩效目标');
    expect(wupao?.indicators[1]?.target).toMatchObject({ raw: '≥80M', value: 80, unit: '米' });
    expect(wupao?.indicators[0]?.basis).toBe('计划标准');
    expect(fengjie?.unitName).toBe('奉节县云雾土家族乡人民政府');
  });

  it('check does not take the place a row is for as its unit: “…(个)（埭头镇）” with ≥1 is no mismatch', () => {
    const r = jixiao(['check', join(DIR, 'fujian-xiuyu-water-2025-goals.txt'), '-f', 'json']);
    const findings = (JSON.parse(r.stdout) as { findings: { code: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.code === 'name-target-mismatch')).toEqual([]);
    expect(findings.some((f) => f.code === 'basis-missing')).toBe(true);
  });

  it('a notice whose listed 绩效目标表 is not in the file is refused, naming the missing attachment', () => {
    const r = jixiao(['import', join(DIR, 'hainan-mof-jijian-2024-goals.txt'), '-o', join(DIR, 'never.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('没有找到项目绩效目标表');
    expect(r.stderr).toContain('通知列出的附件“绩效目标表”不在这个文件里');
  });
});
