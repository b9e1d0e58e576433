import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreDocument } from '../../../src/core/scoring/index.js';
import type { ProjectScore, ScoringRules } from '../../../src/core/scoring/types.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import type { IndicatorActual } from '../../../src/model/actuals.js';
import { formatExplanation } from '../../../src/report/explanation.js';
import { makeActuals, makeGoals, makeTable, standardIndicators } from '../../helpers/build.js';

let national: ScoringRules;
beforeAll(async () => {
  national = await loadRuleSet('national');
});

/** The seed's seven rows with the first target replaced; all the other rows met. */
function score(target: string, first: string | Partial<IndicatorActual>): ProjectScore {
  const targets = [target, '≥95%', '≤2025年', '≤50万元', '≥365天', '≥95%', '≥95%'];
  const table = makeTable(standardIndicators(targets));
  const entries = [first, '95%', '2025-12-20', '50万元', '365天', '95%', '95%'];
  const r = scoreDocument(makeGoals([table]), makeActuals(table, entries, { executed: 50 }), national);
  // A row that cannot be scored leaves the evaluation incomplete; its problems sit on the row.
  return r.evaluation.projects[0] as ProjectScore;
}

const first = (p: ProjectScore) => p.indicators[0] as ProjectScore['indicators'][number];
const words = (p: ProjectScore) => first(p).explanation.steps.map(formatExplanation);

/** Weight of row 1 is 12.5 (产出 50 over four rows). */
describe('a compound target: met when every part is, otherwise the weakest part', () => {
  it.each([
    // target, actual, score, status
    ['≥500人次 / ≥95%', '520人次 / 96%', 12.5, 'met'],
    ['≥500人次/≥95%', '520人次/96%', 12.5, 'met'],
    // 95% part: 90/95 × 12.5 = 11.842… → 11.84; the 人次 part is met (12.5): the weaker is 11.84.
    ['≥500人次 / ≥95%', '520人次 / 90%', 11.84, 'missed'],
    // 人次 part: 400/500 × 12.5 = 10; 95% part 90/95 × 12.5 = 11.84: the weaker is 10.
    ['≥500人次 / ≥95%', '400人次 / 90%', 10, 'missed'],
    // A period word is not measured: the single value goes to the one measurable part.
    ['全年 / ≥300天', '320天', 12.5, 'met'],
    ['全年 / ≥300天', '全年 / 270天', 11.25, 'missed'],
    ['全年/≥300天', '240天', 10, 'missed'],
  ])('%s with actual %s → %s (%s)', (target, actual, expected, status) => {
    const i = first(score(target, actual));
    expect(i.score).toBe(expected);
    expect(i.status).toBe(status);
  });

  it('says in the explanation that it is scored by the weaker part', () => {
    const p = score('≥500人次 / ≥95%', '520人次 / 90%');
    expect(words(p)[0]).toBe(
      '指标值含2项，须各项均达到，未全部达到，按得分较低的第2项“≥95%”计分：“≥500人次”实际 520人次，达到，得 12.5 分；“≥95%”实际 90%，未达到，得 11.84 分',
    );
    expect(words(p)).toContain('B/A×w：A=95，B=90，w=12.5 → 11.8421');
  });

  it('says when every part is met', () => {
    expect(words(score('≥500人次 / ≥95%', '520人次 / 96%'))[0]).toBe(
      '指标值含2项，各项均达到：“≥500人次”实际 520人次，达到，得 12.5 分；“≥95%”实际 96%，达到，得 12.5 分',
    );
    expect(words(score('全年 / ≥300天', '320天'))[0]).toBe('“全年”为期间说明，不单独计分，按“≥300天”计分');
  });

  it('refuses one value for two measurable parts, and a wrong count of parts, saying how to write it', () => {
    for (const actual of ['520人次', '520人次 / 96% / 3场']) {
      const i = first(score('≥500人次 / ≥95%', actual));
      expect(i.status).toBe('invalid');
      expect(i.problems.map((x) => x.message).join()).toContain('如“500人次 / 95%”');
    }
  });

  it('names the part whose unit does not match', () => {
    const i = first(score('≥500人次 / ≥95%', '520人次 / 96家'));
    expect(i.status).toBe('invalid');
    expect(i.problems[0]?.where).toContain('第2项“≥95%”');
  });
});

describe('a target that says the row does not apply', () => {
  it.each(['本项目不适用此指标', '不适用', '无', '/'])(
    '%s is 不适用 with nothing entered, its weight re-shared',
    (t) => {
      const p = score(t, {});
      expect(first(p)).toMatchObject({ status: 'not-applicable', score: 0 });
      expect(first(p).notApplicable).toBe(`目标表中指标值为“${t}”`);
      // within-tier: 产出 50 over the three other rows.
      expect(p.indicators.slice(1, 4).map((i) => i.weight)).toEqual([16.67, 16.67, 16.66]);
      expect(p.tiers[0]).toEqual({ name: '产出指标', weight: 50, score: 50 });
    },
  );
});

describe('compound scoring properties', () => {
  it('scores the lowest of its parts scored alone, and is met exactly when each part is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100 }), (people, rate) => {
        const both = first(score('≥500人次 / ≥95%', `${people}人次 / ${rate}%`));
        const a = first(score('≥500人次', `${people}人次`));
        const b = first(score('≥95%', `${rate}%`));
        expect(both.score).toBe(Math.min(a.score, b.score));
        expect(both.status === 'met').toBe(a.status === 'met' && b.status === 'met');
      }),
      { numRuns: 200 },
    );
  });
});
