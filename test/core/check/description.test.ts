import { describe, expect, it } from 'vitest';
import { checkGoals, type Finding } from '../../../src/core/check/index.js';
import { quantitiesIn } from '../../../src/core/check/text.js';
import { makeGoals, makeIndicator, makeTable } from '../../helpers/build.js';

const row = (target: string, description: string) =>
  makeIndicator(target, { name: '每年检查企业个数', description, basis: '某文件' });
const check = (target: string, description: string): Finding[] =>
  checkGoals(makeGoals([makeTable([row(target, description)])]), { tierNames: [] }).filter(
    (f) => f.code === 'description-mismatch',
  );

describe('description-mismatch', () => {
  it('is an error when the description commits to another number (不低于1000家 / ≥1500家)', () => {
    const [f] = check('≥1500家', '保障每年用视频检查企业次数不低于1000家');
    expect(f).toMatchObject({ severity: 'error', indicator: { no: 1 } });
    expect(f?.message).toBe('绩效指标描述写“不低于1000家”，指标值却是“≥1500家”');
  });

  it('is a warning when the other number has no comparison word (it may be context)', () => {
    expect(check('≥1500家', '全区共3000家企业')).toMatchObject([{ severity: 'warning' }]);
  });

  it('is only a warning for a percentage: one row often names two rates', () => {
    expect(check('≥95%', '抽检比例不低于10%')).toMatchObject([{ severity: 'warning' }]);
  });

  it('warns when the same number has the opposite sense (不超过 / ≥)', () => {
    const [f] = check('≥1000家', '检查企业不超过1000家');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('下限');
  });

  it('passes a matching number, another unit, a date, and a converted amount', () => {
    expect(check('≥1000家', '保障每年检查企业次数不低于1000家')).toEqual([]);
    expect(check('≥1000家', '每年检查12次，覆盖全区企业')).toEqual([]);
    expect(check('≥365天', '在2025年12月31日前完成安全生产检查')).toEqual([]);
    expect(check('≤50万元', '不超过预算500000元')).toEqual([]);
    expect(check('≥24小时', '每天24小时记录地震台数据')).toEqual([]);
  });
});

describe('quantitiesIn', () => {
  it('reads numbers with known units and the comparison word before or after them', () => {
    expect(quantitiesIn('不低于1000家')).toEqual([{ text: '不低于1000家', value: 1000, unit: '家', op: '>=' }]);
    expect(quantitiesIn('合格率95%以上')).toEqual([{ text: '95%以上', value: 95, unit: '%', op: '>=' }]);
    expect(quantitiesIn('不超过预算50万元')).toMatchObject([{ value: 50, unit: '万元', op: '<=' }]);
  });

  it('skips dates, bare numbers and document numbers', () => {
    expect(quantitiesIn('在2025年12月31日前完成')).toEqual([]);
    expect(quantitiesIn('招商活动的签约项目个数(1)')).toEqual([]);
  });
});
