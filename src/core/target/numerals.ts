/** Chinese numerals as written in tables: 一千, 两万, 十二, 三百零五, 一万五千, 二〇二五 (digit by digit). */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Parse a Chinese numeral; null when the text is not one (e.g. a lone 万, or 二二三 mixed with units). */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  // Digit-by-digit form (二〇二五) has no unit characters.
  if ([...text].every((c) => c in DIGITS)) {
    if (text.length === 1) return DIGITS[text] ?? null;
    return Number([...text].map((c) => DIGITS[c]).join(''));
  }
  let high = 0; // completed 亿 / 万 groups
  let section = 0; // below 万
  let digit: number | null = null;
  let sawAny = false;
  for (const c of text) {
    if (c in DIGITS) {
      digit = DIGITS[c] ?? 0;
    } else if (c in SMALL_UNITS) {
      // "十二" starts with a unit: an implied 一.
      section += (digit ?? 1) * (SMALL_UNITS[c] ?? 1);
      digit = null;
    } else if (c === '亿') {
      if (!sawAny && digit === null) return null;
      high = (high + section + (digit ?? 0)) * 1e8;
      section = 0;
      digit = null;
    } else if (c === '万') {
      if (!sawAny && digit === null) return null;
      high += (section + (digit ?? 0)) * 1e4;
      section = 0;
      digit = null;
    } else {
      return null;
    }
    sawAny = true;
  }
  return high + section + (digit ?? 0);
}
