import { describe, expect, it } from 'vitest';
import { checkGoals, type Finding } from '../../../src/core/check/index.js';
import type { Indicator } from '../../../src/model/goals.js';
import { makeGoals, makeIndicator, makeTable } from '../../helpers/build.js';

/** One-row tables: each check's minimal failing and minimal passing case. */
const check = (...rows: Indicator[]) =>
  checkGoals(makeGoals([makeTable(rows.map((r) => ({ ...r, basis: r.basis || '某文件' })))]), { tierNames: [] });
const only = (found: Finding[], code: string) => found.filter((f) => f.code === code);

describe('target-invalid', () => {
  it('is an error for a placeholder or an empty target', () => {
    const found = only(
      check(makeIndicator('≥*%', { name: '甲' }), makeIndicator('', { name: '乙' })),
      'target-invalid',
    );
    expect(found).toMatchObject([
      { severity: 'error', indicator: { no: 1, name: '甲' } },
      { severity: 'error', indicator: { no: 2, name: '乙' } },
    ]);
    expect(found[0]?.message).toContain('占位符');
  });

  it('passes a readable target', () => {
    expect(only(check(makeIndicator('≥95%'), makeIndicator('达到预期')), 'target-invalid')).toEqual([]);
  });
});

describe('target-vague', () => {
  it('warns on a trend target with no baseline', () => {
    const row = makeIndicator('较往年有所提高', { tier1: '效益指标', tier2: '社会效益指标', name: '群众防灾意识' });
    expect(only(check(row), 'target-vague')).toMatchObject([{ severity: 'warning', indicator: { no: 1 } }]);
  });

  it('warns when a trend description sits beside a bare number that measures nothing named', () => {
    const row = makeIndicator('≥95%', { name: '提高人民群众防灾减灾意识', description: '较往年有所提高' });
    const [f] = only(check(row), 'target-vague');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('绝对水平');
  });

  it('passes a number whose row says what is measured, and a state target', () => {
    const rate = makeIndicator('≥95%', { name: '防灾减灾知识知晓率', description: '较往年有所提高' });
    const state = makeIndicator('达到预期', { name: '宣传效果' });
    const plain = makeIndicator('≥95%', { name: '服务对象满意度', description: '服务对象满意度' });
    const asked = makeIndicator('≥95%', { name: '服务对象', description: '提高服务对象满意度' });
    expect(only(check(rate, state, plain, asked), 'target-vague')).toEqual([]);
  });
});

describe('percent-above-100', () => {
  it('is an error for a share that must exceed 100%', () => {
    const found = only(check(makeIndicator('≥120%', { name: '覆盖率' }), makeIndicator('>100%')), 'percent-above-100');
    expect(found.map((f) => [f.severity, f.indicator?.no])).toEqual([
      ['error', 1],
      ['error', 2],
    ]);
  });

  it('passes 100%, an upper bound above 100% and a growth ratio', () => {
    const rows = [
      makeIndicator('=100%'),
      makeIndicator('≤120%', { name: '成本控制率' }),
      makeIndicator('≥120%', { name: '营业收入同比增长' }),
    ];
    expect(only(check(...rows), 'percent-above-100')).toEqual([]);
  });
});

describe('reverse-with-gte', () => {
  it('is an error for a lower-is-better rate written with ≥', () => {
    const [f] = only(check(makeIndicator('≥95%', { name: '满意度投诉率' })), 'reverse-with-gte');
    expect(f).toMatchObject({ severity: 'error', indicator: { name: '满意度投诉率' } });
    expect(f?.message).toContain('投诉率');
  });

  it('warns when the operator is missing, since it reads as ≥', () => {
    expect(only(check(makeIndicator('5%', { name: '安全事故发生率' })), 'reverse-with-gte')).toMatchObject([
      { severity: 'warning' },
    ]);
  });

  it('passes ≤ on a reverse rate, and positive measures of bad things (减少率, 处理率)', () => {
    const rows = [
      makeIndicator('≤5%', { name: '投诉率' }),
      makeIndicator('≥95%', { name: '防震减灾损失减少率(％)' }),
      makeIndicator('≥95%', { name: '投诉处理率' }),
      makeIndicator('≥90%', { name: '降低事故发生率' }),
    ];
    expect(only(check(...rows), 'reverse-with-gte')).toEqual([]);
  });
});

describe('two values in one cell and rows marked 不适用 (info: how they will be scored)', () => {
  const all = check(
    makeIndicator('≥500人次 / ≥95%', { name: '甲' }),
    makeIndicator('全年 / ≥300天', { name: '乙' }),
    makeIndicator('本项目不适用此指标', { name: '丙' }),
    makeIndicator('500人次 / ≥95%', { name: '丁' }),
  );
  const codes = (no: number) => all.filter((f) => f.indicator?.no === no).map((f) => `${f.severity} ${f.code}`);

  it('says each row once, as info, with nothing else found about them', () => {
    expect(codes(1)).toEqual(['info target-compound']);
    expect(codes(2)).toEqual(['info target-compound']);
    expect(codes(3)).toEqual(['info target-not-applicable']);
    expect(only(all, 'target-compound')[0]?.message).toBe(
      '指标值“≥500人次 / ≥95%”含 2 项（≥500人次、≥95%），各项均达到才算完成，否则按得分较低的一项评分；实际完成值须按同样写法填写（如“500人次 / 95%”）',
    );
    expect(only(all, 'target-compound')[1]?.message).toBe(
      '指标值“全年 / ≥300天”中“全年”为期间说明，按“≥300天”评分；实际完成值须按同样写法填写（如“300天”）',
    );
  });

  it('names the part written without a comparison word', () => {
    expect(codes(4)).toEqual(['info operator-missing', 'info target-compound']);
    expect(only(all, 'operator-missing')[0]?.message).toBe(
      '指标值“500人次 / ≥95%”中的“500人次”没有写比较符，按“≥500人次”计分',
    );
  });
});
