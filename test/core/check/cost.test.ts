import { describe, expect, it } from 'vitest';
import { checkGoals, type Finding } from '../../../src/core/check/index.js';
import type { GoalTable, Indicator } from '../../../src/model/goals.js';
import { makeGoals, makeIndicator, makeTable } from '../../helpers/build.js';

const cost = (target: string, over: Partial<Indicator> = {}) =>
  makeIndicator(target, { tier2: '成本指标', name: '项目总成本', basis: '预算批复', ...over });
const budget = (total: number) => ({ budget: { total, fiscal: total, other: null } });
const check = (rows: Indicator[], over: Partial<GoalTable> = {}) =>
  checkGoals(makeGoals([makeTable(rows, over)]), { tierNames: [] });
const only = (found: Finding[], code: string) => found.filter((f) => f.code === code);

describe('cost-exceeds-budget', () => {
  it('is an error for a cost target above the budget', () => {
    const [f] = only(check([cost('≤60万元')], budget(50)), 'cost-exceeds-budget');
    expect(f).toMatchObject({ severity: 'error', indicator: { no: 1, name: '项目总成本' } });
    expect(f?.message).toContain('预算数 50万元');
  });

  it('compares in 万元 whatever the target unit', () => {
    expect(only(check([cost('≤600000元')], budget(50)), 'cost-exceeds-budget')).toHaveLength(1);
    expect(only(check([cost('≤500000元')], budget(50)), 'cost-exceeds-budget')).toEqual([]);
  });

  it('is a project-wide error when several cost rows add up to more than the budget', () => {
    const rows = [cost('≤30万元', { name: '设备' }), cost('≤30万元', { name: '培训' })];
    const found = only(check(rows, budget(50)), 'cost-exceeds-budget');
    expect(found.map((f) => [f.severity, f.indicator])).toEqual([['error', undefined]]);
    expect(found[0]?.message).toContain('合计 60万元');
  });

  it('passes a cost equal to the budget', () => {
    expect(only(check([cost('≤50万元')], budget(50)), 'cost-exceeds-budget')).toEqual([]);
  });
});

describe('cost-differs-from-budget', () => {
  it('warns on ≤12.16万元 against a 12.17 budget', () => {
    const [f] = only(check([cost('≤12.16万元')], budget(12.17)), 'cost-differs-from-budget');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('12.16万元');
  });

  it('warns (not an error) when the target is the budget rounded to its own precision (≤90万元 / 89.974)', () => {
    const found = check([cost('≤90万元')], budget(89.974));
    expect(found.filter((f) => f.code.startsWith('cost-')).map((f) => [f.code, f.severity])).toEqual([
      ['cost-differs-from-budget', 'warning'],
    ]);
  });

  it('passes an equal cost, and parts of the cost that add up to less than the budget', () => {
    expect(only(check([cost('≤12.17万元')], budget(12.17)), 'cost-differs-from-budget')).toEqual([]);
    const parts = [cost('≤20万元', { name: '设备' }), cost('≤10万元', { name: '培训' })];
    expect(check(parts, budget(50)).filter((f) => f.code.startsWith('cost-'))).toEqual([]);
  });
});

describe('cost-with-gte', () => {
  it('is an error for a cost written with ≥, a warning when the operator is missing', () => {
    expect(only(check([cost('≥50万元')], budget(50)), 'cost-with-gte')).toMatchObject([{ severity: 'error' }]);
    expect(only(check([cost('50万元')], budget(50)), 'cost-with-gte')).toMatchObject([{ severity: 'warning' }]);
  });

  it('passes a cost written with ≤', () => {
    expect(only(check([cost('≤50万元')], budget(50)), 'cost-with-gte')).toEqual([]);
  });
});

describe('name-differs-from-budget', () => {
  it('warns when the name carries another amount (12.165 vs 12.17)', () => {
    const found = check([cost('≤12.17万元')], { name: '2025年自然灾害救助专项资金（12.165）', ...budget(12.17) });
    expect(only(found, 'name-differs-from-budget').map((f) => [f.severity, f.indicator])).toEqual([
      ['warning', undefined],
    ]);
  });

  it('passes a name with the same amount, or with a year only', () => {
    for (const name of ['应急物资储备（50万元）', '2025年安全生产专项经费', '防汛物资储备（2025）'])
      expect(only(check([], { name, ...budget(50) }), 'name-differs-from-budget'), name).toEqual([]);
  });
});
