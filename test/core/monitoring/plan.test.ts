import { format, isValid, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  isoDate,
  planAt,
  plannedShare,
  planProblems,
  timeProgress,
} from '../../../src/core/monitoring/plan.js';
import type { PlanMilestone } from '../../../src/model/goals.js';

const plan = (year: number, shares = [0.25, 0.5, 0.75, 1]): PlanMilestone[] =>
  ['03-31', '06-30', '10-31', '12-31'].map((md, i) => ({
    label: `${md}`,
    date: `${year}-${md}`,
    cumulative: shares[i] ?? 1,
  }));
const seed = plan(2025);

describe('planned share at a date', () => {
  it.each([
    ['2025-01-01', 0],
    ['2025-03-30', 0],
    ['2025-03-31', 0.25],
    ['2025-06-29', 0.25],
    ['2025-06-30', 0.5],
    ['2025-07-31', 0.5],
    ['2025-10-31', 0.75],
    ['2025-12-30', 0.75],
    ['2025-12-31', 1],
  ])('step: %s → %s (the last milestone reached)', (asOf, share) => {
    expect(plannedShare(seed, asOf, 'step')).toBe(share);
  });

  it('linear: interpolates by days between milestones, from 0 on 1 January', () => {
    expect(plannedShare(seed, '2025-03-31', 'linear')).toBeCloseTo(0.25, 12);
    expect(plannedShare(seed, '2025-06-30', 'linear')).toBeCloseTo(0.5, 12);
    // 03-31 is day 90, 06-30 day 181: 05-15 (day 135) is 45/91 of the way from 25% to 50%.
    expect(plannedShare(seed, '2025-05-15', 'linear')).toBeCloseTo(0.25 + (0.25 * 45) / 91, 12);
    // 02-14 is day 45 of the 90 to the first milestone: half of 25%.
    expect(plannedShare(seed, '2025-02-14', 'linear')).toBeCloseTo(0.125, 12);
    expect(plannedShare(seed, '2025-12-31', 'linear')).toBe(1);
  });
});

describe('time progress 序时进度', () => {
  it.each([
    ['2025-01-01', 1 / 365],
    ['2025-06-30', 181 / 365],
    ['2025-12-31', 1],
    ['2024-02-29', 60 / 366],
    ['2024-12-31', 1],
    ['2024-06-30', 182 / 366],
  ])('%s → %s', (asOf, share) => {
    expect(timeProgress(asOf)).toBeCloseTo(share, 12);
  });

  it('is independent of the machine time zone (calendar days only)', () => {
    expect(process.env.TZ).toBe('Asia/Shanghai');
    expect(timeProgress('2025-01-01') * 365).toBeCloseTo(1, 12);
  });
});

describe('plan problems are clear errors', () => {
  it('accepts the seed plan', () => {
    expect(planProblems(seed, '2025-06-30', 'P1')).toEqual([]);
  });

  it.each([
    ['an as-of date outside the plan year', seed, '2026-06-30', /2026-06-30 不在资金支出计划的年度/],
    ['a plan that does not end at 100%', plan(2025, [0.25, 0.5, 0.75, 0.9]), '2025-06-30', /应为 100%/],
    ['a plan that goes backwards', plan(2025, [0.25, 0.6, 0.5, 1]), '2025-06-30', /资金支出计划倒退/],
    ['an as-of date that is not a date', seed, '2025-02-30', /不是有效日期/],
    ['an empty plan', [], '2025-06-30', /没有资金支出计划/],
  ])('%s', (_what, p, asOf, message) => {
    const problems = planProblems(p as PlanMilestone[], asOf as string, '项目 P1');
    expect(problems.map((x) => x.message).join('\n')).toMatch(message as RegExp);
    expect(problems[0]?.where).toBe('项目 P1');
  });
});

describe('planAt: checked plan share in one call', () => {
  it('gives the share when the plan is sound', () => {
    expect(planAt(seed, '2025-08-15', 'step')).toEqual({ ok: true, planned: 0.5 });
    // 08-15 is day 227: 46 of the 123 days from 06-30 (day 181) to 10-31 (day 304).
    const linear = planAt(seed, '2025-08-15', 'linear');
    expect(linear.ok && linear.planned).toBeCloseTo(0.5 + (0.25 * 46) / 123, 12);
  });

  it('refuses a plan with a bad milestone date, naming the milestone', () => {
    const bad = [{ label: '6月底', date: '2025-06-31', cumulative: 0.5 }, ...seed.slice(2)];
    const r = planAt(bad, '2025-07-31', 'step', '项目 P1');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problems.map((p) => p.message).join()).toContain('“6月底”的日期“2025-06-31”无效');
  });
});

describe('calendarDate: yyyy-MM-dd to a local date', () => {
  it.each([
    ['2025-06-30', '2025-06-30'],
    ['2024-02-29', '2024-02-29'],
    ['0025-01-01', '0025-01-01'],
    ['2025-02-29', null],
    ['2025-13-01', null],
    ['2025-00-10', null],
    ['2025-6-30', null],
    ['2025-06-30T00:00', null],
  ])('%s → %s', (iso, back) => {
    const d = calendarDate(iso);
    expect(d === null ? null : format(d, 'yyyy-MM-dd')).toBe(back);
  });

  it('agrees with date-fns parseISO on every yyyy-MM-dd string, real or not; isoDate inverts it', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const iso = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`);
    fc.assert(
      fc.property(iso, (s) => {
        const ref = parseISO(s);
        const expected = isValid(ref) && format(ref, 'yyyy-MM-dd') === s ? ref.getTime() : null;
        const d = calendarDate(s);
        expect(d?.getTime() ?? null).toBe(expected);
        if (d) expect(isoDate(d)).toBe(s);
      }),
      { numRuns: 2000, seed: 20251128 },
    );
  });
});
