import { formatISO, parseISO, subDays } from 'date-fns';
import type { IndicatorActual, ProjectActuals } from '../../model/actuals.js';
import type { GoalTable } from '../../model/goals.js';
import { num, round } from '../rounding.js';
import { bindProject } from '../scoring/bind.js';
import { gradeOf, scoreProject } from '../scoring/project.js';
import type { ProjectScore, ScoringRules } from '../scoring/types.js';
import type { WeightPlan } from '../scoring/weights.js';
import { type FullMarks, firstTrue, fullMarks, stepOf } from './full-marks.js';

/** What to reach: a grade (its band's lower bound), a total, or (neither) the next grade up. */
export interface WhatIfGoal {
  grade?: string;
  total?: number;
}

/** One change to the evaluator's entry: an indicator's actual, or the budget's 全年执行数. */
export interface WhatIfChange {
  /** Goal-table row from 1; 0 for the budget. */
  no: number;
  name: string;
  /** What is entered now (raw), or null when blank. */
  from: string | null;
  /** What to enter instead, as it would be written in the actuals file. */
  to: string;
  /** Points the project gains with this change (after the ones before it). */
  gain: number;
}

export interface IndicatorWhatIf {
  no: number;
  name: string;
  target: string;
  weight: number;
  score: number;
  fullMarks: FullMarks;
}

export interface ProjectWhatIf {
  code: string;
  /** As in ProjectScore: `code` is the id the importer made for a table with no 项目编码. */
  codeGenerated?: true;
  name: string;
  current: { total: number; grade: string };
  /** null: already at the top grade and no total was asked for. */
  goal: { total: number; grade: string } | null;
  /** The smallest set of changes found, in the order applied; empty when the goal is met already. */
  changes: WhatIfChange[];
  /** The total and grade with the changes; null when the goal cannot be reached within the formulas. */
  reached: { total: number; grade: string } | null;
  /** The best total any set of changes gives (every indicator and the budget at full marks). */
  best: number;
  indicators: IndicatorWhatIf[];
}

interface Candidate {
  no: number;
  name: string;
  from: string | null;
  /** The entry with this change at full marks, and with a smaller move (k on the answer's grid). */
  apply(e: ProjectActuals): ProjectActuals;
  partial?: { from: number; to: number; apply(e: ProjectActuals, k: number): ProjectActuals; text(k: number): string };
  to: string;
}

/**
 * What-if for one project: per indicator, the actual that gives full marks; and the smallest set of changes that
 * lifts the total to the goal. Every candidate is scored by the engine itself (weights, caps, tier sums, the
 * total's ceiling and rounding): changes are taken in order of what each adds, which is the fewest when the total
 * is a sum, and the last one is cut back to the least move that still reaches the goal.
 */
export function whatIfProject(
  table: GoalTable,
  entry: ProjectActuals,
  rules: ScoringRules,
  want: WhatIfGoal = {},
): ProjectWhatIf {
  const cache = new Map<string, WeightPlan>();
  const score = (e: ProjectActuals) => {
    const s = scoreProject(bindProject(table, e), rules, cache, { explain: false });
    // A partial total has no grade of its own (the project is incomplete); the band it falls in still tells
    // which grade is next.
    return { ...s, grade: s.grade ?? gradeOf(s.total, rules.ruleSet) };
  };
  // The entry in table order (each indicator at its own row), so a change can address a row.
  const bound = bindProject(table, entry);
  const base: ProjectActuals = { ...entry, indicators: bound.indicators.map((b) => b.entry) };
  const now = score(base);
  const goal = goalOf(now.total, now.grade, want, rules);
  const indicators = now.indicators.map((s, i) => ({
    no: s.no,
    name: s.name,
    target: s.target.raw,
    weight: s.weight,
    score: s.score,
    fullMarks: fullMarks(table.indicators[i] as GoalTable['indicators'][number], s.weight, rules),
  }));
  const candidates = candidatesOf(table, base, now, indicators);
  const withAll = candidates.reduce((e, c) => c.apply(e), base);
  const best = score(withAll).total;
  const out: ProjectWhatIf = {
    code: table.code,
    ...(table.codeGenerated ? { codeGenerated: true as const } : {}),
    name: table.name,
    current: { total: now.total, grade: now.grade },
    goal,
    changes: [],
    reached: null,
    best,
    indicators,
  };
  if (goal === null) return out;
  if (now.total >= goal.total) return { ...out, reached: out.current };
  if (best < goal.total) return out;

  // Greatest gain first (each measured alone), then keep adding until the goal is reached.
  const gains = candidates
    .map((c) => ({ c, gain: score(c.apply(base)).total - now.total }))
    .filter((x) => x.gain > 0)
    .sort((x, y) => y.gain - x.gain || x.c.no - y.c.no);
  let e = base;
  let total = now.total;
  for (const { c } of gains) {
    const before = e;
    e = c.apply(e);
    const after = score(e).total;
    let to = c.to;
    if (after >= goal.total && c.partial) {
      const p = c.partial;
      const reaches = (k: number) => score(p.apply(before, k)).total >= goal.total;
      const k = p.from <= p.to ? firstTrue(p.from, p.to, reaches) : lastBelow(p.to, p.from, reaches);
      e = p.apply(before, k);
      to = p.text(k);
    }
    const reached = score(e).total;
    out.changes.push({
      no: c.no,
      name: c.name,
      from: c.from,
      to,
      gain: round(reached - total, { decimals: 6, mode: 'half-up' }),
    });
    total = reached;
    if (total >= goal.total) break;
  }
  const final = score(e);
  return { ...out, reached: final.total >= goal.total ? { total: final.total, grade: final.grade } : null };
}

