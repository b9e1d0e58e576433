import { type Problem, UserError } from '../../errors.js';
import type { GoalDocument } from '../../model/goals.js';
import { type ImportedGoals, importGoalText, type ParseOptions } from '../goal-document/index.js';

/**
 * Goal tables from Word or Excel go through the same importer as the text export: the document is laid out as
 * the text Word's "save as plain text" writes (a paragraph per line; a table cell per line starting with a tab;
 * a blank line between rows; a vertically merged cell as an empty cell) and handed to parseGoalDocument. One
 * parser, so a .docx, an .xlsx and a .txt of the same tables import to the same GoalDocument. Line numbers in
 * problems are then put back into places the user can find: “表格 2 第 5 行”, “指标!C14”.
 */

export interface Placed {
  text: string;
  /** Where it is in the original file, for messages. */
  place: string;
}

export type Block = { kind: 'paragraph'; line: Placed } | { kind: 'table'; rows: Placed[][] };

export interface Layout {
  text: string;
  /** places[n - 1] is where line n came from. */
  places: string[];
}

export function layoutBlocks(blocks: Block[]): Layout {
  const lines: string[] = [];
  const places: string[] = [];
  const push = (text: string, place: string) => {
    lines.push(text);
    places.push(place);
  };
  let previous: Block['kind'] | null = null;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      for (const part of block.line.text.split('\n')) push(part, block.line.place);
    } else {
      // Two tables with nothing between them: a blank line, as between rows, keeps them apart for the reader.
      if (previous === 'table') push('', '');
      block.rows.forEach((row, r) => {
        if (r > 0) push('', row[0]?.place ?? '');
        for (const cell of row) {
          const [first = '', ...more] = cell.text.split('\n');
          push(`\t${first}`, cell.place);
          // Later paragraphs of a cell: lines right under it, which the reader joins to the cell (a blank
          // line would end the row, so empty paragraphs are left out).
          for (const m of more) if (m.trim() !== '') push(m, cell.place);
        }
      });
    }
    previous = block.kind;
  }
  return { text: `${lines.join('\n')}\n`, places };
}

/** Import laid-out blocks; problems name places in the original file instead of lines of the layout. */
export function parseGoalBlocks(blocks: Block[], source: string): GoalDocument {
  return importGoalBlocks(blocks, { source }).doc;
}

export function importGoalBlocks(blocks: Block[], opts: ParseOptions & { source: string }): ImportedGoals {
  const { text, places } = layoutBlocks(blocks);
  const place = (p: Problem): Problem => ({
    ...p,
    ...(p.where ? { where: relocate(p.where, places) } : {}),
    // The text export's advice (tabs, blank lines) means nothing in a Word or Excel table.
    ...(p.code === 'stray-text' ? { message: p.message.replace(/：表格单元格应以制表符开头.*$/, TABLE_HINT) } : {}),
  });
  try {
    const { doc, warnings } = importGoalText(text, opts);
    return { doc, warnings: warnings.map(place) };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    throw new UserError(err.message, err.problems.map(place), err.exitCode);
  }
}

const TABLE_HINT = '：它不属于表中任何一栏（请放进对应的单元格，或删去）';

function relocate(where: string, places: string[]): string {
  return where.replace(/第 (\d+)–(\d+) 行/, '全文').replace(/第 (\d+) 行/, (all, n: string) => {
    const place = places[Number(n) - 1];
    return place ? place : all;
  });
}
