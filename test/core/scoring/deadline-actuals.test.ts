import { beforeAll, describe, expect, it } from 'vitest';
import { parseActual } from '../../../src/core/actual.js';
import { scoreDocument } from '../../../src/core/scoring/index.js';
import type { ProjectScore, ScoringRules } from '../../../src/core/scoring/types.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import { makeActuals, makeGoals, makeTable, standardIndicators } from '../../helpers/build.js';

let national: ScoringRules;
beforeAll(async () => {
  national = await loadRuleSet('national');
});

/** Completion dates as evaluators write them, read in the table's year (2025); a month alone is its last day. */
describe('deadline and period actuals', () => {
  it.each([
    ['2025-11-16', '2025-11-16'],
    ['2025年11月16日', '2025-11-16'],
    ['11月底', '2025-11-30'],
    ['2024.03', '2024-03-31'],
    ['2025年11月', '2025-11-30'],
    ['2025.11.16', '2025-11-16'],
    ['2025/11/16', '2025-11-16'],
  ])('%s is completed on %s', (raw, date) => {
    expect(parseActual(raw, 2025)).toEqual({ ok: true, value: { raw, kind: 'date', date } });
  });

  /** Row 3 (时效, weight 12.5) carries the deadline; the other rows are met. */
  const third = (target: string, actual: string) => {
    const table = makeTable(standardIndicators(['≥1000家', '≥95%', target, '≤50万元', '≥365天', '≥95%', '≥95%']));
    const entries = ['1000家', '95%', actual, '50万元', '365天', '95%', '95%'];
    const r = scoreDocument(makeGoals([table]), makeActuals(table, entries, { executed: 50 }), national);
    return (r.evaluation.projects[0] as ProjectScore).indicators[2] as ProjectScore['indicators'][number];
  };

  it.each([
    ['2025年11月底前', '2025-11-16', 12.5],
    ['2025年11月底前', '2025年11月16日', 12.5],
    ['2025年11月底前', '11月底', 12.5],
    ['2025年11月底前', '2025年11月', 12.5],
    ['2024年3月底前', '2024.03', 12.5],
    ['2025年11月底前', '2025年12月', 0],
    // Late by two months: not met (lateShare 0 under national).
    ['2025年9月底前', '2025年11月', 0],
    ['2025年9月底前', '2025-11-16', 0],
    ['2023.07-2025.09', '11月底', 0],
    ['2023.07-2025.09', '2025.09', 12.5],
  ])('%s done %s → %s', (target, actual, expected) => {
    const i = third(target, actual);
    expect(i.score).toBe(expected);
    expect(i.status).toBe(expected > 0 ? 'met' : 'missed');
  });
});
