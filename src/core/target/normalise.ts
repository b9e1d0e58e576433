/**
 * One normal form for target and actual text, so the parser matches a single spelling of each symbol.
 * NFKC folds full-width digits, letters, ％ （） ＞ ＝ ～ and the ideographic space; the table below folds
 * the comparison signs NFKC leaves alone. Applying it twice changes nothing (tested).
 */
const SYMBOLS: [RegExp, string][] = [
  [/\s+/g, ''],
  [/[═＝]/g, '='],
  [/[≧⩾≮]/g, '≥'],
  [/[≦⩽≯]/g, '≤'],
  [/>=|=>/g, '≥'],
  [/<=|=</g, '≤'],
  [/[〜～∼]/g, '~'],
  [/[–—―−]/g, '-'],
  [/[﹪]/g, '%'],
  [/[㎡]|m2|m²|M2/g, '平方米'],
  [/[“”"‘’'「」]/g, ''],
  // Thousands separators: "1,000,000" → "1000000" (only between a digit and exactly three digits).
  [/(\d),(?=\d{3}(?!\d))/g, '$1'],
];

/** Text made only of these is already normal (CJK unified ideographs are NFKC-stable): skip the work. */
const ALREADY_NORMAL = /^[\u4e00-\u9fff0-9.%≥≤<>=~\-a-zA-Z/*()]*$/;
const NEEDS_SYMBOL_FOLD = />=|=>|<=|=<|m2|M2|\d,\d/;

export function normaliseText(text: string): string {
  if (ALREADY_NORMAL.test(text) && !NEEDS_SYMBOL_FOLD.test(text)) return text;
  // Removing a space can join a combining mark to its base (">" + U+0338 → "≯"), so repeat to a fixed point.
  let s = text;
  for (let i = 0; i < 4; i++) {
    const next = step(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

function step(text: string): string {
  let s = text.normalize('NFKC');
  for (const [pattern, replacement] of SYMBOLS) s = s.replace(pattern, replacement);
  return s;
}
