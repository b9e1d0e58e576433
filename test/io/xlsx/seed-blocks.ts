import { splitLines } from '../../../src/io/goal-document/lines.js';
import { isTableHeading } from '../../../src/io/goal-document/tables.js';

/**
 * The seed document's paragraphs and tables, recovered from its text export: the inverse of the layout the
 * .docx/.xlsx importers produce, so a Word or Excel file built from these blocks holds the seed's tables.
 * A first cell left empty under a filled one is a vertical merge (the merged 一级指标 / 预算规模 label).
 */

export type SeedBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: SeedCell[][] };
export interface SeedCell {
  text: string;
  /** Rows this cell spans (1 = not merged); 0 = covered by a merge from above. */
  rowSpan: number;
}

const isCellLine = (l: string) => /^[^\S\t]*\t/.test(l);

export function seedBlocks(text: string): SeedBlock[] {
  const lines = splitLines(text);
  if (lines[lines.length - 1] === '') lines.pop();
  const blocks: SeedBlock[] = [];
  let table: SeedCell[][] | null = null;
  let row: SeedCell[] | null = null;
  lines.forEach((line, i) => {
    if (isCellLine(line)) {
      if (!table) {
        table = [];
        blocks.push({ kind: 'table', rows: table });
      }
      if (!row) {
        row = [];
        table.push(row);
      }
      // "\tX\t\t": the tabs after the last cell are export noise, not cells.
      const pieces = line
        .replace(/^[^\S\t]*\t/, '')
        .replace(/\t+$/, '')
        .split('\t');
      for (const p of pieces) row.push({ text: p.trim(), rowSpan: 1 });
    } else if (line.trim() === '' && table && isCellLine(lines[i + 1] ?? '')) {
      row = null;
    } else {
      if (table && line.trim() !== '' && !isTableHeading(line.replace(/\[bookmark:[^\]]*\]/, '').trim())) {
        const last = row?.[row.length - 1];
        if (last) last.text = `${last.text}\n${line}`;
        return;
      }
      table = null;
      row = null;
      blocks.push({ kind: 'paragraph', text: line.replace(/\[bookmark:[^\]]*\]/, '').trim() });
    }
  });
  for (const b of blocks) if (b.kind === 'table') markMerges(b.rows);
  return blocks;
}

function markMerges(rows: SeedCell[][]): void {
  let master: SeedCell | null = null;
  for (const r of rows) {
    const first = r[0];
    if (!first) continue;
    if (first.text === '' && master) {
      master.rowSpan++;
      first.rowSpan = 0;
    } else master = first.text === '' ? null : first;
  }
}
