import type { Problem } from '../../errors.js';
import type { RuleSet } from '../../model/rule-set.js';
import { sumExact } from '../rounding.js';
import { allocate } from './allocate.js';
import type { Step } from './steps.js';

export interface WeightInput {
  tier1: string;
  /** 分值 stated in the goal table or the actuals. */
  explicit?: number;
  notApplicable: boolean;
  /** The indicator's name: breaks ties when points are shared, so the result does not depend on row order. */
  name?: string;
}

export interface WeightPlan {
  tiers: { name: string; weight: number }[];
  /** 分值 before 不适用 re-normalisation. */
  base: number[];
  /** 分值 that count. */
  weights: number[];
  /** How tier weights were moved or re-shared (total explanation steps). */
  notes: Step[];
  /**
   * Points of the 不适用 indicators that the total is scaled over (scoring.notApplicable `whole-score`): the total
   * is Σ × full ÷ (full − dropped). 0 when nothing is dropped or the points were re-shared within the tier.
   */
  dropped: number;
  problems: Problem[];
}

/** Decimal places weights are allocated at: what the rule set rounds scores to, so weights are printable. */
export function weightDecimals(rules: RuleSet): number {
  const r = rules.rounding.indicator;
  return r.mode === 'none' ? 2 : r.decimals;
}

/**
 * planWeights through a cache: a plan depends only on the tier-1 sequence, stated weights and 不适用 flags, which
 * most projects of a document share. Plans with problems are not cached (their messages name the project).
 * One cache serves one rule set.
 */
export function cachedPlanWeights(
  items: readonly WeightInput[],
  rules: RuleSet,
  where: string,
  cache: Map<string, WeightPlan>,
  printed?: Readonly<Record<string, number>>,
): WeightPlan {
  // Rule sets resolved for different years are different objects with possibly different tiers: one key each.
  let key = `${tagOf(rules)}#${printed ? JSON.stringify(printed) : ''}`;
  for (const i of items) key += `${i.tier1}|${i.explicit ?? ''}|${i.notApplicable ? 1 : 0}|${i.name ?? ''};`;
  const hit = cache.get(key);
  if (hit) return hit;
  const plan = planWeights(items, rules, where, printed);
  if (plan.problems.length === 0) cache.set(key, plan);
  return plan;
}

const TAGS = new WeakMap<RuleSet, number>();
let tags = 0;
function tagOf(rules: RuleSet): number {
  let tag = TAGS.get(rules);
  if (tag === undefined) {
    tag = tags++;
    TAGS.set(rules, tag);
  }
  return tag;
}

/**
 * 一级指标分值 from the rule set, moved or re-normalised when a tier is absent; within a tier the stated 分值,
 * the rest shared equally; 不适用 indicators dropped and their tier's weight re-shared among the others.
 */
