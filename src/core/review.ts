import type { IndicatorActual } from '../model/actuals.js';
import type { ReviewNote, RowNote } from './review-notes.js';
import { rowErrors, runEngine } from './review-run.js';
import { tableWeights } from './review-weights.js';
import { sumExact } from './rounding.js';
import type { IndicatorScore, ProjectScore, ScoringRules } from './scoring/index.js';
import { gradeOf } from './scoring/project.js';
import type { Step } from './scoring/steps.js';
import { parseTarget } from './target/parse.js';

/**
 * 复核: re-score a filled 自评表 with the real scoring engine, indicator by indicator beside the unit's own
 * score. Pure: the table's cells in, the comparison out. An indicator the engine cannot score (blank target or
 * actual, unreadable value, a grade score outside its band) is reported as not re-scorable with the reason,
 * and counts in the total at its self score, as a note says; it is never silently zero.
 */

export interface ReviewRow {
  tier1: string;
  tier1Weight?: number;
  tier2: string;
  name: string;
  target: string;
  actual: string;
  weight?: number;
  selfScore?: number;
  /** 偏差原因分析及改进措施 */
  note?: string;
}

export interface ReviewTable {
  project: string;
  year: number | null;
  budget: { initial?: number; adjusted?: number; executed?: number; weight?: number; selfScore?: number };
  rows: ReviewRow[];
  selfTotal?: number;
}

export interface ReviewedIndicator {
  tier1: string;
  tier2: string;
  name: string;
  target: string;
  actual: string;
  weight: number;
  selfScore: number | null;
  /** The rule's score; null when the row cannot be re-scored. */
  score: number | null;
  /** selfScore − score: positive when the unit scored itself higher than the rule. */
  gap: number | null;
  /** How the engine reached its score (src/report formats them); empty when not re-scored. */
  steps: Step[];
  /** The review's own notes: why a row is not re-scorable, a self score refused, the gap (src/report words them). */
  why: RowNote[];
}

export interface Review {
  project: string;
  ruleSet: { id: string; label: string };
  indicators: ReviewedIndicator[];
  budget: {
    rate: number | null;
    weight: number;
    selfScore: number | null;
    score: number | null;
    steps: Step[];
    why: RowNote[];
  };
  selfTotal: number | null;
  total: number;
  grade: string;
  notes: ReviewNote[];
  /** How the engine formed its total beyond the sum (tier weights moved, rounding). */
  totalSteps: Step[];
}

const GRADES = ['达成', '部分达成', '未达成'] as const;

export interface ReviewOptions {
  /** The budget year to assume when the table states none (the CLI passes the current year): core reads no clock. */
  assumedYear: number;
  /** The user named assumedYear (--year): say so when the table's own year wins over it. */
  yearGiven?: boolean;
}

