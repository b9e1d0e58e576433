import Table from 'cli-table3';
import { displayWidth, wrapText } from './width.js';

export { displayWidth };

/**
 * Terminal tables that fit a 100-column terminal: fixed column widths that add up (with the borders) to at most
 * WIDTH, text wrapped inside its cell. A CJK character takes two columns, as terminals draw it.
 */
export const WIDTH = 100;

export type Cell = string | { content: string; colSpan: number };

/** `widths` include each cell's padding; their sum plus the borders must not exceed WIDTH. */
export function textTable(head: string[], widths: number[], rows: Cell[][]): string {
  const used = widths.reduce((a, b) => a + b, 0) + widths.length + 1;
  if (used > WIDTH) throw new Error(`terminal table ${used} columns wide (limit ${WIDTH})`);
  const heads = head.map((h, k) => breakText(h, (widths[k] ?? 3) - 2));
  const t = new Table({ head: heads, colWidths: widths, style: { head: [], border: [] } });
  // Cells are broken here, by display width: cli-table3 counts a CJK character as one column and cuts it off.
  for (const r of rows) {
    let col = 0;
    t.push(
      r.map((c) => {
        const span = typeof c === 'string' ? 1 : c.colSpan;
        const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0) + span - 1 - 2;
        col += span;
        return typeof c === 'string' ? breakText(c, width) : { ...c, content: breakText(c.content, width) };
      }),
    );
  }
  return t.toString();
}

/** Cell text within `width` columns: words and numbers whole, punctuation kept with its neighbour. */
const breakText = wrapText;

/** A line of free text broken to at most WIDTH columns; continuation lines are indented by `indent`. */
export function wrapLine(text: string, indent = 2): string {
  const [first = '', ...rest] = wrapText(text, WIDTH - indent).split('\n');
  return [first, ...rest.map((r) => ' '.repeat(indent) + r)].join('\n');
}
