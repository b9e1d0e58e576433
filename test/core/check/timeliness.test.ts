import { describe, expect, it } from 'vitest';
import { checkGoals } from '../../../src/core/check/index.js';
import { makeGoals, makeIndicator, makeTable } from '../../helpers/build.js';

/** The timeliness-target findings for one 时效指标 row (table year 2025). */
const check = (target: string, name = '按时完成检查') =>
  checkGoals(makeGoals([makeTable([makeIndicator(target, { tier2: '时效指标', name, basis: '某文件' })])]), {
    tierNames: [],
  }).filter((f) => f.code === 'timeliness-target');

describe('timeliness-target', () => {
  it('warns on a whole year (≤2025年)', () => {
    const [f] = check('≤2025年');
    expect(f).toMatchObject({ severity: 'warning', indicator: { no: 1, tier2: '时效指标' } });
    expect(f?.message).toContain('只给出年份');
  });

  it('warns on spans of a year or more (≥2年, ≥1年, ≤1年)', () => {
    for (const target of ['≥2年', '≥1年', '≤1年']) expect(check(target), target).toHaveLength(1);
  });

  it('warns on a bare percentage, noting the missing operator', () => {
    const [f] = check('100%', '按规定时限缴纳保险');
    expect(f?.message).toContain('不是时间');
    expect(f?.message).toContain('没有写运算符');
  });

  it('warns on a date outside the budget year and on a count', () => {
    expect(check('2024年12月底前')[0]?.message).toContain('不在预算年度 2025 年内');
    expect(check('≥3次')).toHaveLength(1);
  });

  it('passes dates in the year, time limits under a year, durations kept up, on-time rates and states', () => {
    const sound: [string, string?][] = [
      ['2025年11月底前'],
      ['12月底前'],
      ['≤1月', '演练结束后资金支付时间'],
      ['≤30天'],
      ['≥24小时', '每天24小时记录地震台数据'],
      ['≥95%', '资金拨付及时率'],
      ['按时完成'],
    ];
    for (const [target, name] of sound) expect(check(target, name), target).toEqual([]);
  });
});