/** Largest k in [lo, hi] that still reaches (a cost lowered from hi towards lo). */
function lastBelow(lo: number, hi: number, ok: (k: number) => boolean): number {
  let a = lo;
  let b = hi;
  if (ok(b)) return b;
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (ok(mid)) a = mid;
    else b = mid;
  }
  return a;
}

function goalOf(total: number, grade: string, want: WhatIfGoal, rules: ScoringRules) {
  const bands = [...rules.ruleSet.grades.bands].sort((a, b) => a.min - b.min);
  const gradeAt = (t: number) => [...bands].reverse().find((b) => t >= b.min)?.grade ?? '';
  if (want.total !== undefined) return { total: want.total, grade: gradeAt(want.total) };
  if (want.grade !== undefined) {
    const band = bands.find((b) => b.grade === want.grade);
    return band ? { total: band.min, grade: band.grade } : null;
  }
  const next = bands.find((b) => b.min > total && b.grade !== grade);
  return next ? { total: next.min, grade: next.grade } : null;
}

function candidatesOf(
  table: GoalTable,
  base: ProjectActuals,
  now: ProjectScore,
  indicators: IndicatorWhatIf[],
): Candidate[] {
  const out: Candidate[] = [];
  const setRow = (e: ProjectActuals, i: number, patch: Partial<IndicatorActual>): ProjectActuals => {
    const rows = [...e.indicators];
    const { override: _o, grade: _g, score: _s, notApplicable: _n, ...rest } = rows[i] as IndicatorActual;
    rows[i] = { ...rest, ...patch };
    return { ...e, indicators: rows };
  };
  indicators.forEach((w, i) => {
    const s = now.indicators[i];
    if (!s || s.status === 'not-applicable' || s.score >= w.weight || s.override) return;
    const f = w.fullMarks;
    const from = s.actual?.raw ?? (s.grade ? `${s.grade} ${num(s.score)}分` : null);
    const c = { no: w.no, name: w.name, from };
    if (f.kind === 'grade')
      out.push({ ...c, to: `达成，${num(f.score)}分`, apply: (e) => setRow(e, i, { grade: '达成', score: f.score }) });
    else if (f.kind === 'date') {
      const date = f.op === '<' ? formatISO(subDays(parseISO(f.date), 1), { representation: 'date' }) : f.date;
      out.push({ ...c, to: date, apply: (e) => setRow(e, i, { actual: date }) });
    } else if (f.kind === 'number') {
      const ind = table.indicators[i] as GoalTable['indicators'][number];
      const step = stepOf(ind.target as Parameters<typeof stepOf>[0]);
      const write = (k: number) => `${num(Number((k * step).toFixed(10)))}${f.unit ?? ''}`;
      const full = Math.round(f.value / step);
      const current = s.actual?.kind === 'number' ? Math.round(s.actual.value / step) : f.op === '<=' ? full * 4 : 0;
      out.push({
        ...c,
        to: write(full),
        apply: (e) => setRow(e, i, { actual: write(full) }),
        partial: { from: current, to: full, apply: (e, k) => setRow(e, i, { actual: write(k) }), text: write },
      });
    }
  });
  const b = now.budget;
  if (b.score < b.weight) {
    // 全年执行数 equal to 全年预算数 (100%) gives the execution weight under every built-in rule.
    const cents = (x: number) => Math.round(x * 100);
    const write = (k: number) => num(k / 100);
    const withExecuted = (e: ProjectActuals, k: number) => ({ ...e, budget: { ...e.budget, executed: k / 100 } });
    out.push({
      no: 0,
      name: '全年执行数（万元）',
      from: base.budget.executed === undefined ? null : num(base.budget.executed),
      to: write(cents(b.adjusted)),
      apply: (e) => withExecuted(e, cents(b.adjusted)),
      partial: { from: cents(base.budget.executed ?? 0), to: cents(b.adjusted), apply: withExecuted, text: write },
    });
  }
  return out;
}
