import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Monitoring, monitorDocument } from '../../../src/core/monitoring/index.js';
import type { ScoringRules } from '../../../src/core/scoring/types.js';
import { loadActuals } from '../../../src/io/actuals.js';
import { loadGoals } from '../../../src/io/goals.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import type { ActualsDocument } from '../../../src/model/actuals.js';
import { makeGoals, makeTable, standardIndicators } from '../../helpers/build.js';
import { SAMPLE, SEED_CODES } from '../../helpers/cli.js';

let national: ScoringRules;
let sample: Monitoring;
beforeAll(async () => {
  national = await loadRuleSet('national');
  const r = monitorDocument(
    loadGoals(join(SAMPLE, 'goals.json')),
    loadActuals(join(SAMPLE, 'actuals-mid-year.yaml')),
    national,
    '2025-06-30',
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  sample = r.monitoring;
});

describe('the seed sample as of 2025-06-30', () => {
  it('plans 50% for every project (6月底 milestone reached) at 序时进度 181/365', () => {
    expect(sample.projects.map((p) => p.code)).toEqual(SEED_CODES);
    expect(sample.projects.map((p) => p.execution.planned)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(sample.timeProgress).toBe(0.4959);
  });

  it('shows some projects behind plan, with gaps in shares and lights from the rule set', () => {
    expect(sample.projects.map((p) => [p.execution.executed, p.execution.gap, p.execution.status])).toEqual([
      [0.48, -0.02, 'green'],
      [0.2, -0.3, 'red'],
      [0.2465, -0.2535, 'red'],
      [0.4, -0.1, 'amber'], // exactly 10 points behind: amber (gap ≤ −10)
      [0.5, 0, 'green'],
      [0.4941, -0.0059, 'green'],
      [0.2, -0.3, 'red'],
      [1, 0.5, 'green'],
    ]);
  });

  it('reproduces the forecast of the earthquake project by hand', () => {
    const p = sample.projects[4];
    // Budget: 10 / (181/365) = 20.17 → capped at the budget 20 → 100% → 10.
    // 巡检 181次 accrues: 181 / 0.49589 = 365 → met 12.5; 质量 98% and 24小时 are levels, met: 12.5 + 12.5;
    // 成本 9.5万元 accrues: 9.5 / 0.49589 = 19.1575 ≤ 20 → met 12.5;
    // 损失减少率 90% (level) vs ≥95%: 90/95 × 15 = 14.2105 → 14.21; 意识 99% met 15; 满意度 96% met 10.
    // 10 + 50 + 14.21 + 15 + 10 = 99.21
    expect(p?.indicators.map((i) => i.forecastScore)).toEqual([12.5, 12.5, 12.5, 12.5, 14.21, 15, 10]);
    expect(p?.forecast).toEqual({ total: 99.21, grade: '优', budgetScore: 10, executed: 20, rate: 1 });
    expect(p?.indicators[3]).toMatchObject({
      kind: 'cumulative',
      expected: 9.9178,
      projected: 19.1575,
      status: 'green',
    });
  });

  it('infers the kind of each indicator, and the evaluator can set it', () => {
    const p3 = sample.projects[2];
    expect(p3?.indicators.map((i) => i.kind)).toEqual([
      'cumulative',
      'cumulative',
      'level',
      'cumulative',
      'level',
      'level',
      'cumulative',
      'qualitative',
    ]);
    expect(sample.projects[7]?.indicators[3]).toMatchObject({ kind: 'level', status: 'green' }); // one-off premium
  });

  it('suggests a likelihood and keeps the evaluator’s override beside it', () => {
    expect(sample.projects[2]?.indicators[0]).toMatchObject({
      status: 'red',
      suggestedLikelihood: '完全不可能',
      likelihood: '有可能',
    });
    expect(sample.projects[3]?.indicators[0]).toMatchObject({
      status: 'amber',
      suggestedLikelihood: '有可能',
      likelihood: '有可能',
    });
  });

  it('judges a deadline by the time left', () => {
    expect(sample.projects[0]?.indicators[2]).toMatchObject({
      kind: 'deadline',
      daysLeft: 184,
      status: 'green',
      projected: '2025-12-31',
    });
  });
});

describe('monitoring rules', () => {
  const table = makeTable(standardIndicators());
  const mid = (
    executed: number,
    inspected: number,
    extra: Partial<ActualsDocument['projects'][number]['indicators'][number]> = {},
  ): ActualsDocument => ({
    schema: 'jixiao/actuals@1',
    period: 'mid-year',
    asOf: '2025-06-30',
    projects: [
      {
        code: table.code,
        budget: { executed },
        indicators: [
          { name: '指标1', actual: inspected, ...extra },
          { name: '指标2', actual: '96%' },
          { name: '指标3' },
          { name: '指标4', actual: '20万元' },
          { name: '指标5', actual: '181天', kind: 'cumulative' }, // the seed's 安全生产天数 is inferred by name
          { name: '指标6', actual: '96%' },
          { name: '指标7', actual: '96%' },
        ],
      },
    ],
  });

  it('asks for a reason and a cause for every amber or red item', () => {
    const r = monitorDocument(makeGoals([table]), mid(10, 300), national, '2025-06-30');
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => `${w.where} ${w.message}`)).toEqual([
      '项目 P1（测试项目） 预算执行红灯（落后计划 30 个百分点），须填写执行偏差原因',
      '项目 P1（测试项目） 第1项指标“指标1” 红灯，须填写偏差原因和偏差原因类别',
    ]);
  });

  it('lights the gap to plan by step or by linear plan between milestones', () => {
    const linear: ScoringRules = {
      ...national,
      ruleSet: {
        ...national.ruleSet,
        monitoring: {
          planBetweenMilestones: 'linear',
          amberGap: -10,
          redGap: -20,
          source: { basis: '本工具约定', cite: [], note: '测试：线性计划进度' },
        },
      },
    };
    const doc = { ...mid(12.5, 300, { reason: 'r', cause: '其他' as const }), asOf: '2025-05-15' };
    const at = (rules: ScoringRules) => {
      const r = monitorDocument(makeGoals([table]), doc, rules, '2025-05-15');
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.monitoring.projects[0]?.execution;
    };
    // Step: 3月底 25% reached, 12.5/50 = 25% → on plan. 序时进度 135/365 = 0.3699 → 11.99 points behind time.
    expect(at(national)).toMatchObject({ planned: 0.25, executed: 0.25, gap: 0, gapToTime: -0.1199, status: 'green' });
    // Linear: 25% + 25% × 45/91 = 37.36% → 12.36 points behind: amber.
    expect(at(linear)).toMatchObject({ planned: 0.3736, gap: -0.1236, status: 'amber' });
  });

  it('at 12-31 plan and time are both 100%', () => {
    const r = monitorDocument(makeGoals([table]), { ...mid(40, 1000), asOf: '2025-12-31' }, national, '2025-12-31');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.monitoring.timeProgress).toBe(1);
    expect(r.monitoring.projects[0]?.execution).toMatchObject({ planned: 1, executed: 0.8, gap: -0.2, status: 'red' });
    // Cumulative projection is the actual itself at year end.
    expect(r.monitoring.projects[0]?.indicators[0]).toMatchObject({ expected: 1000, projected: 1000, status: 'green' });
  });

  it('reports an as-of date outside the goals’ year once, as an error of the date', () => {
    const r = monitorDocument(makeGoals([table]), mid(25, 500), national, '2026-03-31');
    expect(r.ok ? [] : r.errors.map((e) => `${e.where} ${e.message}`)).toEqual([
      '监控截止日期 2026-03-31 不在目标表的年度（2025 年）内：截止日期应为该年度内的日期，如 2025-06-30',
    ]);
  });

  it('property: a larger actual-to-date never lowers the projection or the forecast score of a positive indicator', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const run = (n: number) => {
          const r = monitorDocument(
            makeGoals([table]),
            mid(25, n, { reason: 'r', cause: '其他' }),
            national,
            '2025-06-30',
          );
          if (!r.ok) throw new Error(JSON.stringify(r.errors));
          const p = r.monitoring.projects[0];
          return { projected: p?.indicators[0]?.projected as number, score: p?.forecast.total as number };
        };
        const a = run(lo);
        const b = run(hi);
        expect(b.projected).toBeGreaterThanOrEqual(a.projected);
        expect(b.score).toBeGreaterThanOrEqual(a.score);
      }),
      { numRuns: 200, seed: 630 },
    );
  });
});
