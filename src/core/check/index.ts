import type { GoalDocument } from '../../model/goals.js';
import { costAgainstBudget, costWithGte, nameDiffersFromBudget } from './cost.js';
import { descriptionMismatch } from './description.js';
import { boilerplate, duplicateIndicator } from './duplicates.js';
import { type Check, type Finding, type FindingProject, makeContext } from './finding.js';
import { nameTargetMismatch, operatorMissing, placeholderLeft } from './foreign.js';
import {
  basisMissing,
  budgetNotPositive,
  budgetSplit,
  duplicateProjectCode,
  planIncomplete,
  planNotMonotone,
} from './table.js';
import { percentAbove100, reverseWithGte, targetInvalid, targetReadAs, targetVague } from './targets.js';
import { satisfactionSubject, tier1Missing, tier2Misfit } from './tiers.js';
import { timelinessTarget } from './timeliness.js';

export {
  type Check,
  type CheckContext,
  Finding,
  FindingIndicator,
  FindingProject,
  type FindingSummary,
  SEVERITY_LABEL,
  Severity,
  summarise,
} from './finding.js';

/** Every check of the target review (绩效目标审核). Each is linear in the document; order here is irrelevant. */
export const CHECKS: readonly Check[] = [
  targetInvalid,
  targetReadAs,
  targetVague,
  percentAbove100,
  reverseWithGte,
  costAgainstBudget,
  costWithGte,
  nameDiffersFromBudget,
  descriptionMismatch,
  duplicateIndicator,
  boilerplate,
  tier2Misfit,
  tier1Missing,
  satisfactionSubject,
  timelinessTarget,
  planNotMonotone,
  planIncomplete,
  budgetSplit,
  budgetNotPositive,
  basisMissing,
  duplicateProjectCode,
  placeholderLeft,
  operatorMissing,
  nameTargetMismatch,
];

export interface CheckOptions {
  /** 一级指标 names from the rule set (ruleSet.tiers.weights keys). */
  tierNames: string[];
}

/**
 * Review a goal document: findings in project order, then indicator row (project-wide findings first), then
 * code. Pure and deterministic; linear in projects × indicators (cross-project checks use maps).
 */
export function checkGoals(doc: GoalDocument, opts: CheckOptions): Finding[] {
  return review(doc, opts).findings;
}

/** The same findings, one list per project, aligned with doc.projects (clean projects get an empty list). */
export function checkByProject(doc: GoalDocument, opts: CheckOptions): Finding[][] {
  const { findings, starts } = review(doc, opts);
  return doc.projects.map((_, p) => findings.slice(starts[p], starts[p + 1]));
}

/**
 * Run every check, then order the findings with a counting sort by project (no per-project arrays: a
 * document may hold 100,000 projects) and a small sort within each project. `starts[p]` is where project p's
 * findings begin.
 */
function review(doc: GoalDocument, opts: CheckOptions): { findings: Finding[]; starts: Int32Array } {
  const ctx = makeContext(doc, opts.tierNames);
  const position = new Map<FindingProject, number>(ctx.projects.map((ref, p) => [ref, p]));
  const all: Finding[] = [];
  for (const check of CHECKS) for (const f of check(doc, ctx)) all.push(f);
  const at = new Int32Array(all.length);
  const starts = new Int32Array(ctx.projects.length + 1);
  all.forEach((f, k) => {
    const p = position.get(f.project);
    if (p === undefined) throw new Error(`internal: finding ${f.code} names a project outside the document`);
    at[k] = p;
    starts[p + 1] = (starts[p + 1] ?? 0) + 1;
  });
  for (let p = 1; p < starts.length; p++) starts[p] = (starts[p] ?? 0) + (starts[p - 1] ?? 0);
  const next = starts.slice(0, -1);
  const findings = new Array<Finding>(all.length);
  all.forEach((f, k) => {
    const p = at[k] ?? 0;
    findings[next[p] ?? 0] = f;
    next[p] = (next[p] ?? 0) + 1;
  });
  for (let p = 0; p + 1 < starts.length; p++) sortRange(findings, starts[p] ?? 0, starts[p + 1] ?? 0);
  return { findings, starts };
}

/** Row first (project-wide findings, without a row, come first), then code. */
const after = (a: Finding, b: Finding) => {
  const d = (a.indicator?.no ?? 0) - (b.indicator?.no ?? 0);
  return d > 0 || (d === 0 && a.code > b.code);
};

/**
 * Stable sort of one project's findings, in place. Insertion sort: a project has a handful of findings, and
 * the built-in sort on 100,000 slices costs more than the sorting. Long runs fall back to the built-in.
 */
function sortRange(a: Finding[], from: number, to: number): void {
  if (to - from > 64) {
    const sorted = a.slice(from, to).sort((x, y) => (after(x, y) ? 1 : after(y, x) ? -1 : 0));
    for (let k = from; k < to; k++) a[k] = sorted[k - from] as Finding;
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const f = a[k] as Finding;
    let j = k - 1;
    while (j >= from && after(a[j] as Finding, f)) {
      a[j + 1] = a[j] as Finding;
      j--;
    }
    a[j + 1] = f;
  }
}
