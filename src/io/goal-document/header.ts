import { assignColumns, type Column, candidates, TITLE } from './columns.js';
import type { Cell } from './lines.js';
import { normLabel } from './text.js';

/**
 * The header's columns and where its cells end. An empty cell between labels is a column of its own (a merged
 * header cell). Two side-by-side sets (中长期 and 年度, each from 一级指标 on) keep the year's set: the one with a
 * 年度/plain 指标值, the later when both have one; the other set's 指标值 is kept as the long-term value, its other
 * columns are skipped. `titles`: each long-term column's label as printed (中期指标值), for the reports.
 */
export function readHeader(cells: Cell[]): { columns: Column[]; titles: (string | undefined)[]; end: number } {
  const labels: (Column[] | null)[] = [];
  const texts: string[] = [];
  const sets: number[] = [0];
  let i = 0;
  for (; i < cells.length; i++) {
    const cell = cells[i] as Cell;
    if (cell.stray) continue;
    if (cell.text === '') {
      const later = cells.slice(i + 1, i + 3).find((c) => c.text !== '');
      if (later && candidates(later.text) && later.row === cell.row) {
        labels.push(null);
        texts.push('');
        continue;
      }
      break;
    }
    const c = candidates(cell.text) ?? placeColumn(cell, labels, cells[0]);
    if (!c) break;
    const setStart = sets[sets.length - 1] as number;
    const single = c.length === 1 ? c[0] : null;
    const repeats = single && single !== 'skip' && single !== 'longTarget';
    if (repeats && labels.slice(setStart).some((l) => l?.length === 1 && l[0] === single)) sets.push(labels.length);
    labels.push(c);
    texts.push(normLabel(cell.text));
  }
  const bounds = sets.map((from, k) => [from, sets[k + 1] ?? labels.length] as const);
  const scored = [...bounds].reverse().find(([a, b]) => labels.slice(a, b).some((l) => l?.includes('target')));
  const other = (k: number) => scored !== undefined && (k < scored[0] || k >= scored[1]);
  const isValue = (l: Column[] | null) => l?.includes('target') || l?.includes('longTarget');
  // A year's set that starts at 二级指标 (东莞: 一级 | 二级 | 三级 | 中期值 | 二级 | 三级 | 年度值) shares the 一级.
  const scoredHasTier1 = scored !== undefined && labels.slice(scored[0], scored[1]).some((l) => l?.[0] === 'tier1');
  const columns = labels.map((l, k): Column[] | null =>
    other(k) ? (isValue(l) ? ['longTarget'] : !scoredHasTier1 && l?.[0] === 'tier1' ? l : null) : l,
  );
  const roles = assignColumns(columns.map((c) => c ?? ['skip']));
  // A long-term column named only 指标值 (in the other set) is named for what it is.
  const titles = roles.map((r, k) =>
    r === 'longTarget'
      ? /长期|中期|全周期/.test(texts[k] ?? '')
        ? texts[k]
        : TITLE.longTarget
      : r === 'placeTarget'
        ? texts[k]
        : undefined,
  );
  return { columns: roles, titles, end: i };
}

/**
 * A header cell after 三级指标 (and its description / direction columns) that names no column role but a place
 * ("西坪镇尧山村", "埭头镇"), on the header's own row, in a header that has no 指标值: a per-place 指标值 column.
 */
function placeColumn(cell: Cell, labels: (Column[] | null)[], first: Cell | undefined): Column[] | null {
  if (first && cell.row !== first.row) return null;
  if (labels.some((l) => l?.includes('target'))) return null;
  if (!labels.some((l) => l?.[0] === 'name')) return null;
  return /^[\u4e00-\u9fff]{2,12}(镇|乡|村|街道|街道办|社区|区|县|市|场|团|连)$/.test(normLabel(cell.text))
    ? ['placeTarget']
    : null;
}
