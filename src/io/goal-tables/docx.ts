import { basename } from 'node:path';
import { UserError } from '../../errors.js';
import type { GoalDocument } from '../../model/goals.js';
import type { ImportedGoals } from '../goal-document/index.js';
import { readInput } from '../read-input.js';
import { DOCUMENT_LIMITS, zipProblem } from '../zip-limits.js';
import { type Block, importGoalBlocks, type Placed } from './text.js';

/**
 * 绩效目标表 in a Word document (.docx): paragraphs and tables read with mammoth's document model (not its
 * HTML, which loses nothing here but is harder to walk), then imported by the text importer (see text.ts).
 * mammoth drops the continuation cells of a vertical merge and gives the first cell a rowSpan; they are put
 * back as empty cells, which is what the importer expects of a merged 一级指标 cell.
 */

interface Element {
  type: string;
  children?: Element[];
  value?: string;
  colSpan?: number;
  rowSpan?: number;
}

export async function readDocxGoals(path: string): Promise<GoalDocument> {
  return (await importDocxGoals(path)).doc;
}

export async function importDocxGoals(path: string, opts: { year?: number } = {}): Promise<ImportedGoals> {
  const file = basename(path);
  const bytes = readInput(path, '绩效目标文档');
  const fail = (why: string) => new UserError(`无法读取绩效目标文档 ${file}：${why}`);
  if (bytes.length === 0) throw fail('文件是空的');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')))
      throw fail('文档设置了打开密码（已加密），请去掉密码后另存为 .docx');
    throw fail('这是旧版 Word 97-2003 文件（.doc），请在 Word 中另存为 .docx');
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw fail('不是有效的 .docx 文件（文件已损坏，或不是 Word 文档）');
  const bomb = zipProblem(bytes, DOCUMENT_LIMITS);
  if (bomb) throw fail(bomb);
  const { default: mammoth } = await import('mammoth');
  let root: Element | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: bytes },
      {
        transformDocument: (doc: Element) => {
          root = doc;
          return doc;
        },
      },
    );
  } catch (err) {
    throw fail(`文件已损坏或不是 Word 文档（${(err as Error).message}）`);
  }
  return importGoalBlocks(blocksOf((root as Element | null)?.children ?? []), { ...opts, source: file });
}

function blocksOf(elements: Element[]): Block[] {
  const blocks: Block[] = [];
  let paragraphs = 0;
  let tables = 0;
  for (const el of elements) {
    if (el.type === 'paragraph') {
      paragraphs++;
      blocks.push({ kind: 'paragraph', line: { text: textOf(el), place: `第 ${paragraphs} 段` } });
    } else if (el.type === 'table') {
      tables++;
      blocks.push({ kind: 'table', rows: tableRows(el, `表格 ${tables}`) });
    }
  }
  return blocks;
}

/** Rows of cells as Word's text export lists them: one per <w:tc>, vertical-merge continuations as empty cells. */
function tableRows(table: Element, name: string): Placed[][] {
  // Open vertical merges: grid column, width in grid columns, rows still to cover.
  let open: { col: number; span: number; left: number }[] = [];
  const rows: Placed[][] = [];
  const trs = (table.children ?? []).filter((r) => r.type === 'tableRow');
  trs.forEach((tr, r) => {
    const out: Placed[] = [];
    const place = (c: number) => `${name} 第 ${r + 1} 行第 ${c} 格`;
    let col = 0;
    const fillMerged = () => {
      for (let m = open.find((o) => o.col === col); m; m = open.find((o) => o.col === col)) {
        out.push({ text: '', place: place(out.length + 1) });
        m.left--;
        col += m.span;
      }
    };
    for (const tc of (tr.children ?? []).filter((c) => c.type === 'tableCell')) {
      fillMerged();
      out.push({ text: cellText(tc), place: place(out.length + 1) });
      const span = tc.colSpan ?? 1;
      if ((tc.rowSpan ?? 1) > 1) open.push({ col, span, left: (tc.rowSpan ?? 1) - 1 });
      col += span;
    }
    fillMerged();
    open = open.filter((o) => o.left > 0);
    rows.push(out);
  });
  return rows;
}

/** A cell's paragraphs (and any nested table's), one per line. */
function cellText(cell: Element): string {
  const parts: string[] = [];
  const walk = (el: Element) => {
    if (el.type === 'paragraph') parts.push(textOf(el));
    else for (const c of el.children ?? []) walk(c);
  };
  for (const c of cell.children ?? []) walk(c);
  return parts.join('\n').trim();
}

function textOf(el: Element): string {
  if (el.type === 'text') return el.value ?? '';
  // A tab inside a paragraph would read as a cell boundary: a space keeps the words apart.
  if (el.type === 'tab') return ' ';
  if (el.type === 'break') return '\n';
  return (el.children ?? []).map(textOf).join('');
}
