import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { round, sumExact } from '../../../src/core/rounding.js';
import { allocate } from '../../../src/core/scoring/allocate.js';
import { scoreIndicator } from '../../../src/core/scoring/indicator.js';
import type { ScoringRules } from '../../../src/core/scoring/types.js';
import { planWeights } from '../../../src/core/scoring/weights.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import type { Rounding } from '../../../src/model/rule-set.js';
import { makeIndicator } from '../../helpers/build.js';

let national: ScoringRules;
beforeAll(async () => {
  national = await loadRuleSet('national');
});

const RUNS = { numRuns: 2000, seed: 42 };
const amount = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
const positiveAmount = fc.double({ min: 0.01, max: 1e6, noNaN: true, noDefaultInfinity: true });
const weight = fc.integer({ min: 1, max: 5000 }).map((n) => n / 100);

function scoreOf(target: string, actual: number, w: number): number {
  const out = scoreIndicator(
    {
      indicator: makeIndicator(target),
      entry: { name: 'x', reason: 'r' },
      actual: { raw: String(actual), kind: 'number', value: actual, unit: null },
      weight: w,
      where: '',
    },
    national,
  );
  expect(out.errors).toEqual([]);
  return out.ruleScore;
}

describe('scoring invariants', () => {
  it.each(['≥', '≤', '=', ''])('a capped score lies in [0, w] (operator %s)', (op) => {
    fc.assert(
      fc.property(positiveAmount, amount, weight, (a, b, w) => {
        const s = scoreOf(`${op}${a}`, b, w);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(w);
      }),
      RUNS,
    );
  });

  it('a range score lies in [0, w]', () => {
    fc.assert(
      fc.property(positiveAmount, positiveAmount, amount, weight, (x, y, b, w) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const s = scoreOf(`${lo}-${hi}`, b, w);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(w);
      }),
      RUNS,
    );
  });

  it('never falls as a positive actual rises, never rises for a reverse one', () => {
    fc.assert(
      fc.property(positiveAmount, amount, amount, weight, (a, b1, b2, w) => {
        const [lo, hi] = b1 <= b2 ? [b1, b2] : [b2, b1];
        expect(scoreOf(`≥${a}`, lo, w)).toBeLessThanOrEqual(scoreOf(`≥${a}`, hi, w));
        expect(scoreOf(`≤${a}`, lo, w)).toBeGreaterThanOrEqual(scoreOf(`≤${a}`, hi, w));
      }),
      RUNS,
    );
  });

  it('re-normalising 不适用 indicators keeps the total weight', () => {
    const tier = fc.constantFrom('产出指标', '效益指标', '满意度指标');
    const item = fc.record({ tier1: tier, notApplicable: fc.boolean() });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 30 }), (items) => {
        const plan = planWeights(items, national.ruleSet, '');
        expect(plan.problems).toEqual([]);
        const live = items.some((i) => !i.notApplicable);
        expect(sumExact(plan.weights)).toBe(live ? 90 : 0);
        expect(sumExact(plan.base)).toBe(90);
        plan.weights.forEach((w, k) => {
          if (items[k]?.notApplicable) expect(w).toBe(0);
        });
      }),
      RUNS,
    );
  });

  it('rounding is idempotent in every mode', () => {
    const rule = fc.record({
      decimals: fc.integer({ min: 0, max: 6 }),
      mode: fc.constantFrom('half-up', 'half-even', 'truncate', 'none'),
    }) as fc.Arbitrary<Rounding>;
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), rule, (x, r) => {
        const once = round(x, r);
        expect(round(once, r)).toBe(once);
      }),
      RUNS,
    );
  });

  it('allocation adds up exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 2 }),
        (units, shares, d) => {
          const total = units / 10 ** d;
          expect(sumExact(allocate(total, shares, d))).toBe(total);
        },
      ),
      RUNS,
    );
  });
});

describe('rounding at decimal boundaries', () => {
  it.each([
    [12.165, 2, 'half-up', 12.17],
    [1.005, 2, 'half-up', 1.01],
    [0.1 + 0.2, 2, 'half-up', 0.3],
    [2.675, 2, 'half-up', 2.68],
    [8.62, 0, 'half-up', 9],
    [8.5, 0, 'half-even', 8],
    [9.5, 0, 'half-even', 10],
    [12.165, 2, 'half-even', 12.16],
    [19.66, 1, 'truncate', 19.6],
    [-2.5, 0, 'half-up', -3],
  ] as [number, number, Rounding['mode'], number][])('%s to %s places (%s) = %s', (x, decimals, mode, expected) => {
    expect(round(x, { decimals, mode })).toBe(expected);
  });
});
