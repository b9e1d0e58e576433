import type { Cell } from './lines.js';

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
