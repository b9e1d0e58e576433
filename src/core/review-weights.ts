import type { RuleSet } from '../model/rule-set.js';
import type { ReviewNote } from './review-notes.js';
import { sumExact } from './rounding.js';
import { planWeights, type WeightInput } from './scoring/weights.js';

/**
 * The weights a reviewer re-scores a filled 自评表 with: the table's own (stated 三级 分值, tier labels such as
 * “产出指标(50分)”, the funds block's 分值), falling back to the rule set only where the table states nothing.
 * A reviewer re-scores the table as it was set; where its weights differ from the rule set's, a note says so.
 */

export interface WeightRow {
  tier1: string;
  /** From a tier label like “产出指标(50分)”. */
  tier1Weight?: number;
  weight?: number;
}

export interface TableWeights {
  /** 分值 of every row, in table order. */
  rows: number[];
  execution: number;
  notes: ReviewNote[];
}

export function tableWeights(
  rows: readonly WeightRow[],
  budget: { weight?: number; selfScore?: number },
  rules: RuleSet,
): TableWeights {
  const notes: ReviewNote[] = [];
  const names = [...new Set(rows.map((r) => r.tier1))];
  const tiers: Record<string, number> = {};
  for (const name of names) {
    const own = rows.filter((r) => r.tier1 === name);
    const label = own.find((r) => r.tier1Weight !== undefined)?.tier1Weight;
    const allStated = own.every((r) => r.weight !== undefined);
    tiers[name] = label ?? (allStated ? sumExact(own.map((r) => r.weight ?? 0)) : (rules.tiers.weights[name] ?? 0));
    const sum = sumExact(own.map((r) => r.weight ?? 0));
    if (label !== undefined && allStated && sum !== label)
      notes.push({ kind: 'tier-label-sum', tier: name, label, sum });
  }
  let execution = budget.weight;
  if (execution === undefined) {
    execution = budget.selfScore === undefined ? 0 : rules.execution.weight;
    notes.push(
      budget.selfScore === undefined
        ? { kind: 'execution-not-scored' }
        : { kind: 'execution-weight-from-rules', weight: execution },
    );
  }
  const items: WeightInput[] = rows.map((r) => ({
    tier1: r.tier1,
    notApplicable: false,
    ...(r.weight === undefined ? {} : { explicit: r.weight }),
  }));
  const own = planWeights(
    items,
    { ...rules, tiers: { ...rules.tiers, weights: tiers, whenMissing: null, fromTable: false } },
    '',
  );
  const weights = rows.map((r, i) => r.weight ?? own.weights[i] ?? 0);
  if (rows.some((r) => r.weight === undefined)) notes.push({ kind: 'weights-shared' });

  // Compared with the rule set as the rule set would weight this table.
  const ruled = planWeights(
    rows.map((r) => ({ tier1: r.tier1, notApplicable: false })),
    rules,
    '',
  );
  const mine = names.map((name) => ({ name, weight: tiers[name] ?? 0 }));
  // A rule set with tiers.fromTable takes any split whose sum is 100 − execution.
  const fromTable =
    rules.tiers.fromTable === true &&
    rows.every((r) => r.weight !== undefined) &&
    sumExact(weights) === 100 - execution;
  const same =
    (ruled.problems.length === 0 || fromTable) &&
    execution === rules.execution.weight &&
    (fromTable || mine.every((t) => ruled.tiers.find((x) => x.name === t.name)?.weight === t.weight));
  notes.push({
    kind: 'weights-compared',
    same,
    ruleSet: rules.id,
    table: mine,
    execution,
    rules: Object.entries(rules.tiers.weights).map(([name, weight]) => ({ name, weight })),
    rulesExecution: rules.execution.weight,
  });
  const total = sumExact([execution, ...weights]);
  if (total !== 100) notes.push({ kind: 'weights-total', total });
  return { rows: weights, execution, notes };
}
