import { describe, expect, it } from 'vitest';
import { checkGoals, type Finding } from '../../../src/core/check/index.js';
import type { GoalTable, Indicator } from '../../../src/model/goals.js';
import { makeGoals, makeIndicator, makeTable } from '../../helpers/build.js';

const TIERS = ['产出指标', '效益指标', '满意度指标'];
const row = (target: string, tier1: string, tier2: string, name: string, description = '') =>
  makeIndicator(target, { tier1, tier2, name, description, basis: '某文件' });
const check = (rows: Indicator[], over: Partial<GoalTable> = {}) =>
  checkGoals(makeGoals([makeTable(rows, over)]), { tierNames: TIERS });
const only = (found: Finding[], code: string) => found.filter((f) => f.code === code);

describe('tier2-misfit', () => {
  it('warns on a payment time limit under 经济效益指标', () => {
    const [f] = only(check([row('≤1月', '效益指标', '经济效益指标', '演练结束后资金支付时间')]), 'tier2-misfit');
    expect(f).toMatchObject({ severity: 'warning', indicator: { no: 1 } });
    expect(f?.message).toContain('时效指标');
  });

  it('warns on a drill share under 生态效益指标 and on money under 数量指标', () => {
    const rows = [
      row('≥80%', '效益指标', '生态效益指标', '汛期结束前完成演练活动比例', '各地完成应急预案演练比例'),
      row('≥43.2万元', '产出指标', '数量指标', '工程资金金额'),
    ];
    expect(only(check(rows), 'tier2-misfit').map((f) => f.indicator?.no)).toEqual([1, 2]);
  });

  it('warns on a count under 满意度', () => {
    expect(only(check([row('≥3次', '满意度指标', '服务对象满意度指标', '回访次数')]), 'tier2-misfit')).toHaveLength(1);
  });

  it('passes rows that fit: days under 经济效益, an ecological share, a satisfaction rate, money as cost', () => {
    const rows = [
      row('≥365天', '效益指标', '经济效益指标', '安全生产天数'),
      row('≥30%', '效益指标', '生态效益指标', '森林覆盖率'),
      row('≥95%', '满意度指标', '服务对象满意度指标', '服务对象满意度'),
      row('≤50万元', '产出指标', '成本指标', '项目总成本'),
      row('≥1000家', '产出指标', '数量指标', '检查企业数'),
      row('90', '满意度指标', '服务对象满意度指标', '满意度(%)'), // a bare number: its unit is in the name
    ];
    expect(only(check(rows), 'tier2-misfit')).toEqual([]);
  });
});

describe('tier1-missing', () => {
  it('warns once for each tier-1 of the rule set the table lacks', () => {
    const found = only(check([row('≥1000家', '产出指标', '数量指标', '检查企业数')]), 'tier1-missing');
    expect(found.map((f) => [f.severity, f.indicator])).toEqual([
      ['warning', undefined],
      ['warning', undefined],
    ]);
    expect(found.map((f) => f.message.match(/“(.+?)”/)?.[1])).toEqual(['效益指标', '满意度指标']);
  });

  it('passes a table with every tier, however the tier-1 is spelled (产出 / 产出指标)', () => {
    const rows = [
      row('≥1000家', '产出', '数量指标', '检查企业数'),
      row('≥95%', '效益指标', '社会效益指标', '安全率'),
      row('≥95%', ' 满意度指标 ', '服务对象满意度指标', '服务对象满意度'),
    ];
    expect(only(check(rows), 'tier1-missing')).toEqual([]);
  });
});

describe('satisfaction-subject', () => {
  const relief = { name: '2025年自然灾害救助专项资金', useOfFunds: '通过引导社会力量资金参与救灾工作' };

  it('warns on a satisfaction subject found nowhere in the project (农房保险 in disaster relief)', () => {
    const rows = [row('≥95%', '满意度指标', '服务对象满意度指标', '农房保险参保农户满意度')];
    const [f] = only(check(rows, relief), 'satisfaction-subject');
    expect(f).toMatchObject({ severity: 'warning', indicator: { no: 1 } });
    expect(f?.message).toContain('（农房保险）');
  });

  it('passes the project own subject, and generic subjects (服务对象, 受助对象)', () => {
    const rows = [
      row('≥95%', '满意度指标', '服务对象满意度指标', '农房保险参保农户满意度'),
      row('≥95%', '满意度指标', '服务对象满意度指标', '受助对象满意度'),
      row('≥95%', '满意度指标', '服务对象满意度指标', '服务对象满意度'),
    ];
    expect(only(check(rows, { name: '政策性农房保险' }), 'satisfaction-subject')).toEqual([]);
    expect(only(check(rows.slice(1), relief), 'satisfaction-subject')).toEqual([]);
  });

  it('finds the subject in the other rows of the table', () => {
    const rows = [
      row('≥1000人', '产出指标', '数量指标', '培训学员人数'),
      row('≥95%', '满意度指标', '服务对象满意度指标', '培训学员满意度'),
    ];
    expect(only(check(rows, { name: '业务能力提升经费' }), 'satisfaction-subject')).toEqual([]);
  });
});
