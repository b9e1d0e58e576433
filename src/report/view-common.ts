import type { IndicatorScore } from '../core/scoring/types.js';
import type { GoalDocument, GoalTable } from '../model/goals.js';
import { fmtActual, NOT_IN_TABLE, shownCode } from './format.js';

/** The header rows every project form starts with (项目名称, 主管部门, 实施单位). */
export interface ProjectHeaderView {
  /** The 项目编码 as printed (未填写项目编码 for a table that has none). */
  code: string;
  /** The project's id in the goals and actuals (its code, or the one the importer made): for lookups, not print. */
  id: string;
  name: string;
  department: string;
  unit: string;
  year: string;
}

/** A merged cell: printed on the first row of its run, spanning `rowspan` rows; null on the rows it covers. */
export interface SpanCell {
  label: string;
  /** A second line under the label, e.g. the tier weight "(50分)"; empty when there is none. */
  note: string;
  rowspan: number;
}

/** Narrative text as data: the templates print headings, paragraphs and list items, nothing more. */
export interface BlockView {
  subtitle: string | null;
  paragraphs: string[];
  items: string[];
}

export interface SectionView {
  title: string;
  blocks: BlockView[];
}

export function projectHeader(
  code: string,
  name: string,
  table: GoalTable | undefined,
  goals: GoalDocument,
): ProjectHeaderView {
  const department = goals.department.unitName ?? table?.unitName ?? NOT_IN_TABLE;
  return {
    code: shownCode({ code, ...(table?.codeGenerated ? { codeGenerated: true as const } : {}) }),
    id: code,
    name,
    department,
    unit: table?.unitName ?? goals.department.unitName ?? NOT_IN_TABLE,
    year: `${table?.year ?? goals.year}年度`,
  };
}

/**
 * What the table printed beside the year's set: its 中长期 / 中期目标 and each row's long-term 指标值, with the
 * year's value it stands beside ("维修改造供水工程：中期指标值 ≥30处（年度指标值 ≥10处）").
 */
export function longTermLines(t: GoalTable): string[] {
  const goals = t.longGoals ? t.longGoals.items.map((g) => `${t.longGoals?.label}：${g}`) : [];
  const rows = t.indicators.flatMap((i) =>
    (i.longTerm ?? []).map((l) => `${i.name}：${l.label} ${l.raw}（年度指标值 ${i.target.raw || '（空）'}）`),
  );
  return [...goals, ...rows];
}

export const block = (subtitle: string | null, paragraphs: string[] = [], items: string[] = []): BlockView => ({
  subtitle,
  paragraphs,
  items,
});

/**
 * Merged tier cells for the official layout: consecutive rows with the same 一级 share one cell, and within it
 * consecutive rows with the same 二级 share one. `note1` gives a tier-1 cell its second line.
 */
export function spans<T extends { tier1: string; tier2: string }>(
  rows: readonly T[],
  note1: (tier1: string) => string = () => '',
): { tier1Cell: SpanCell | null; tier2Cell: SpanCell | null }[] {
  const out = rows.map(() => ({ tier1Cell: null as SpanCell | null, tier2Cell: null as SpanCell | null }));
  let i = 0;
  while (i < rows.length) {
    const t1 = rows[i]?.tier1;
    let end = i;
    while (end < rows.length && rows[end]?.tier1 === t1) end++;
    const first = out[i];
    if (first) first.tier1Cell = { label: t1 ?? '', note: note1(t1 ?? ''), rowspan: end - i };
    let j = i;
    while (j < end) {
      const t2 = rows[j]?.tier2;
      let k = j;
      while (k < end && rows[k]?.tier2 === t2) k++;
      const cell = out[j];
      if (cell) cell.tier2Cell = { label: t2 ?? '', note: '', rowspan: k - j };
      j = k;
    }
    i = end;
  }
  return out;
}

/** Items numbered as the official forms print them: "1. …". */
export const numbered = (xs: readonly string[]) => xs.map((x, i) => `${i + 1}. ${x}`);

/** A Chinese list joined with 、, or the fallback when empty. */
export const listOr = (xs: readonly string[], empty: string) => (xs.length > 0 ? xs.join('、') : empty);

/** 实际完成值 as printed: the value written, the grade of a graded row, or 不适用. */
export function actualText(i: Pick<IndicatorScore, 'status' | 'actual' | 'grade'>): string {
  if (i.status === 'not-applicable') return '不适用';
  if (i.actual === null) return i.grade ?? fmtActual(null);
  return i.grade ? `${fmtActual(i.actual)}（${i.grade}）` : fmtActual(i.actual);
}
