/**
 * Money, rates and scores print without float artefacts under every rounding mode. Every expected figure is
 * computed with integers (a numerator over a power of ten) and compared as the decimal string a person would
 * write, so 0.1 + 0.2, 1.005 × 100 = 100.49999999999999 and 12.165 (stored as 12.164999…) cannot hide.
 *
 * The sweeps walk values at rounding boundaries (k + 0.5 at the last kept place), on the grid (k), and on either
 * side of the boundary (k.1 … k.9), for decimals 0–3 and every mode; end to end, actual values are chosen
 * backwards so that each indicator's unrounded score lands exactly on such a boundary.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixed, num, percent, round, sumExact } from '../../src/core/rounding.js';
import { allocate } from '../../src/core/scoring/allocate.js';
import { scoreDocument } from '../../src/core/scoring/index.js';
import type { ProjectScore, ScoringRules } from '../../src/core/scoring/types.js';
import { cleanFloat, convert } from '../../src/core/units.js';
import { loadRuleSet } from '../../src/io/rules.js';
import type { ProjectActuals } from '../../src/model/actuals.js';
import type { GoalTable } from '../../src/model/goals.js';
import type { Rounding, RoundingMode } from '../../src/model/rule-set.js';
import { fmtMoney, fmtRate, fmtScore } from '../../src/report/format.js';
import { makeActuals, makeGoals, makeIndicator, makeTable } from '../helpers/build.js';

/** A float artefact in printed digits: 0.30000000000000004, 100.49999999999999. */
const ARTEFACT = /\d\.\d*?(?:0000000|9999999)\d/;
const MODES: RoundingMode[] = ['half-up', 'half-even', 'truncate', 'none'];
const DECIMALS = [0, 1, 2, 3];
const pow10 = (e: number) => 10 ** e;

// ---------------------------------------------------------------------------------------------------------------
// Exact decimals: n / 10^e with n a safe integer

/** n / 10^e as a person writes it, without trailing zeros: dec(10625, 3) = "10.625", dec(1060, 2) = "10.6". */
function dec(n: number, e: number): string {
  const s = padded(n, e, e);
  return e === 0 ? s : s.replace(/\.?0+$/, '');
}

/** n / 10^e with exactly `places` decimals (places ≥ e): padded(1063, 2, 2) = "10.63". */
function padded(n: number, e: number, places: number): string {
  const negative = n < 0;
  const digits = String(Math.abs(n) * pow10(places - e)).padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return `${negative ? '-' : ''}${int}${places > 0 ? `.${frac}` : ''}`;
}

/**
 * The value (10k + j) / 10^(d+1) rounded to d places, as a numerator over 10^d (for mode none: itself, over
 * 10^(d+1)). j = 5 is the boundary.
 */
function expectedRound(k: number, j: number, d: number, mode: RoundingMode): { n: number; e: number } {
  if (mode === 'none') return { n: 10 * k + j, e: d + 1 };
  if (mode === 'truncate' || j < 5) return { n: k, e: d };
  if (j > 5 || mode === 'half-up') return { n: k + 1, e: d };
  return { n: k % 2 === 0 ? k : k + 1, e: d };
}

/** Collects mismatches so that a sweep of a million values ends in one readable assertion. */
class Mismatches {
  readonly list: string[] = [];
  checked = 0;

  same(what: string, actual: string, expected: string): void {
    this.checked++;
    if (actual !== expected) this.list.push(`${what}: got ${actual}, expected ${expected}`);
    else if (ARTEFACT.test(actual)) this.list.push(`${what}: artefact in ${actual}`);
  }

  /**
   * A number that must be exactly the decimal `expected` (the double nearest to it, as parsing the text gives),
   * and print without artefacts in String and JSON alike.
   */
  number(what: string, actual: number, expected: string): void {
    this.checked++;
    const printed = JSON.stringify(actual);
    if (actual !== Number(expected)) this.list.push(`${what}: got ${printed}, expected ${expected}`);
    else if (ARTEFACT.test(printed) || printed !== String(actual)) this.list.push(`${what}: prints as ${printed}`);
  }

  expectNone(): void {
    expect(this.list.slice(0, 25), `${this.list.length} of ${this.checked} figures wrong`).toEqual([]);
  }
}

/**
 * Every k below 2,000, then 300 sampled k of each magnitude up to 11 digits: x = (10k + j) / 10^(d+1) then has
 * at most 12 significant digits, the precision cleanFloat keeps (beyond it, rounding is not promised).
 */
