import { beforeAll, describe, expect, it } from 'vitest';
import { monitorDocument } from '../../../src/core/monitoring/index.js';
import type { ScoringRules } from '../../../src/core/scoring/types.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import type { ActualsDocument } from '../../../src/model/actuals.js';
import { makeGoals, makeIndicator, makeTable } from '../../helpers/build.js';

/** The light is judged on the gap as the rule states it, and the forecast is rounded once (by the rule set). */

let national: ScoringRules;
beforeAll(async () => {
  national = await loadRuleSet('national');
});

const explained = { reason: '测试', cause: '其他' as const };

function run(budgetTotal: number, executed: number, rate: string) {
  const table = makeTable([makeIndicator('≥100%', { tier1: '产出指标', name: '完成率' })], {
    budget: { total: budgetTotal, fiscal: budgetTotal, other: null },
  });
  const actuals: ActualsDocument = {
    schema: 'jixiao/actuals@1',
    period: 'mid-year',
    asOf: '2025-06-30',
    projects: [
      {
        code: 'P1',
        budget: { executed, reason: '测试' },
        indicators: [{ name: table.indicators[0]?.name ?? '', actual: rate, ...explained }],
      },
    ],
  };
  const r = monitorDocument(makeGoals([table]), actuals, national, '2025-06-30');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const p = r.monitoring.projects[0];
  if (!p) throw new Error('no project');
  return p;
}

describe('monitoring light on the unrounded gap (红灯：落后计划 20 个百分点（含）以上)', () => {
  it('a spending gap of −19.996 points is amber, −20 exactly is red', () => {
    // 6月底 plan 50%; 15.002 ÷ 50 = 30.004% → gap −19.996 points: not “≤ −20”. Rounded to 0.01 first it read −20.00.
    const near = run(50, 15.002, '100%');
    expect(near.execution).toMatchObject({ planned: 0.5, executed: 0.3, gap: -0.2, status: 'amber' });
    expect(run(50, 15, '100%').execution.status).toBe('red');
    // −10 exactly is amber (0.4 − 0.5 is −0.0999… in binary: noise, not a smaller gap).
    expect(run(50, 20, '100%').execution.status).toBe('amber');
    expect(run(50, 20.001, '100%').execution.status).toBe('green');
  });

  it('an indicator projected at 80.004% of its target is amber, at 80% red', () => {
    // A level (percent) projects its actual: 80.004 ÷ 100 − 1 = −19.996 points.
    expect(run(50, 25, '80.004%').indicators[0]?.status).toBe('amber');
    expect(run(50, 25, '80%').indicators[0]?.status).toBe('red');
  });
});

describe('the forecast spend is rounded once', () => {
  it('budget 1 万元, 0.3315 spent by 06-30: forecast 0.3315 ÷ (181/365) = 0.668494… → 6.68 points, not 6.69', () => {
    // Exact: 0.3315 × 365 ÷ 181 = 0.66849448 → rate 66.849448% × 10 = 6.6849 → 6.68 (two decimals, half up).
    // Rounding the forecast spend first: 0.6685 → 6.685 → 6.69.
    const p = run(1, 0.3315, '100%');
    expect(p.forecast.budgetScore).toBe(6.68);
    // The reported forecast figures keep 4 decimals.
    expect(p.forecast.executed).toBe(0.6685);
    expect(p.forecast.rate).toBe(0.6685);
  });
});
