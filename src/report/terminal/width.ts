/** Terminal display width: wide (CJK, full-width) characters take two columns, as terminals draw them. */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a string takes in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Punctuation that may not begin a line (it closes or follows what is before it). */
const CLOSING = /^[，。、；：？！）》」』】〕”’]$/u;

/** Punctuation that may not end a line (it opens what comes after it). */
const OPENING = /^[（《「『【〔“‘]$/u;

/**
 * Text wrapped to `width` columns, keeping its own line breaks. A line may break between any two wide
 * characters (Chinese has no spaces) or at a space; a Latin word or number (--format, 2025-06-30) stays whole,
 * closing punctuation (，）) never starts a line (the character before it moves down with it) and opening
 * punctuation (“（) never ends one.
 */
export function wrapText(text: string, width: number): string {
  const out: string[] = [];
  for (const part of text.split('\n')) {
    let line: string[] = [];
    let w = 0;
    // A Latin run wider than the whole line (a long code in a narrow cell) is broken by character after all.
    const tokens = (part.match(/\s+|[^\s\u2e80-\uffe6]+|./gu) ?? []).flatMap((t) =>
      displayWidth(t) > width ? [...t] : [t],
    );
    for (const token of tokens) {
      const tw = displayWidth(token);
      if (w + tw > width && line.join('').trim() !== '') {
        const carried =
          (CLOSING.test(token) || OPENING.test(line.at(-1) ?? '')) && line.length > 1 && !/\s/.test(line.at(-1) ?? ' ')
            ? [line.pop() as string]
            : [];
        out.push(line.join('').trimEnd());
        line = carried;
        w = displayWidth(carried.join(''));
        if (/^\s+$/.test(token)) continue;
      }
      line.push(token);
      w += tw;
    }
    out.push(line.join('').trimEnd());
  }
  return out.join('\n');
}

/**
 * Lines of indented text (`rules show`) kept within `width` columns: a long line wraps under its own text,
 * past its indent and list mark ("· ", "1. "), so the outline stays readable.
 */
export function wrapOutline(text: string, width = 100): string {
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const lead = /^(\s*)((?:[·•-]|\d+[.、])\s*)?/u.exec(line)?.[0] ?? '';
      const pad = ' '.repeat(displayWidth(lead));
      const [first = '', ...rest] = wrapText(line.slice(lead.length), width - pad.length).split('\n');
      return [lead + first, ...rest.map((r) => pad + r)].join('\n');
    })
    .join('\n');
}