function ks(): number[] {
  const out = Array.from({ length: 2000 }, (_, k) => k);
  for (let magnitude = 3; magnitude <= 10; magnitude++) {
    const span = 9 * pow10(magnitude) - 300;
    for (let i = 0; i < 300; i++)
      out.push(pow10(magnitude) + ((i * 7919 * pow10(Math.max(0, magnitude - 5))) % span) + i);
  }
  return out;
}
const KS = ks();

// ---------------------------------------------------------------------------------------------------------------

describe('round / fixed / num at rounding boundaries', () => {
  it('rounds (10k + j) / 10^(d+1) exactly for every mode, decimals 0–3, k < 2000 and sampled k up to 12 digits', () => {
    const m = new Mismatches();
    for (const mode of MODES) {
      for (const d of DECIMALS) {
        const rule: Rounding = { decimals: d, mode };
        for (const k of KS) {
          for (let j = 0; j <= 9; j++) {
            const x = (10 * k + j) / pow10(d + 1);
            const want = expectedRound(k, j, d, mode);
            m.number(`round(${x}, ${d}, ${mode})`, round(x, rule), dec(want.n, want.e));
          }
        }
      }
    }
    expect(m.checked).toBeGreaterThan(500_000);
    m.expectNone();
  });

  it('keeps values already on the grid in every mode, truncate included (0.29 stays 0.29)', () => {
    const m = new Mismatches();
    for (const mode of MODES) {
      for (const d of DECIMALS) {
        for (let k = 0; k < 20_000; k++)
          m.number(`round(${k}/10^${d}, ${mode})`, round(k / pow10(d), { decimals: d, mode }), dec(k, d));
      }
    }
    m.expectNone();
  });

  it('prints fixed(x, d) half-up with exactly d decimals: 1.005 → "1.01", 12.165 → "12.17"', () => {
    expect(fixed(1.005, 2)).toBe('1.01');
    expect(fixed(12.165, 2)).toBe('12.17');
    expect(fixed(0.1 + 0.2, 2)).toBe('0.30');
    const m = new Mismatches();
    for (const d of DECIMALS) {
      for (const k of KS) {
        for (const j of [0, 4, 5, 6]) {
          const want = expectedRound(k, j, d, 'half-up');
          m.same(
            `fixed(${(10 * k + j) / pow10(d + 1)}, ${d})`,
            fixed((10 * k + j) / pow10(d + 1), d),
            padded(want.n, want.e, d),
          );
        }
      }
    }
    m.expectNone();
  });

  it('prints num(x) with at most 4 decimals, half-up, no trailing zeros: 0.1 + 0.2 → "0.3"', () => {
    expect(num(0.1 + 0.2)).toBe('0.3');
    expect(num(2 / 3)).toBe('0.6667');
    const m = new Mismatches();
    for (let k = 0; k < 200_000; k++) {
      const want = expectedRound(k, 5, 4, 'half-up');
      m.same(`num(${(10 * k + 5) / 1e5})`, num((10 * k + 5) / 1e5), dec(want.n, want.e));
    }
    m.expectNone();
  });
  it.each([
    [1e-9, 9, '0.000000001'],
    [-2.5e-7, 9, '-0.00000025'],
    [123.4567891, 6, '123.456789'],
    [5e21, 4, '5000000000000000000000'],
    [1e-9, 4, '0'],
  ])('num(%s, %s) keeps the places given and never prints an exponent: %s', (x, d, want) => {
    expect(num(x, d)).toBe(want);
  });

  it('percent: a share as num prints the percent figure (0.8 → 80%, 0.123456 → 12.3456%, 0.07 → 7%)', () => {
    expect([percent(0.8), percent(0.123456), percent(0.07), percent(1 / 3, 6)]).toEqual([
      '80%',
      '12.3456%',
      '7%',
      '33.333333%',
    ]);
  });
});

