import type { Problem } from '../../errors.js';
import { parseAmount, quote } from '../goal-document/text.js';
import type { Column } from './columns.js';
import { cellText, type Grid, type GridCell, headerKey } from './grid.js';

/**
 * A sheet read as records: the header row found by its labels (columns in any order), then one record per
 * non-blank row. Every problem names the sheet, the row and the column (“指标 第14行 实际完成值”) and is
 * collected, so a user sees all of them after one run.
 */

export interface SheetRecord {
  /** Spreadsheet row number, from 1. */
  row: number;
  cells: GridCell[];
}

export class SheetReader<K extends string> {
  readonly records: SheetRecord[] = [];
  private readonly index = new Map<K, { col: number; header: string }>();

  private constructor(
    readonly grid: Grid,
    private readonly problems: Problem[],
  ) {}

  /**
   * The header is the first of the top ten rows holding every required column. Missing required columns are
   * one problem for the sheet (listing what was found), and the sheet is not read further: null.
   */
  static open<K extends string>(grid: Grid, columns: Column<K>[], problems: Problem[]): SheetReader<K> | null {
    const reader = new SheetReader<K>(grid, problems);
    const keysOf = (row: GridCell[]) => row.map((c) => headerKey(cellText(c)));
    const required = columns.filter((c) => c.required);
    const matches = (c: Column<K>, key: string) => [c.header, ...(c.aliases ?? [])].some((h) => headerKey(h) === key);
    const top = grid.rows.slice(0, 10);
    const at = top.findIndex((row) => required.every((c) => keysOf(row).some((k) => matches(c, k))));
    if (at < 0) {
      const first = top.find((row) => row.some((c) => cellText(c) !== '')) ?? [];
      const found = first.map(cellText).filter((t) => t !== '');
      const missing = required.filter((c) => !first.some((cell) => matches(c, headerKey(cellText(cell)))));
      problems.push({
        code: 'missing-column',
        where: `${grid.name} 第1行（表头）`,
        message: `缺少${missing.map((c) => `“${c.header}”`).join('、')}列（表头应包含 ${columns.map((c) => c.header).join('、')}；现有 ${found.join('、') || '（空）'}）。列可以调整顺序，但不能改名`,
      });
      return null;
    }
    const header = grid.rows[at] ?? [];
    header.forEach((cell, col) => {
      const key = headerKey(cellText(cell));
      const c = columns.find((x) => matches(x, key));
      if (c && !reader.index.has(c.key)) reader.index.set(c.key, { col, header: c.header });
    });
    grid.rows.forEach((cells, r) => {
      if (r > at && cells.some((c) => c.value !== null || c.problem)) reader.records.push({ row: r + 1, cells });
    });
    return reader;
  }

  has(key: K): boolean {
    return this.index.has(key);
  }

  where(rec: SheetRecord, key: K): string {
    return `${this.grid.name} 第${rec.row}行 ${this.index.get(key)?.header ?? key}`;
  }

  problem(rec: SheetRecord, key: K, code: string, message: string): void {
    this.problems.push({ code, where: this.where(rec, key), message });
  }

  private cell(rec: SheetRecord, key: K): GridCell | undefined {
    const at = this.index.get(key);
    if (at === undefined) return undefined;
    const cell = rec.cells[at.col];
    if (cell?.problem) {
      this.problem(rec, key, 'bad-cell', cell.problem);
      return undefined;
    }
    return cell;
  }

  /** Whether the cell is empty (nothing reported either way). */
  isBlank(rec: SheetRecord, key: K): boolean {
    const at = this.index.get(key);
    const cell = at === undefined ? undefined : rec.cells[at.col];
    return !cell || (cell.value === null && !cell.problem);
  }

  /** The raw value (string or number), undefined when blank. */
  value(rec: SheetRecord, key: K): string | number | undefined {
    return this.cell(rec, key)?.value ?? undefined;
  }

  text(rec: SheetRecord, key: K): string | undefined {
    const t = cellText(this.cell(rec, key));
    return t === '' ? undefined : t;
  }

  /** A number cell: "48.6", 48.6, "48.6万元", "8.5分"; text that is no number, or a negative one, is a problem. */
  number(rec: SheetRecord, key: K): number | undefined {
    const v = this.value(rec, key);
    if (v === undefined) return v;
    const n = typeof v === 'number' ? v : parseAmount(v.replace(/分$/, ''));
    if (n === undefined) this.problem(rec, key, 'not-a-number', `${quote(String(v))} 不是数字`);
    else if (n !== null && n < 0) this.problem(rec, key, 'negative', `${n} 不能是负数`);
    else return n ?? undefined;
    return undefined;
  }

  /** One of a fixed list (drop-down columns); anything else is a problem. */
  oneOf<T extends string>(rec: SheetRecord, key: K, list: readonly T[]): T | undefined {
    const t = this.text(rec, key);
    if (t === undefined) return undefined;
    if ((list as readonly string[]).includes(t)) return t as T;
    this.problem(rec, key, 'not-in-list', `${quote(t)} 不是可选值（${list.join(' / ')}）`);
    return undefined;
  }
}
