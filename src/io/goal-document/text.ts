/**
 * Small text helpers for the Word export: bookmark prefixes, full-width forms, labels and numbers.
 * Only labels are normalised for matching; values keep the text as printed (trimmed).
 */

const BOOKMARK = /^\s*(?:\[bookmark:[^\]]*\]\s*)+/;

/** Remove Word's `[bookmark: _Toc…]` prefixes and surrounding whitespace (incl. full-width spaces). */
export function clean(text: string): string {
  return text.replace(BOOKMARK, '').trim();
}

/** Full-width ASCII (！–～) to ASCII, ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** A label for matching: half-width, no whitespace at all ("其中：财政    资金" → "其中:财政资金"). */
export function normLabel(text: string): string {
  return toHalfWidth(clean(text)).replace(/\s+/g, '');
}

/** A short quotation of user text for messages. */
export function quote(text: string, max = 30): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `“${one.length > max ? `${one.slice(0, max)}…` : one}”`;
}

/**
 * An amount as printed ("50.00", "1,234.5", "12.17万元", "５０"): the number, null for a blank cell,
 * or undefined when the text is not an amount (also when it is too long to be a finite number).
 */
export function parseAmount(text: string): number | null | undefined {
  const s = normLabel(text)
    .replace(/,/g, '')
    .replace(/\(?万?元\)?$/, '');
  if (s === '' || s === '-' || s === '/' || s === '无') return null;
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** "25%", "25", "２５％" → 25; undefined when not a percentage. */
export function parsePercent(text: string): number | undefined {
  const s = normLabel(text);
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(s);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** Every "20xx年" in a text. */
export function yearsIn(text: string): number[] {
  return [...toHalfWidth(text).matchAll(/(20\d{2})\s*年/g)].map((m) => Number(m[1]));
}

/** The first "20xx年" in a text, or null. */
export function firstYear(text: string): number | null {
  return yearsIn(text)[0] ?? null;
}
