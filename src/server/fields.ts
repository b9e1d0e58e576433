import type { z } from 'zod';
import { type IndicatorActual, ProjectActuals } from '../model/actuals.js';
import type { GoalTable } from '../model/goals.js';

/**
 * A project's entry as the page reads it from the file: like the CLI's, but a half-filled file (全年执行数 still
 * blank, as the template leaves it) is read too; scoring says what is missing.
 */
export const DraftProject = ProjectActuals.extend({ budget: ProjectActuals.shape.budget.partial() });
export type DraftProject = z.infer<typeof DraftProject>;

/**
 * The page edits one project as flat cells: `budget.executed`, `achievement`, `indicators.3.actual` (row of the
 * goal table, from 0). These helpers turn a project's entry into cells and back; the same field names are what
 * a save changes in the actuals file.
 */
export type Fields = Record<string, string>;

/** Cells the page may change: an indicator's entry, budget figures (and the overall achievement). */
export const INDICATOR_FIELDS = [
  'actual',
  'notApplicable',
  'grade',
  'score',
  'reason',
  'remedy',
  'evidence',
  'likelihood',
  'cause',
] as const;
export const BUDGET_FIELDS = ['initial', 'adjusted', 'executed', 'reason', 'forecast'] as const;

/** The entry's cells, goal-table rows matched as the scorer matches them (own row first, then by name). */
export function entryFields(table: GoalTable, entry: DraftProject | undefined): Fields {
  const f: Fields = {};
  if (!entry) return f;
  const put = (k: string, v: unknown) => {
    if (v !== undefined && v !== null && v !== '') f[k] = String(v);
  };
  for (const k of BUDGET_FIELDS) put(`budget.${k}`, entry.budget[k]);
  put('achievement', entry.achievement);
  const used = new Set<number>();
  table.indicators.forEach((ind, row) => {
    const same = (e: IndicatorActual | undefined, k: number) =>
      e !== undefined && !used.has(k) && e.name === ind.name && (!e.tier2 || e.tier2 === ind.tier2);
    let k = same(entry.indicators[row], row) ? row : -1;
    if (k < 0) k = entry.indicators.findIndex((e, i) => same(e, i));
    if (k < 0) return;
    used.add(k);
    const e = entry.indicators[k] as IndicatorActual;
    for (const key of INDICATOR_FIELDS) put(`indicators.${row}.${key}`, e[key]);
  });
  return f;
}

/** Cells back into an entry the core scores; budget amounts and in-band scores become numbers. */
export function fieldsEntry(table: GoalTable, fields: Fields): { entry: ProjectActuals; budgetMissing: boolean } {
  const get = (k: string) => {
    const v = fields[k];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const numeric = (k: string) => {
    const v = get(k);
    return v === undefined ? undefined : Number(v.replace(/,/g, ''));
  };
  const executed = numeric('budget.executed');
  const budget: ProjectActuals['budget'] = { executed: executed ?? 0 };
  for (const k of ['initial', 'adjusted', 'forecast'] as const) {
    const v = numeric(`budget.${k}`);
    if (v !== undefined) budget[k] = v;
  }
  const reason = get('budget.reason');
  if (reason) budget.reason = reason;
  const names = table.indicators.map((i) => i.name);
  const indicators = table.indicators.map((ind, row) => {
    const e: Record<string, unknown> = { name: ind.name };
    if (names.indexOf(ind.name) !== names.lastIndexOf(ind.name)) e.tier2 = ind.tier2;
    for (const key of INDICATOR_FIELDS) {
      const v = get(`indicators.${row}.${key}`);
      if (v !== undefined) e[key] = key === 'score' ? Number(v) : v;
    }
    return e as IndicatorActual;
  });
  const entry: ProjectActuals = { code: table.code, budget, indicators };
  const achievement = get('achievement');
  if (achievement) entry.achievement = achievement;
  return { entry, budgetMissing: executed === undefined };
}
