import { beforeAll, describe, expect, it } from 'vitest';
import { scoreDocument } from '../../../src/core/scoring/index.js';
import type { ProjectScore, ScoringRules } from '../../../src/core/scoring/types.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import { formatExplanation, formatFormula } from '../../../src/report/explanation.js';
import { makeActuals, makeGoals, makeTable, standardIndicators } from '../../helpers/build.js';

let national: ScoringRules;
let linear: ScoringRules;
beforeAll(async () => {
  national = await loadRuleSet('national');
  linear = await loadRuleSet('linear-reverse');
});

/** Row 1 (产出, weight 12.5) carries the target of 0; the other six rows are met. */
function first(target: string, actual: string, rules: ScoringRules = national) {
  const table = makeTable(standardIndicators([target, '≥95%', '≤2025年', '≤50万元', '≥365天', '≥95%', '≥95%']));
  const entries = [actual, '95%', '2025-12-20', '50万元', '365天', '95%', '95%'];
  const r = scoreDocument(makeGoals([table]), makeActuals(table, entries, { executed: 50 }), rules);
  return (r.evaluation.projects[0] as ProjectScore).indicators[0] as ProjectScore['indicators'][number];
}

describe('a reverse or "=" target of 0: 0 done is full marks, more is 0 (national zeroTarget rule)', () => {
  it.each([
    ['≤0起', '0起', 12.5, 'met'],
    ['≤0起', '2起', 0, 'missed'],
    ['0起', '0起', 12.5, 'met'],
    ['0起', '1起', 0, 'missed'],
    ['=0万元/人', '0万元/人', 12.5, 'met'],
    ['=0万元/人', '0.5万元/人', 0, 'missed'],
    ['=0', '0', 12.5, 'met'],
    ['=0', '3', 0, 'missed'],
  ])('%s with actual %s → %s', (target, actual, score, status) => {
    for (const rules of [national, linear]) {
      const i = first(target, actual, rules);
      expect(i.score).toBe(score);
      expect(i.status).toBe(status);
      expect(i.explanation.rule).toBe('scoring.zeroTarget');
      expect(i.explanation.source?.cite[0]?.id).toBe('anju-2021-food-supervision-selfeval');
    }
  });

  it('states the rule and the step in words', () => {
    const missed = first('≤0起', '2起');
    expect(formatFormula(missed.explanation.formula)).toBe('指标值为 0：实际值为 0 得满分，大于 0 得分值的 0%');
    expect(missed.explanation.steps.map(formatExplanation)).toEqual(['指标值为 0，实际完成值 2起 大于 0，得分值的 0%']);
    const met = first('0起', '0起');
    expect(met.explanation.steps.map(formatExplanation)).toEqual([
      '未写比较符，按=计分',
      '指标值为 0，实际完成值 0起，得满分',
    ]);
  });

  it('gives the configured share when the rule set says so', () => {
    const half: ScoringRules = {
      ...national,
      ruleSet: {
        ...national.ruleSet,
        scoring: {
          ...national.ruleSet.scoring,
          zeroTarget: { overShare: 0.5, source: { basis: '本工具约定', cite: [], note: '测试用：大于 0 得一半' } },
        },
      },
    };
    expect(first('≤0起', '1起', half).score).toBe(6.25);
    expect(first('≤0起', '0起', half).score).toBe(12.5);
  });

  it('never yields a non-finite score for a target of 0, whatever the actual', () => {
    for (const target of ['≤0起', '=0', '0次', '≥0家', '0-0家']) {
      for (const actual of ['0', '1', '1000000', '0.0001']) {
        const i = first(target, actual);
        expect(Number.isFinite(i.score)).toBe(true);
        expect(Number.isFinite(i.explanation.unrounded)).toBe(true);
      }
    }
  });
});
