import { type Cell, runsBy } from './lines.js';
import type { Block } from './tables.js';
import { normLabel } from './text.js';

/**
 * 绩效目标: numbered items ("1.保障全区安全生产体系建设"), one per cell or line, or several in one paragraph
 * ("1.…；2.…"). The numbering is removed; an unnumbered paragraph is one item.
 */

const LEADING = /^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、](?!\d)|[一二三四五六七八九十]{1,3}\s*、)\s*/;

/** Split "1.甲；2.乙" at "2.", "3." … where each number follows the previous one after a separator. */
function splitInline(text: string): string[] {
  if (!/^\s*[(（]?\s*1\s*[.．、)）]/.test(text)) return [text];
  const parts: string[] = [];
  let rest = text;
  for (let n = 2; ; n++) {
    const re = new RegExp(`(?<=[；;。，,\\s])\\s*[(（]?${n}\\s*[.．、)）](?!\\d)`);
    const m = re.exec(rest);
    if (!m) break;
    parts.push(rest.slice(0, m.index));
    rest = rest.slice(m.index);
  }
  parts.push(rest);
  return parts;
}

export function splitGoals(cells: Cell[]): string[] {
  const goals: string[] = [];
  for (const cell of cells) {
    for (const line of cell.text.split('\n')) {
      for (const part of splitInline(line)) {
        const item = part
          .replace(LEADING, '')
          .replace(/[；;，,\s]+$/, '')
          .trim();
        if (item !== '') goals.push(item);
      }
    }
  }
  return goals;
}

/** The 绩效目标 blocks of a table: the year's goals, and the 中长期 / 长期 / 中期目标 kept beside them. */
export interface TableGoals {
  goals: string[];
  longGoals: { label: string; items: string[] } | null;
}

/**
 * Labels side by side in one row ("绩效目标 | 中期目标 | 年度目标") have their texts in the row below, one cell under
 * each label: those cells are matched to the labels from the right (a leading group cell may be missing). A label
 * followed by its own text keeps it.
 */
export function tableGoals(blocks: Block[]): TableGoals {
  const goalBlocks = blocks.filter((b) => b.kind === 'goals' || b.kind === 'longGoals');
  const texts = new Map<Block, Cell[]>(goalBlocks.map((b) => [b, b.cells.filter((c) => !c.stray)]));
  for (let i = 0; i < goalBlocks.length; i++) {
    let j = i;
    while (j + 1 < goalBlocks.length && sideBySide(goalBlocks[j] as Block, goalBlocks[j + 1] as Block)) j++;
    const group = goalBlocks.slice(i, j + 1);
    const last = group[group.length - 1] as Block;
    if (group.length > 1) spread(group, texts.get(last) ?? [], texts);
    i = j;
  }
  const long = goalBlocks.filter((b) => b.kind === 'longGoals');
  const longItems = long.flatMap((b) => splitGoals(texts.get(b) ?? []));
  return {
    goals: goalBlocks.filter((b) => b.kind === 'goals').flatMap((b) => splitGoals(texts.get(b) ?? [])),
    longGoals: long[0] && longItems.length > 0 ? { label: normLabel(long[0].label.text), items: longItems } : null,
  };
}

/**
 * The cells after a row of labels, each row's cells under the labels from the right; a row with more cells than
 * labels gives the extra leading ones to the first label (nothing printed is dropped).
 */
function spread(group: Block[], cells: Cell[], texts: Map<Block, Cell[]>): void {
  const last = group[group.length - 1] as Block;
  for (const b of group) texts.set(b, []);
  const push = (b: Block | undefined, ...c: Cell[]) => b && texts.get(b)?.push(...c);
  push(last, ...cells.filter((c) => c.row === last.label.row));
  for (const row of runsBy(
    cells.filter((c) => c.row !== last.label.row),
    'row',
  )) {
    const extra = Math.max(0, row.length - group.length);
    push(group[0], ...row.slice(0, extra));
    const offset = group.length - (row.length - extra);
    row.slice(extra).forEach((cell, k) => {
      push(group[offset + k], cell);
    });
  }
}

/** `b` follows `a` in the same row, `a` holding no text of its own. */
const sideBySide = (a: Block, b: Block) => a.label.row === b.label.row && a.cells.every((c) => c.text === '');
