import { clean } from './text.js';

/**
 * Tokenising the plain-text export of a Word document.
 *
 * Word writes a table cell as a line starting with a tab ("\t项目编码"); a whole row may also sit on one line
 * ("\t产出指标\t数量指标\t…"). Rows are separated by blank lines. Paragraphs outside tables are lines without a
 * leading tab. Quirks handled here: stray spaces before the first tab, a tab run after the last cell of a line,
 * `[bookmark: …]` prefixes, CR/LF variants and page breaks.
 */

export interface Cell {
  /** Text as printed: bookmark removed, trimmed; '' for an empty cell. */
  text: string;
  /** 1-based line number. */
  line: number;
  /** An empty cell made by tabs after the last non-empty cell of a line: usually noise, sometimes a real empty cell. */
  stray: boolean;
  /** Row group: cells between the same two blank lines share it. */
  row: number;
}

export type Item =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'cells'; cells: Cell[]; line: number }
  | { kind: 'blank'; line: number };

/** Lines of a text, with CRLF, CR, form feeds and vertical tabs treated as line breaks. */
export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|[\r\n\f\v\u2028\u2029]/);
}

/** Whitespace that is not a tab: a line of only these is blank. */
const SPACES = /^[^\S\t]*$/;

export function tokenise(text: string): Item[] {
  const items: Item[] = [];
  let row = 0;
  let previousBlank = true;
  splitLines(text).forEach((raw, index) => {
    const line = index + 1;
    if (SPACES.test(raw)) {
      if (!previousBlank) row++;
      previousBlank = true;
      items.push({ kind: 'blank', line });
      return;
    }
    previousBlank = false;
    const cells = cellsOf(raw, line, row);
    if (cells) items.push({ kind: 'cells', cells, line });
    else items.push({ kind: 'text', text: clean(raw.replace(/\t+$/, '')), line });
  });
  return items;
}

/** The cells of a line, or null when the line is a paragraph (no tab, or only a trailing tab run). */
function cellsOf(raw: string, line: number, row: number): Cell[] | null {
  const s = raw.replace(/^[^\S\t]+(?=\t)/, '');
  let pieces: string[];
  if (s.startsWith('\t')) pieces = s.split('\t').slice(1);
  else {
    pieces = s.split('\t');
    if (pieces.slice(1).every((p) => p.trim() === '')) return null;
  }
  const texts = pieces.map(clean);
  let last = -1;
  texts.forEach((t, i) => {
    if (t !== '') last = i;
  });
  return texts.map((text, i) => ({ text, line, row, stray: last >= 0 && i > last }));
}

/** Cells split into runs that sit on the same line, or in the same row group. */
export function runsBy(cells: Cell[], key: 'line' | 'row'): Cell[][] {
  const runs: Cell[][] = [];
  for (const cell of cells) {
    const last = runs[runs.length - 1];
    if (last && last[0]?.[key] === cell[key]) last.push(cell);
    else runs.push([cell]);
  }
  return runs;
}
