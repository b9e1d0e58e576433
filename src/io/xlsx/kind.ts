import { type InputKind, textKind } from '../input-kind.js';
import { cellText, type Grid } from './grid.js';

/** What a workbook holds, from the text of each sheet's first rows (a title such as “…绩效目标申报表”). */
export function workbookKind(grids: Grid[]): InputKind | null {
  for (const g of grids) {
    const head = g.rows
      .slice(0, 12)
      .map((row) => row.map(cellText).join('\t'))
      .join('\n');
    const kind = textKind(head);
    if (kind) return kind;
  }
  return null;
}
