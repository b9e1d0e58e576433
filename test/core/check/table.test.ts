import { describe, expect, it } from 'vitest';
import { checkGoals, type Finding } from '../../../src/core/check/index.js';
import type { GoalTable, PlanMilestone } from '../../../src/model/goals.js';
import { makeGoals, makeIndicator, makeTable } from '../../helpers/build.js';

const check = (over: Partial<GoalTable>, basis = '某文件') =>
  checkGoals(makeGoals([makeTable([makeIndicator('≥1000家', { basis })], over)]), { tierNames: [] });
const only = (found: Finding[], code: string) => found.filter((f) => f.code === code);
const plan = (...steps: [string, string, number][]): PlanMilestone[] =>
  steps.map(([label, date, cumulative]) => ({ label, date, cumulative }));

describe('plan-not-monotone', () => {
  it('is an error when a later milestone is lower', () => {
    const steps = plan(['3月底', '2025-03-31', 0.25], ['6月底', '2025-06-30', 0.6], ['10月底', '2025-10-31', 0.5]);
    const [f] = only(check({ spendingPlan: [...steps, ...plan(['12月底', '2025-12-31', 1])] }), 'plan-not-monotone');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f?.message).toContain('10月底 50% 却低于 6月底 60%');
  });

  it('is an error when the milestones run backwards in time', () => {
    const steps = plan(['6月底', '2025-06-30', 0.5], ['3月底', '2025-03-31', 0.5], ['12月底', '2025-12-31', 1]);
    expect(only(check({ spendingPlan: steps }), 'plan-not-monotone')).toHaveLength(1);
  });

  it('passes the usual plan (25/50/75/100)', () => {
    expect(only(check({}), 'plan-not-monotone')).toEqual([]);
  });
});

describe('plan-incomplete / plan-missing', () => {
  it('is an error when the plan stops short of 100%', () => {
    const steps = plan(['6月底', '2025-06-30', 0.5], ['12月底', '2025-12-31', 0.9]);
    const [f] = only(check({ spendingPlan: steps }), 'plan-incomplete');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f?.message).toContain('90%');
  });

  it('warns when there is no plan at all', () => {
    expect(only(check({ spendingPlan: [] }), 'plan-missing')).toMatchObject([{ severity: 'warning' }]);
  });

  it('passes a plan reaching 100%', () => {
    const found = check({});
    expect([...only(found, 'plan-incomplete'), ...only(found, 'plan-missing')]).toEqual([]);
  });
});

describe('budget-not-positive', () => {
  it.each([
    [0, '预算数为 0 万元，预算执行率无法计算'],
    [-50, '预算数 -50万元 是负数，预算执行率无法计算'],
  ])('is an error for a budget of %s 万元', (total, message) => {
    const found = only(check({ budget: { total, fiscal: null, other: null } }), 'budget-not-positive');
    expect(found).toMatchObject([{ severity: 'error', message }]);
  });

  it('passes a positive budget, however small', () => {
    expect(only(check({ budget: { total: 0.01, fiscal: null, other: null } }), 'budget-not-positive')).toEqual([]);
  });
});

describe('budget-split', () => {
  it('is an error when 财政资金 + 其他资金 ≠ 预算数', () => {
    const [f] = only(check({ budget: { total: 50, fiscal: 40, other: null } }), 'budget-split');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f?.message).toContain('= 40万元');
  });

  it('passes a matching split, a blank 其他资金 (0), and float noise', () => {
    expect(only(check({ budget: { total: 50, fiscal: 40, other: 10 } }), 'budget-split')).toEqual([]);
    expect(only(check({ budget: { total: 50, fiscal: 50, other: null } }), 'budget-split')).toEqual([]);
    expect(only(check({ budget: { total: 0.3, fiscal: 0.1, other: 0.2 } }), 'budget-split')).toEqual([]);
  });
});

describe('basis-missing', () => {
  it('warns on an empty basis or a placeholder (无, /)', () => {
    for (const basis of ['', ' ', '无', '/']) expect(only(check({}, basis), 'basis-missing'), basis).toHaveLength(1);
  });

  it('passes a stated basis', () => {
    expect(only(check({}, '唐字【2014】21号'), 'basis-missing')).toEqual([]);
  });
});

describe('duplicate-project-code', () => {
  it('is an error on the second project with a code', () => {
    const tables = [makeTable([], { code: 'P1', name: '甲' }), makeTable([], { code: 'P1', name: '乙' })];
    const found = only(checkGoals(makeGoals(tables), { tierNames: [] }), 'duplicate-project-code');
    expect(found.map((f) => [f.severity, f.project.name])).toEqual([['error', '乙']]);
  });

  it('passes distinct codes', () => {
    const tables = [makeTable([], { code: 'P1' }), makeTable([], { code: 'P2' })];
    expect(only(checkGoals(makeGoals(tables), { tierNames: [] }), 'duplicate-project-code')).toEqual([]);
  });
});
