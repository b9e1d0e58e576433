import type { Problem } from '../errors.js';
import type { ActualsDocument, IndicatorActual } from '../model/actuals.js';
import type { GoalDocument, Indicator } from '../model/goals.js';
import type { ReviewRow, ReviewTable } from './review.js';
import type { ReviewNote } from './review-notes.js';
import { sumExact } from './rounding.js';
import { type ScoreResult, type ScoringRules, scoreDocument } from './scoring/index.js';
import { parseTarget } from './target/parse.js';

/**
 * One engine run of a review (see review.ts): the re-scorable rows of the table as a one-project goal document
 * and actuals, scored with the table's own weights (tier weights are the sums of the rows given, so the stated
 * 分值 stand exactly as written).
 */

const CODE = 'REVIEW';

export function runEngine(
  table: ReviewTable,
  included: number[],
  entries: IndicatorActual[],
  weights: number[],
  /** null: the budget cannot be re-scored, so the engine scores a placeholder worth 0. */
  execution: number | null,
  rules: ScoringRules,
  /** The table's year, or the one assumed for it: dates without a year are read in it. */
  year: number,
): ScoreResult {
  const indicators = included.map((i): Indicator => {
    const row = table.rows[i] as ReviewRow;
    const target = parseTarget(row.target, { year });
    return {
      tier1: row.tier1,
      tier2: row.tier2,
      name: row.name,
      description: '',
      target,
      basis: '',
      weight: weights[i] ?? 0,
    };
  });
  const tierWeights: Record<string, number> = {};
  for (const ind of indicators) tierWeights[ind.tier1] = sumExact([tierWeights[ind.tier1] ?? 0, ind.weight ?? 0]);
  const b = table.budget;
  const initial = b.initial ?? b.adjusted ?? 1;
  const goals: GoalDocument = {
    schema: 'jixiao/goals@1',
    source: null,
    year,
    department: { unitCode: null, unitName: null, goals: { overall: '', detailed: '', measures: '' } },
    projects: [
      {
        ...{
          code: CODE,
          name: table.project || '（未命名项目）',
          year,
          heading: null,
        },
        ...{ unitCode: null, unitName: null, budget: { total: initial, fiscal: null, other: null } },
        ...{ useOfFunds: '', spendingPlan: [], goals: [], indicators },
      },
    ],
  };
  const budget =
    execution === null
      ? { initial: 1, adjusted: 1, executed: 1 }
      : { initial, adjusted: b.adjusted ?? initial, executed: b.executed ?? 0 };
  const actuals: ActualsDocument = {
    schema: 'jixiao/actuals@1',
    period: 'year-end',
    projects: [{ code: CODE, budget, indicators: included.map((i) => entries[i] as IndicatorActual) }],
  };
  const ruleSet = {
    ...rules.ruleSet,
    execution: { ...rules.ruleSet.execution, weight: execution ?? 0 },
    tiers: {
      weights: tierWeights,
      whenMissing: null,
      source: { basis: '本工具约定' as const, cite: [], note: '复核：按自评表所列分值' },
    },
  };
  return scoreDocument(goals, actuals, { ...rules, ruleSet });
}

/** Engine errors by table row: "第3项指标" is the 3rd row given to the engine; bind errors name the indicator. */
export function rowErrors(
  errors: Problem[],
  included: number[],
  rows: ReviewRow[],
  /** Where problems of no row go (warnings); without it such a problem is a bug. */
  unplaced?: ReviewNote[],
): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const e of errors) {
    const at = /第(\d+)项指标/.exec(e.where ?? '');
    let row = at ? included[Number(at[1]) - 1] : undefined;
    if (row === undefined) {
      // [\s\S]: a name may hold any character, U+2029 included, which `.` would not match.
      const name = /指标“([\s\S]+)”$/.exec(e.where ?? '')?.[1];
      row = included.find((i) => rows[i]?.name === name);
    }
    if (row === undefined && unplaced) unplaced.push({ kind: 'warning', message: e.message });
    if (row === undefined) {
      if (unplaced) continue;
      throw new Error(`复核：无法归属的评分错误 ${e.where ?? ''}: ${e.message}`);
    }
    out.set(row, [...(out.get(row) ?? []), e.message]);
  }
  return out;
}