describe('sumExact / cleanFloat / convert', () => {
  it('sums rounded figures to the decimal sum: 0.1 + 0.2 = 0.3, 12.17 + 12.17 + 12.16 + 12.5 = 49', () => {
    expect(sumExact([0.1, 0.2])).toBe(0.3);
    expect(sumExact([12.17, 12.17, 12.16, 12.5])).toBe(49);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 40 }),
        (d, numerators) => {
          const total = numerators.reduce((a, b) => a + b, 0);
          const sum = sumExact(numerators.map((n) => n / pow10(d)));
          expect(String(sum)).toBe(dec(total, d));
        },
      ),
      { numRuns: 5000, seed: 1005 },
    );
  });

  it('cleans sums and products of decimals: a + b, x × 10^d, x × 100 (a share as a percentage)', () => {
    const m = new Mismatches();
    for (const d of [1, 2, 3, 4]) {
      for (let k = 0; k < 20_000; k++) {
        const other = (k * 7919) % 100_000;
        m.number(
          `cleanFloat(${k / pow10(d)} + ${other / pow10(d)})`,
          cleanFloat(k / pow10(d) + other / pow10(d)),
          dec(k + other, d),
        );
        m.number(`cleanFloat(${k / pow10(d)} × 10^${d})`, cleanFloat((k / pow10(d)) * pow10(d)), String(k));
        m.number(`cleanFloat(${k / pow10(d)} × 100)`, cleanFloat((k / pow10(d)) * 100), dec(k * 100, d));
      }
    }
    m.expectNone();
  });

  it('converts decimal units exactly: 万元 ↔ 元, 千元 → 万元, 亿元 → 万元, ‰ → %, 克 → 千克', () => {
    const m = new Mismatches();
    const value = (from: string, to: string, x: number) => {
      const r = convert(x, from, to);
      return r.ok ? r.value : Number.NaN;
    };
    for (const d of [0, 1, 2, 3, 4]) {
      for (let k = 0; k < 20_000; k++) {
        const x = k / pow10(d);
        m.number(`${x}万元 → 元`, value('万元', '元', x), dec(k * pow10(4 - d), 0));
        m.number(`${x}元 → 万元`, value('元', '万元', x), dec(k, d + 4));
        m.number(`${x}千元 → 万元`, value('千元', '万元', x), dec(k, d + 1));
        m.number(`${x}亿元 → 万元`, value('亿元', '万元', x), dec(k * pow10(4 - d), 0));
        m.number(`${x}‰ → %`, value('‰', '%', x), dec(k, d + 1));
        m.number(`${x}克 → 千克`, value('克', '千克', x), dec(k, d + 3));
      }
    }
    expect(convert(12.165, '万元', '元')).toMatchObject({ ok: true, value: 121650 });
    m.expectNone();
  });
});

describe('allocate', () => {
  it('shares a total on the grid exactly: every part printable at d places, parts add up to the total', () => {
    expect(allocate(50, [1, 1, 1], 2)).toEqual([16.67, 16.67, 16.66]);
    const m = new Mismatches();
    for (const d of DECIMALS) {
      for (let k = 0; k < 5000; k++) {
        const total = k / pow10(d);
        for (const shares of [[1], [1, 1], [1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1], [3, 2, 2], [12.5, 15, 10]]) {
          const parts = allocate(total, shares, d);
          const units = parts.map((p) => Math.round(p * pow10(d)));
          parts.forEach((p, i) => {
            m.number(`allocate(${total}, ${shares}, ${d})[${i}]`, p, dec(units[i] ?? 0, d));
          });
          m.same(`allocate(${total}, ${shares}, ${d}) adds up`, String(units.reduce((a, b) => a + b, 0)), String(k));
          m.number(`sumExact(allocate(${total}, ${shares}, ${d}))`, sumExact(parts), dec(k, d));
        }
      }
    }
    m.expectNone();
  });

  // FIXED allocate-total-rounding: allocate (src/core/scoring/allocate.ts) rounded the total with
  // Math.round(total * 10^decimals) on the raw float product, so a total off the grid at a half went the wrong
  // way: allocate(0.145, [1], 2) = [0.14], allocate(1.005, [1], 2) = [1], while round(…, half-up) and fixed(…, 2)
  // give 0.15 and 1.01. Reachable from planWeights: a tier of 50 with stated 分值 18.45 + 19 under a one-decimal
  // rule leaves 50 − 37.45 = 12.549999999999997 for the free indicator, which got 12.5, not 12.6.
  it('rounds an off-grid total half-up like round() does: allocate(0.145, [1], 2) = [0.15]', () => {
    expect(allocate(0.145, [1], 2)).toEqual([0.15]);
    expect(allocate(1.005, [1], 2)).toEqual([1.01]);
    expect(allocate(50 - 37.45, [1], 1)).toEqual([12.6]);
  });
});

