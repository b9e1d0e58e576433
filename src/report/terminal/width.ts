/** Terminal display width: wide (CJK, full-width) characters take two columns, as terminals draw them. */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a string takes in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Punctuation that may not begin a line (it closes or follows what is before it). */
const CLOSING = /^[，。、；：？！）》」』】〕]$/u;

/**
 * Text wrapped to `width` columns, keeping its own line breaks. A line may break between any two wide
 * characters (Chinese has no spaces) or at a space; a Latin word or number (--format, 2025-06-30) stays whole,
 * and closing punctuation (，）) never starts a line: the character before it moves down with it.
 */
export function wrapText(text: string, width: number): string {
  const out: string[] = [];
  for (const part of text.split('\n')) {
    let line: string[] = [];
    let w = 0;
    for (const token of part.match(/\s+|[^\s\u2e80-\uffe6]+|./gu) ?? []) {
      const tw = displayWidth(token);
      if (w + tw > width && line.join('').trim() !== '') {
        const carried =
          CLOSING.test(token) && line.length > 1 && !/\s/.test(line.at(-1) ?? ' ') ? [line.pop() as string] : [];
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
