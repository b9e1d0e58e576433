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

/** Traditional forms of the characters goal-table labels are made of (績效目標表, 項目名稱, 預算數 …). */
const TRADITIONAL: Record<string, string> = Object.fromEntries(
  '绩績 标標 项項 称稱 预預 数數 资資 额額 财財 级級 据據 确確 单單 实實 满滿 产產 质質 时時 经經 济濟 会會 态態 续續 响響 务務 对對 编編 码碼 总總 体體 计計 划劃 进進 类類 审審 报報 长長 内內 围圍 门門 级級 标標 况況 规規 拨撥 级級'
    .split(' ')
    .map((pair) => [pair[1] as string, pair[0] as string]),
);
const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');

/**
 * A label for matching: half-width, simplified, no whitespace at all ("其中：财政    资金" → "其中:财政资金",
 * "績效目標表" → "绩效目标表").
 */
export function normLabel(text: string): string {
  return toHalfWidth(clean(text))
    .replace(/\s+/g, '')
    .replace(TRADITIONAL_CHARS, (c) => TRADITIONAL[c] ?? c);
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

/** Money units a goal table prints amounts in, as multiples of 万元 written as a decimal shift. */
export type MoneyUnit = '元' | '万元' | '万' | '亿元';
const SHIFT: Record<MoneyUnit, number> = { 元: -4, 万元: 0, 万: 0, 亿元: 4 };

/** "单位：元", "金额单位：万元", "(万元)": the money unit named, or null. */
export function moneyUnitIn(text: string): MoneyUnit | null {
  const m = /(亿元|万元|千元|元|万)\)?$/.exec(normLabel(text));
  if (!m || m[1] === '千元') return null;
  return m[1] as MoneyUnit;
}

/**
 * An amount in 万元, exactly: "12000" 元 → 1.2 by moving the decimal point (never 12000 / 10000 in floating point).
 * Digits only, as parseAmount leaves them.
 */
export function toWanYuan(digits: string, unit: MoneyUnit): number {
  const shift = SHIFT[unit];
  if (shift === 0) return Number(digits);
  const negative = digits.startsWith('-');
  const [int = '', frac = ''] = digits.replace(/^[+-]/, '').split('.');
  const all = int + frac;
  const point = int.length + shift;
  const padded = point <= 0 ? `${'0'.repeat(1 - point)}${all}` : all.padEnd(point, '0');
  const at = Math.max(point, 1);
  const n = Number(`${padded.slice(0, at)}.${padded.slice(at) || '0'}`);
  return negative ? -n : n;
}

/**
 * An amount with the unit it is printed in ("250万", "12,000元", "1.5亿元", "30.00"): the digits and the unit
 * written after them (null when none); null for a blank cell, undefined when the text is not an amount.
 */
export function readMoney(text: string): { digits: string; unit: MoneyUnit | null } | null | undefined {
  const s = normLabel(text).replace(/,/g, '');
  if (s === '' || s === '-' || s === '/' || s === '无') return null;
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\(?(亿元|万元|元|万)?\)?$/.exec(s);
  if (!m?.[1] || !Number.isFinite(Number(m[1]))) return undefined;
  return { digits: m[1], unit: (m[2] as MoneyUnit | undefined) ?? null };
}