export function reviewTable(table: ReviewTable, rules: ScoringRules, opts: ReviewOptions): Review {
  const r = rules.ruleSet;
  const weights = tableWeights(table.rows, table.budget, r);
  const notes = [...weights.notes];
  // Targets and actuals without a year ("12月底前", "11月底") are read in the table's year, else the assumed one.
  const year = table.year ?? opts.assumedYear;
  if (table.year === null) notes.push({ kind: 'year-assumed', year });
  else if (opts.yearGiven && opts.assumedYear !== table.year)
    notes.push({ kind: 'year-stated', year: table.year, given: opts.assumedYear });
  const b = table.budget;
  const adjusted = b.adjusted ?? b.initial;
  // A budget of 0 or below (a typing slip) gives no execution rate: the engine would refuse the whole table.
  const budgetWhy: RowNote | null =
    b.executed === undefined
      ? { kind: 'budget-missing', missing: 'executed' }
      : !(adjusted !== undefined && adjusted > 0)
        ? { kind: 'budget-missing', missing: 'budget' }
        : null;

  // Rows the engine gets, with the entry for each; the rest carry the reason they cannot be re-scored.
  const excluded = new Map<number, RowNote>();
  const retried = new Map<number, RowNote>();
  const entries = table.rows.map((row, i): IndicatorActual => {
    if (row.target === '') excluded.set(i, { kind: 'target-blank' });
    else if (row.actual === '') excluded.set(i, { kind: 'actual-blank' });
    const e: IndicatorActual = { name: row.name, tier2: row.tier2, ...(row.note ? { reason: row.note } : {}) };
    const na = /^不适用[:：]?\s*(.*)$/.exec(row.actual);
    if (na) e.notApplicable = na[1] || '不适用';
    else if ((GRADES as readonly string[]).includes(row.actual)) e.grade = row.actual as (typeof GRADES)[number];
    else e.actual = row.actual;
    const qualitative = parseTarget(row.target, { year }).direction === 'qualitative';
    if (row.selfScore !== undefined && (e.grade || qualitative)) e.score = row.selfScore;
    return e;
  });

  // One engine run: every row it is given comes back scored, or invalid with its problems (never a retry).
  const included = table.rows.flatMap((_, i) => (excluded.has(i) ? [] : [i]));
  const result = runEngine(table, included, entries, weights.rows, budgetWhy ? null : weights.execution, rules, year);
  const score = result.evaluation.projects[0] as ProjectScore;
  const warnings = rowErrors(result.warnings, included, table.rows, notes);
  const top = r.scoring.qualitative.bands.find((band) => band.max >= 1)?.grade;
  const byRow = new Map<number, IndicatorScore>();
  const steps = new Map<number, Step[]>();
  const gradeOnly: number[] = [];
  included.forEach((row, k) => {
    const s = score.indicators[k] as IndicatorScore;
    if (s.status !== 'invalid') {
      byRow.set(row, s);
      steps.set(row, s.explanation.steps);
      return;
    }
    const problems = s.problems.map((x) => x.message);
    const self = entries[row]?.score;
    if (
      self !== undefined &&
      s.grade !== undefined &&
      s.grade === top &&
      s.problems.every((x) => x.code === 'qualitative')
    ) {
      // The self score is outside the top grade's band: the grade alone scores the band's top, and the note says why.
      retried.set(row, { kind: 'self-score-refused', self, problems });
      byRow.set(row, { ...s, status: 'met', score: s.weight, ruleScore: s.weight });
      steps.set(row, [{ kind: 'grade-top', grade: s.grade, score: s.weight }]);
      gradeOnly.push(s.weight);
    } else excluded.set(row, { kind: 'not-rescorable', problems });
  });

  const indicators = table.rows.map((row, i): ReviewedIndicator => {
    const s = byRow.get(i);
    const self = row.selfScore ?? null;
    const out: ReviewedIndicator = {
      tier1: row.tier1,
      tier2: row.tier2,
      name: row.name,
      target: row.target,
      actual: row.actual,
      weight: s?.weight ?? weights.rows[i] ?? 0,
      selfScore: self,
      score: s ? s.score : null,
      gap: s && self !== null ? sumExact([self, -s.score]) : null,
      steps: steps.get(i) ?? [],
      why: s ? [] : [excluded.get(i) ?? { kind: 'not-rescorable', problems: [] }],
    };
    const retry = retried.get(i);
    if (retry) out.why.unshift(retry);
    if (s && s.weight !== weights.rows[i])
      out.why.push({ kind: 'weight-reshared', from: weights.rows[i] ?? 0, to: s.weight });
    for (const message of warnings.get(i) ?? []) out.why.push({ kind: 'warning', message });
    if (self === null) out.why.push({ kind: 'self-score-missing' });
    else if (out.gap) out.why.push({ kind: 'gap', self, score: out.score ?? 0, gap: out.gap });
    return out;
  });

  const budget: Review['budget'] = budgetWhy
    ? {
        rate: null,
        weight: weights.execution,
        selfScore: b.selfScore ?? null,
        score: null,
        steps: [],
        why: [budgetWhy],
      }
    : {
        rate: score.budget.rate,
        weight: weights.execution,
        selfScore: b.selfScore ?? null,
        score: score.budget.score,
        steps: score.budget.explanation.steps,
        why: [],
      };
  if (budget.score !== null && budget.selfScore !== null && budget.score !== budget.selfScore) {
    budget.why.push({ kind: 'budget-gap', self: budget.selfScore, score: budget.score });
  }

  // Rows the engine could not score count at their self score, openly.
  const carried = [...indicators.filter((x) => x.score === null).map((x) => x.selfScore ?? 0)];
  if (budget.score === null) carried.push(budget.selfScore ?? 0);
  const total = sumExact([score.total, ...carried, ...gradeOnly]);
  const unscored = indicators.filter((x) => x.score === null).length + (budget.score === null ? 1 : 0);
  if (unscored > 0) notes.push({ kind: 'carried', count: unscored, points: sumExact(carried) });
  const selfSum = sumExact([b.selfScore ?? 0, ...table.rows.map((x) => x.selfScore ?? 0)]);
  if (table.selfTotal === undefined) notes.push({ kind: 'self-total-missing', sum: selfSum });
  else if (table.selfTotal !== selfSum) notes.push({ kind: 'self-total-sum', total: table.selfTotal, sum: selfSum });
  return {
    project: table.project,
    ruleSet: { id: r.id, label: r.label },
    indicators,
    budget,
    selfTotal: table.selfTotal ?? selfSum,
    total,
    grade: gradeOf(total, r),
    notes,
    totalSteps: score.totalExplanation.slice(1),
  };
}
