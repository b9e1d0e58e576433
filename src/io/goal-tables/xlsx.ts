import { basename } from 'node:path';
import { type Problem, UserError } from '../../errors.js';
import type { GoalDocument } from '../../model/goals.js';
import type { ImportedGoals } from '../goal-document/index.js';
import { blockKind, isUnitCode, isUnitNote } from '../goal-document/tables.js';
import { notGoals } from '../input-kind.js';
import { SHEETS } from '../xlsx/columns.js';
import { columnLetter, type Grid, type GridCell, openWorkbook, sheetGrid } from '../xlsx/grid.js';
import { workbookKind } from '../xlsx/kind.js';
import { type Block, importGoalBlocks, type Placed } from './text.js';

/**
 * 绩效目标表 in an Excel workbook: every sheet, top to bottom, read as the same table grid a Word table has and
 * imported by the text importer (see text.ts). A cell merged across columns counts once, a cell merged down
 * from a row above is an empty cell (as Word's export writes a merged 一级指标), and a row holding one text in
 * its first column (a title such as “1.2025年…绩效目标表” or the department's goal text) is a paragraph.
 */
export async function readXlsxGoals(path: string): Promise<GoalDocument> {
  return (await importXlsxGoals(path)).doc;
}

export async function importXlsxGoals(path: string, opts: { year?: number } = {}): Promise<ImportedGoals> {
  const wb = await openWorkbook(path, '绩效目标表');
  // The workbook `jixiao template` writes: its 资金/指标 sheets are no goal table.
  if (wb.getWorksheet(SHEETS.funds) && wb.getWorksheet(SHEETS.indicators)) throw notGoals(path, 'actuals');
  const grids = wb.worksheets.map((ws) => sheetGrid(ws));
  const file = basename(path);
  // A cell with no value to read (#N/A, a formula never calculated) would otherwise import as an empty cell.
  const problems: Problem[] = grids.flatMap((g) =>
    g.rows.flatMap((row, r) =>
      row.flatMap((c, k) =>
        c.problem
          ? [{ code: 'bad-cell', where: `${file} ${g.name}!${columnLetter(k)}${r + 1}`, message: c.problem }]
          : [],
      ),
    ),
  );
  if (problems.length > 0) throw new UserError(`无法导入 ${file}：发现 ${problems.length} 处问题`, problems);
  try {
    return importGoalBlocks(grids.flatMap(sheetBlocks), { ...opts, source: file });
  } catch (err) {
    // A filled 自评表 or a score result saved as a workbook: name it rather than list its cells as defects.
    const kind = err instanceof UserError ? workbookKind(grids) : null;
    throw kind && kind !== 'goal-document' ? notGoals(path, kind) : err;
  }
}

/** Goal tables have at most a dozen or so columns; rows are padded with empty cells up to this many only. */
const MAX_PADDED_WIDTH = 32;

function sheetBlocks(grid: Grid): Block[] {
  const used = (c: { value: unknown; merge?: string }) => c.value !== null || c.merge === 'up';
  // Tables need not start in column A: the first column anything is in is the left edge. (A loop, not
  // Math.min(...rows): a sheet of a million rows is more arguments than a call takes.)
  let left = Number.POSITIVE_INFINITY;
  for (const row of grid.rows) {
    const i = row.findIndex(used);
    if (i >= 0 && i < left) left = i;
  }
  const blocks: Block[] = [];
  let table: Placed[][] | null = null;
  const rowPlace = (r: number) => `${grid.name} 第 ${r + 1} 行`;
  // Where each table row sits: its sheet row and the column after its last cell, to name padded cells.
  const sheetRow = new Map<Placed[], { r: number; left: number }>();
  grid.rows.forEach((row, r) => {
    const cells: Placed[] = [];
    for (let c = left; c < row.length; c++) {
      const cell = row[c] as GridCell;
      if (cell.merge === 'left') continue;
      const text = cell.value === null ? '' : String(cell.value);
      cells.push({ text, place: `${grid.name}!${columnLetter(c)}${r + 1}` });
    }
    while (cells.length > 0 && cells[cells.length - 1]?.text === '') cells.pop();
    if (cells.length === 0) {
      // A blank row ends a table and stands for an empty paragraph, as between Word tables; a run of them for
      // one (a stray cell in row 1,048,576 would otherwise lay out a million lines).
      const last = blocks[blocks.length - 1];
      if (!table && last?.kind === 'paragraph' && last.line.text === '') return;
      table = null;
      blocks.push({ kind: 'paragraph', line: { text: '', place: rowPlace(r) } });
      return;
    }
    const only = cells.length === 1 ? (cells[0]?.text ?? '') : null;
    if (only !== null && isParagraph(only)) {
      table = null;
      blocks.push({ kind: 'paragraph', line: { text: only, place: rowPlace(r) } });
      return;
    }
    if (!table) {
      table = [];
      blocks.push({ kind: 'table', rows: table });
    }
    table.push(cells);
    sheetRow.set(cells, { r, left: left + cells.length });
  });
  // A row's empty cells at the right were dropped to tell paragraphs from rows; a table row keeps them, as Word's
  // export writes an empty cell: every row is as wide as the table's widest.
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    // At most a goal table's width: a stray cell far right must not pad every row to thousands of cells.
    let width = 0;
    for (const r of b.rows) width = Math.max(width, r.length);
    width = Math.min(width, MAX_PADDED_WIDTH);
    for (const row of b.rows) {
      const at = sheetRow.get(row);
      for (let c = row.length; c < width && at; c++, at.left++) {
        row.push({ text: '', place: `${grid.name}!${columnLetter(at.left)}${at.r + 1}` });
      }
    }
  }
  return blocks;
}

/** One text alone in the first column: a paragraph, unless it is a table label or the unit row. */
function isParagraph(text: string): boolean {
  return blockKind(text, null) === null && !isUnitCode(text) && !isUnitNote(text);
}