describe('formatters (src/report/format.ts)', () => {
  it('prints scores, money and rates half-up with fixed decimals and no artefacts', () => {
    expect(fmtMoney(12.165)).toBe('12.17');
    expect(fmtRate(0.97205)).toBe('97.21%');
    expect(fmtScore(10.625, 2)).toBe('10.63');
    const m = new Mismatches();
    for (let k = 0; k < 200_000; k++) {
      // money: k.5 cents; a share at half a basis point; the same share on the grid.
      m.same(`fmtMoney(${(2 * k + 1) / 200})`, fmtMoney((2 * k + 1) / 200), padded(k + 1, 2, 2));
      m.same(`fmtMoney(${k / 100})`, fmtMoney(k / 100), padded(k, 2, 2));
      if (k <= 20_000) {
        m.same(`fmtRate(${(2 * k + 1) / 20_000})`, fmtRate((2 * k + 1) / 20_000), `${padded(k + 1, 2, 2)}%`);
        m.same(`fmtRate(${k / 10_000})`, fmtRate(k / 10_000), `${padded(k, 2, 2)}%`);
      }
    }
    for (const d of DECIMALS) {
      for (let k = 0; k < 20_000; k++) {
        m.same(
          `fmtScore(${(2 * k + 1) / (2 * pow10(d))}, ${d})`,
          fmtScore((2 * k + 1) / (2 * pow10(d)), d),
          padded(k + 1, d, d),
        );
      }
    }
    m.expectNone();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// End to end: scores computed backwards to land on boundaries

let national: ScoringRules;
let hebei: ScoringRules;
beforeAll(async () => {
  national = await loadRuleSet('national');
  hebei = await loadRuleSet('hebei-integer');
});

/** national with both rounding rules replaced. */
function withRounding(mode: RoundingMode, decimals: number): ScoringRules {
  const r = national.ruleSet;
  const rule = { decimals, mode };
  return {
    ruleSet: { ...r, id: `national-${mode}-${decimals}`, rounding: { ...r.rounding, indicator: rule, total: rule } },
  };
}

const TIERS: [string, string][] = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '经济效益指标'],
  ['效益指标', '社会效益指标'],
  ['满意度指标', '服务对象满意度指标'],
];

/** The 分值 the rule set gives the seven standard indicators, as numerators over 10^e. */
function weightsUnder(rules: ScoringRules): { w: number[]; e: number } {
  const table = makeTable(
    TIERS.map(([tier1, tier2], i) => makeIndicator('≥1家', { tier1, tier2, name: `指标${i + 1}` })),
  );
  const r = scoreDocument(
    makeGoals([table]),
    makeActuals(
      table,
      TIERS.map(() => '1家'),
    ),
    rules,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const weights = (r.evaluation.projects[0] as ProjectScore).indicators.map((i) => i.weight);
  const e = rules.ruleSet.rounding.indicator.mode === 'none' ? 2 : rules.ruleSet.rounding.indicator.decimals;
  return { w: weights.map((w) => Math.round(w * pow10(e))), e };
}

interface Sweep {
  projects: number;
  indicators: number;
}

/**
 * Score projects whose every indicator lands on a boundary: for weight w = W / 10^e, target A = W (家) and
 * unrounded score s = (k + 0.5) / 10^d, the actual is B = s × A / w = (2k + 1) · 5 · 10^e / 10^(d+1). The budget
 * lands on one too: 执行率 × 10 = s with 全年预算数 1000. Checks every score, tier subtotal and total.
 */
function sweepEndToEnd(rules: ScoringRules, m: Mismatches): Sweep {
  const { mode, decimals: d } = rules.ruleSet.rounding.indicator;
  const { w, e } = weightsUnder(rules);
  const execWeight = rules.ruleSet.execution.weight;
  /** Largest k whose rounded-up score (k + 1) / 10^d stays within the weight W / 10^e. */
  const maxK = (W: number) => Math.floor((W * pow10(d)) / pow10(e)) - 1;
  const limits = w.map(maxK);
  const budgetLimit = execWeight * pow10(d) - 1;
  const count = Math.max(budgetLimit, ...limits) + 1;
  const at = (k: number, limit: number) => k % (limit + 1);
  /** Expected score of a boundary k: numerator over 10^(d+1), to add exactly. */
  const expected = (k: number) => {
    const r = expectedRound(k, 5, d, mode);
    return r.e === d ? r.n * 10 : r.n;
  };

  const tables: GoalTable[] = [];
  const projects: ProjectActuals[] = [];
  for (let p = 0; p < count; p++) {
    const indicators = TIERS.map(([tier1, tier2], i) =>
      makeIndicator(`≥${dec(w[i] ?? 0, 0)}家`, { tier1, tier2, name: `指标${i + 1}` }),
    );
    const table = makeTable(indicators, { code: `P${p}` });
    const actual = indicators.map((_, i) => `${dec((2 * at(p, limits[i] ?? 0) + 1) * 5 * pow10(e), d + 1)}家`);
    const kb = at(p, budgetLimit);
    const budget = { adjusted: 1000, executed: Number(dec((2 * kb + 1) * 50, d)) };
    tables.push(table);
    projects.push(...makeActuals(table, actual, budget).projects);
  }
  const result = scoreDocument(makeGoals(tables), { schema: 'jixiao/actuals@1', period: 'year-end', projects }, rules);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));

  const places = mode === 'none' ? d + 1 : d;
  result.evaluation.projects.forEach((project, p) => {
    const label = `${rules.ruleSet.id} P${p}`;
    const tiers = new Map<string, number>();
    project.indicators.forEach((ind, i) => {
      const k = at(p, limits[i] ?? 0);
      const want = expected(k);
      const what = `${label} 指标${i + 1} (k=${k}, unrounded ${dec(10 * k + 5, d + 1)})`;
      m.number(what, ind.score, dec(want, d + 1));
      m.same(`${what} printed`, fixed(ind.score, places), padded(want, d + 1, places));
      m.number(`${what} unrounded`, ind.explanation.unrounded, dec(10 * k + 5, d + 1));
      tiers.set(ind.tier1, (tiers.get(ind.tier1) ?? 0) + want);
    });
    const budget = expected(at(p, budgetLimit));
    m.number(`${label} 预算执行率得分`, project.budget.score, dec(budget, d + 1));
    for (const t of project.tiers) m.number(`${label} ${t.name}`, t.score, dec(tiers.get(t.name) ?? 0, d + 1));
    const total = [...tiers.values()].reduce((a, b) => a + b, budget);
    m.number(`${label} total`, project.total, dec(total, d + 1));
    m.same(`${label} printed total`, fmtScore(project.total, places), padded(total, d + 1, places));
    const json = JSON.stringify(project);
    if (ARTEFACT.test(json)) m.list.push(`${label}: artefact in JSON near ${ARTEFACT.exec(json)?.[0]}`);
  });
  return { projects: count, indicators: count * TIERS.length };
}

describe('end to end: scores on x.xx5 / x.5 boundaries', () => {
  it('keeps the hand-made boundary cases: 850/1000 × 12.5 = 10.625 → 10.63 (half-up), 10.62 (half-even, truncate)', () => {
    const table = makeTable(
      TIERS.map(([tier1, tier2], i) => makeIndicator('≥1000家', { tier1, tier2, name: `指标${i + 1}` })),
    );
    for (const [rules, want] of [
      [national, 10.63],
      [withRounding('half-even', 2), 10.62],
      [withRounding('truncate', 2), 10.62],
      [withRounding('none', 2), 10.625],
      [hebei, 11],
    ] as [ScoringRules, number][]) {
      const r = scoreDocument(
        makeGoals([table]),
        makeActuals(table, ['850家', ...TIERS.slice(1).map(() => '1000家')]),
        rules,
      );
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect((r.evaluation.projects[0] as ProjectScore).indicators[0]?.score).toBe(want);
    }
  });

  it.each(MODES.flatMap((mode) => DECIMALS.map((d) => [mode, d] as const)))(
    'mode %s, %s decimals: every score, subtotal and total is the exact decimal',
    (mode, d) => {
      const m = new Mismatches();
      const swept = sweepEndToEnd(withRounding(mode, d), m);
      expect(swept.indicators).toBeGreaterThanOrEqual(7 * 10 * pow10(d));
      m.expectNone();
    },
    120_000,
  );

  it.each([
    ['national', () => national],
    ['hebei-integer', () => hebei],
  ] as const)(
    'the %s rule set as loaded',
    (_, rules) => {
      const m = new Mismatches();
      sweepEndToEnd(rules(), m);
      m.expectNone();
    },
    120_000,
  );
});