export function planWeights(
  items: readonly WeightInput[],
  rules: RuleSet,
  where: string,
  printed?: Readonly<Record<string, number>>,
): WeightPlan {
  const problems: Problem[] = [];
  const notes: Step[] = [];
  const decimals = weightDecimals(rules);
  const present = [...new Set(items.map((i) => i.tier1))];
  const ruleTiers = tierTable(rules, present, printed, notes);
  for (const name of present) {
    if (!(name in ruleTiers)) {
      problems.push({
        code: 'unknown-tier',
        where,
        message: `一级指标“${name}”不在规则集“${rules.id}”的分值表中（${Object.keys(ruleTiers).join('、')}）`,
      });
    }
  }
  const tierWeight = new Map<string, number>(present.map((n) => [n, ruleTiers[n] ?? 0]));
  if (rules.tiers.fromTable && items.length > 0 && items.every((i) => i.explicit !== undefined)) {
    return fromTable(items, rules, where, problems);
  }
  let orphan = 0;
  for (const [name, weight] of Object.entries(ruleTiers)) {
    if (present.includes(name) || weight === 0) continue;
    const to = rules.tiers.whenMissing?.[name];
    if (to && tierWeight.has(to)) {
      tierWeight.set(to, (tierWeight.get(to) ?? 0) + weight);
      notes.push({ kind: 'tier-merged', tier: name, weight, into: to });
    } else {
      orphan += weight;
      notes.push({ kind: 'tier-spread', tier: name, weight });
    }
  }
  if (orphan > 0) spread(tierWeight, orphan, decimals);

  const base = new Array<number>(items.length).fill(0);
  const weights = new Array<number>(items.length).fill(0);
  const whole = rules.scoring.notApplicable.method === 'whole-score';
  // A tier whose indicators are all 不适用 passes its weight to the other tiers (within-tier re-sharing only: over
  // the whole score its points are simply dropped with the rest).
  const dead = present.filter((t) => items.every((i) => i.tier1 !== t || i.notApplicable));
  const live = new Map(tierWeight);
  if (!whole && dead.length > 0 && dead.length < present.length) {
    const freed = dead.reduce((s, t) => s + (live.get(t) ?? 0), 0);
    for (const t of dead) live.set(t, 0);
    spread(live, freed, decimals);
    notes.push({ kind: 'tiers-not-applicable', tiers: dead });
  }
  for (const tier of present) {
    const idx = items.flatMap((it, i) => (it.tier1 === tier ? [i] : []));
    const tw = tierWeight.get(tier) ?? 0;
    const stated = idx.filter((i) => items[i]?.explicit !== undefined);
    const statedSum = sumExact(stated.map((i) => items[i]?.explicit ?? 0));
    const free = idx.filter((i) => items[i]?.explicit === undefined);
    if (statedSum > tw || (free.length === 0 && statedSum !== tw)) {
      problems.push({
        code: 'weights-sum',
        where,
        message: `${tier}的三级指标分值合计${statedSum}分，应等于该一级指标的${tw}分`,
      });
    }
    const shared = allocate(
      Math.max(0, tw - statedSum),
      free.map(() => 1),
      decimals,
      free.map(nameOf(items)),
    );
    free.forEach((i, k) => {
      base[i] = shared[k] ?? 0;
    });
    // Re-sharing starts from the exact shares, not the rounded ones: two equal rows left of three get 25 + 25,
    // never 25.01 + 24.99 because of which row held the rounding unit.
    const exact = (i: number) => items[i]?.explicit ?? (tw - statedSum) / free.length;
    for (const i of stated) base[i] = items[i]?.explicit ?? 0;
    const applicable = idx.filter((i) => !items[i]?.notApplicable);
    if (whole) {
      // Over the whole score: the applicable keep their points, the 不适用 count 0 and the total is scaled.
      for (const i of applicable) weights[i] = base[i] ?? 0;
      live.set(tier, sumExact(applicable.map((i) => base[i] ?? 0)));
      continue;
    }
    if (applicable.length === idx.length && live.get(tier) === tw) {
      // Nothing to re-normalise: the weights are the stated / allocated ones, never re-shared at coarser precision.
      for (const i of idx) weights[i] = base[i] ?? 0;
      continue;
    }
    const scaled = allocate(live.get(tier) ?? 0, applicable.map(exact), decimals, applicable.map(nameOf(items)));
    applicable.forEach((i, k) => {
      weights[i] = scaled[k] ?? 0;
    });
  }
  const tiers = present.map((name) => ({ name, weight: live.get(name) ?? 0 }));
  const dropped = whole ? droppedPoints(items, base) : 0;
  methodNote(items, rules, dropped, notes);
  return { tiers, base, weights, notes, dropped, problems };
}

/** Each row's name, the tie-break of allocate (see allocate.ts). */
const nameOf = (items: readonly WeightInput[]) => (i: number) => items[i]?.name ?? '';

const droppedPoints = (items: readonly WeightInput[], base: readonly number[]) =>
  sumExact(items.flatMap((it, i) => (it.notApplicable ? [base[i] ?? 0] : [])));

