import { describe, expect, it } from 'vitest';
import { importGoalText } from '../../src/io/goal-document/index.js';

/**
 * Goal tables laid out like the seed's Word export but in other templates' shapes: the importer reads them by
 * labels, column roles and tier words, not by one template.
 */

/** A table in the text export's layout: each row's cells on their own lines, rows apart by a blank line. */
const table = (rows: string[][]) => rows.map((r) => r.map((c) => `\t${c}`).join('\n')).join('\n\n');
const read = (text: string, year?: number) =>
  importGoalText(text, { source: 'goals.txt', ...(year === undefined ? {} : { year }) });

describe('templates of other provinces', () => {
  it('a 申报表 in traditional characters with a year line, 单位：元, 年度资金总额 and 当年财政拨款', () => {
    const text = [
      '某县2022年农村道路养护項目績效目標申報表',
      '（2022年度）',
      table([
        ['820001-某县交通运输局', '单位：元'],
        ['项目名称', '农村道路养护'],
        ['项目资金', '年度资金总额', '1,234,500', '其中：当年财政拨款', '1,000,000', '其他资金', '234,500'],
        ['年度绩效目标', '完成农村道路养护120公里'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '养护里程', '≥120公里'],
        ['', '成本指标', '每公里养护成本', '10000元/公里'],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
      ]),
      '',
    ].join('\n');
    const { doc } = read(text);
    const p = doc.projects[0];
    expect(doc.year).toBe(2022);
    expect(p).toMatchObject({
      name: '农村道路养护',
      unitCode: '820001',
      unitName: '某县交通运输局',
      codeGenerated: true,
      budget: { total: 123.45, fiscal: 100, other: 23.45, unit: '元' },
      goals: ['完成农村道路养护120公里'],
    });
    expect(p?.indicators.map((i) => [i.tier1, i.tier2, i.name, i.target.raw])).toEqual([
      ['产出指标', '数量指标', '养护里程', '≥120公里'],
      ['产出指标', '成本指标', '每公里养护成本', '10000元/公里'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
    ]);
    expect(p?.indicators[1]?.target).toMatchObject({ direction: 'reverse', op: '<=', asCost: true });
  });

  it('a two-level table: no 一级 on any row, 指标内容 as the name, the heading names the project', () => {
    const text = [
      '2024年社区养老服务补助绩效目标表',
      table([
        ['[015001]某市民政局', '单位：万元'],
        ['预算数', '50'],
        ['绩效指标', '二级指标', '指标内容', '指标值'],
        ['', '数量指标', '服务老人人数', '≥300人'],
        ['', '时效指标', '补助发放时间', '2024年年底前'],
        ['', '社会效益指标', '老人生活质量', '有所提高'],
        ['', '服务对象满意度指标', '老人满意度', '≥95%'],
      ]),
      '',
    ].join('\n');
    const p = read(text).doc.projects[0];
    expect(p).toMatchObject({ name: '2024年社区养老服务补助', unitCode: '015001', budget: { total: 50 } });
    expect(p?.indicators.map((i) => [i.tier1, i.tier2, i.name])).toEqual([
      ['产出指标', '数量指标', '服务老人人数'],
      ['产出指标', '时效指标', '补助发放时间'],
      ['效益指标', '社会效益指标', '老人生活质量'],
      ['满意度指标', '服务对象满意度指标', '老人满意度'],
    ]);
    expect(p?.indicators[1]?.target).toMatchObject({ direction: 'deadline', date: '2024-12-31' });
  });

  it('中长期 and 年度 指标值 side by side: the year’s value is scored; 指标性质 and 计量单位 columns join the value', () => {
    const text = [
      '1.2025年水利工程维护绩效目标表',
      table([
        ['单位：万元'],
        ['项目编码', 'P-1'],
        ['项目名称', '水利工程维护'],
        ['预算数', '80'],
        ['一级指标', '二级指标', '三级指标', '中长期指标值', '年度指标值'],
        ['产出指标', '数量指标', '维护堤防长度', '≥100公里', '≥20公里'],
        ['效益指标', '社会效益指标', '防洪达标率', '100%', '≥95%'],
      ]),
      '',
      '2.2025年河道保洁绩效目标表',
      table([
        ['单位：万元'],
        ['项目编码', 'P-2'],
        ['项目名称', '河道保洁'],
        ['预算数', '20'],
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位'],
        ['产出指标', '数量指标', '保洁河道', '正向', '30', '公里'],
        ['产出指标', '成本指标', '保洁成本', '反向', '20', '万元'],
      ]),
      '',
    ].join('\n');
    const [first, second] = read(text).doc.projects;
    expect(first?.indicators.map((i) => i.target.raw)).toEqual(['≥20公里', '≥95%']);
    expect(second?.indicators.map((i) => i.target.raw)).toEqual(['≥30公里', '≤20万元']);
    expect(second?.indicators[1]?.target).toMatchObject({ direction: 'reverse', value: 20, unit: '万元' });
  });

  it('成本指标 printed with its points keeps them as the tier weight', () => {
    const text = [
      '2023年学生资助绩效目标表',
      table([
        ['某学校', '单位：万元'],
        ['预算数', '10'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['成本指标(10分)', '经济成本指标', '生均补助', '≤500元/人'],
        ['产出指标(40分)', '数量指标', '资助人数', '≥200人'],
      ]),
      '',
    ].join('\n');
    const p = read(text).doc.projects[0];
    expect(p?.tierWeights).toEqual({ 成本指标: 10, 产出指标: 40 });
    expect(p?.indicators.map((i) => i.tier1)).toEqual(['成本指标', '产出指标']);
  });

  it('a document with no year anywhere asks for --year, and takes it', () => {
    const text = `${table([
      ['某单位', '单位：万元'],
      ['项目名称', '保洁'],
      ['预算数', '5'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '保洁面积', '≥100亩'],
    ])}\n`;
    expect(() => read(text)).toThrow('无法导入');
    expect(read(text, 2026).doc.year).toBe(2026);
  });
});