/** Which 不适用 rule was applied, with its source: said whenever a table has a 不适用 indicator. */
function methodNote(items: readonly WeightInput[], rules: RuleSet, dropped: number, notes: Step[]): void {
  if (!items.some((i) => i.notApplicable)) return;
  const { method, source } = rules.scoring.notApplicable;
  notes.push({ kind: 'not-applicable-method', method, dropped, source });
}

/**
 * The rule set's tier weights for this table: a tier it adds when present (一级 成本指标) carved out of the tier the
 * rule set names, then the weights the table itself prints ("成本指标(10分)"); a printed weight of a carved tier
 * moves the difference to or from the tier it was carved from, so the total stays the rule set's.
 */
function tierTable(
  rules: RuleSet,
  present: readonly string[],
  printed: Readonly<Record<string, number>> | undefined,
  notes: Step[],
): Record<string, number> {
  const table: Record<string, number> = { ...rules.tiers.weights };
  for (const [tier, carve] of Object.entries(rules.tiers.whenPresent ?? {})) {
    if (!present.includes(tier) || tier in table || !(carve.from in table)) continue;
    const weight = printed?.[tier] ?? carve.weight;
    table[tier] = weight;
    table[carve.from] = sumExact([table[carve.from] ?? 0, -weight]);
    notes.push({ kind: 'tier-carved', tier, weight, from: carve.from });
  }
  for (const [tier, weight] of Object.entries(printed ?? {})) {
    if (!(tier in table) || table[tier] === weight) continue;
    table[tier] = weight;
    notes.push({ kind: 'tier-printed', tier, weight });
  }
  return table;
}

/** Add `extra` to the tiers in proportion to their weights, exactly. */
function spread(tiers: Map<string, number>, extra: number, decimals: number): void {
  const names = [...tiers.keys()].filter((n) => (tiers.get(n) ?? 0) > 0);
  const total = names.reduce((s, n) => s + (tiers.get(n) ?? 0), 0) + extra;
  const shares = allocate(
    total,
    names.map((n) => tiers.get(n) ?? 0),
    decimals,
  );
  names.forEach((n, k) => {
    tiers.set(n, shares[k] ?? 0);
  });
}

/** Tier weights as the table states them (tiers.fromTable); only their sum is the rule set's. */
function fromTable(items: readonly WeightInput[], rules: RuleSet, where: string, problems: Problem[]): WeightPlan {
  const decimals = weightDecimals(rules);
  const present = [...new Set(items.map((i) => i.tier1))];
  const expected = 100 - rules.execution.weight;
  const base = items.map((i) => i.explicit ?? 0);
  const sum = sumExact(base);
  if (sum !== expected) {
    problems.push({
      code: 'weights-sum',
      where,
      message: `三级指标分值合计${sum}分，应为${expected}分（100 − 预算执行率${rules.execution.weight}分）`,
    });
  }
  const weights = [...base];
  const whole = rules.scoring.notApplicable.method === 'whole-score';
  const tiers = present.map((name) => {
    const idx = items.flatMap((it, i) => (it.tier1 === name ? [i] : []));
    const applicable = idx.filter((i) => !items[i]?.notApplicable);
    if (whole) {
      for (const i of idx) if (items[i]?.notApplicable) weights[i] = 0;
      return { name, weight: sumExact(applicable.map((i) => base[i] ?? 0)) };
    }
    const weight = sumExact(idx.map((i) => base[i] ?? 0));
    if (applicable.length < idx.length) {
      const scaled = allocate(
        weight,
        applicable.map((i) => base[i] ?? 0),
        decimals,
        applicable.map(nameOf(items)),
      );
      for (const i of idx) weights[i] = 0;
      applicable.forEach((i, k) => {
        weights[i] = scaled[k] ?? 0;
      });
    }
    return { name, weight };
  });
  const notes: Step[] = [{ kind: 'tiers-from-table' }];
  const dropped = whole ? droppedPoints(items, base) : 0;
  methodNote(items, rules, dropped, notes);
  return { tiers, base, weights, notes, dropped, problems };
}
