import type { Operator, QuantitativeTarget, RangeTarget, Target } from '../../model/target.js';
import { cleanFloat, KNOWN_UNITS, unitInfo } from '../units.js';
import { parseCompound, parseNotApplicable } from './compound.js';
import { parseDeadline, parsePeriod } from './deadline.js';
import { normaliseText } from './normalise.js';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from './numerals.js';
import { PREFIX_OPS, SUFFIX_OPS } from './operators.js';
import { classifyQualitative } from './qualitative.js';

export interface ParseContext {
  /** The goal table's year: resolves "12月底前" to a date. */
  year?: number;
  /**
   * The row is a cost indicator (成本指标, as 一级 or 二级): a target without an operator is a ceiling (≤) and
   * "250万" is 250 万元. The parsed target says so (asCost), so nothing inferred passes unnoticed.
   */
  cost?: boolean;
  /** The unit the row's name gives ("修建作业道长度(公里)"), for a cell that prints a bare number (unitFromName). */
  unit?: string;
}

/** Scale words folded into the value when they are not part of a known unit ("550万粒"). */
const SCALES: [string, number][] = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];

const NUMBER = new RegExp(`^(?:-?\\d+(?:\\.\\d+)?|\\.\\d+|[${CHINESE_NUMERAL_CHARS}]+)`);
const PLACEHOLDER = /^[≥≤<>=]*[*xX?×…]+[%]?$|^[-/\\_.…]+$|^(待定|暂无|无数据|xx|XX)$/;
/** A template's blank left in: "≥**人", "(≥**株)", "**月**日前" — marks where a number belongs, and no digit. */
const PLACEHOLDER_MARK = /\*{2,}|(?<![a-zA-Z])(?:xx|XX)(?![a-zA-Z])|\?{2,}|×{2,}/;
/** Characters a unit may contain: CJK, %, ‰, Latin letters, and the compound separators / * · ×. */
const UNIT = /^[\u4e00-\u9fff%‰a-zA-Z/*·×]{1,10}$|^[\u4e00-\u9fff/]{1,6}[.·・]每[\u4e00-\u9fff]{1,3}$/;

const MAYBE_DATE = /[年月]|\d[-./]\d/;
const MAYBE_RANGE = /.[-~至到]/;
/** Known units by their text, for a prefix lookup without scanning the whole list. */
const UNIT_SET = new Set(KNOWN_UNITS);
const LONGEST_UNIT = Math.max(...KNOWN_UNITS.map((u) => u.length));
const startsWithKnownUnit = (s: string) => {
  for (let n = Math.min(LONGEST_UNIT, s.length); n > 0; n--) if (UNIT_SET.has(s.slice(0, n))) return true;
  return false;
};

const DIRECTION: Record<Operator, QuantitativeTarget['direction']> = {
  '>=': 'positive',
  '>': 'positive',
  '=': 'equal',
  '<': 'reverse',
  '<=': 'reverse',
};

/**
 * Parse a target as written ("≥1000家", "不超过50万元", "90%-95%", "12月底前", "较往年有所提高") into a
 * structured target. Never throws: text it cannot read comes back as direction 'invalid' with a reason.
 */
export function parseTarget(raw: string, ctx: ParseContext = {}): Target {
  const full = normaliseText(raw);
  if (full === '') return invalid(raw, 'empty', '指标值为空');
  // "/" alone is a placeholder's shape too; as a whole target, tables print it for a row that does not apply.
  const na = full.length <= 12 ? parseNotApplicable(full, raw) : null;
  if (na) return na;
  if (PLACEHOLDER.test(full) || (PLACEHOLDER_MARK.test(full) && !/\d/.test(full))) {
    return invalid(raw, 'placeholder', `指标值“${raw.trim()}”是占位符，没有填写具体数值`);
  }
  // "公里", "万亩", "≥%": the template's unit with no number written before it.
  const bareUnit = full.replace(/^[≥≤<>=≧≦]+/, '').replace(/^万(?=.)/, '');
  if (bareUnit.length <= 4 && UNIT_SET.has(bareUnit)) {
    return invalid(raw, 'placeholder', `指标值“${raw.trim()}”只写了单位，没有填写数值`);
  }
  // "±3%以内": a tolerance, met while the deviation's size stays within it — a ceiling on the absolute value.
  const tolerance = /^[±]\s*(\d+(?:\.\d+)?)\s*(%|‰|[\u4e00-\u9fff]{1,3}?)?\s*(以内|之内|内)?$/.exec(full);
  if (tolerance) {
    const ceiling = parseTarget(`≤${tolerance[1]}${tolerance[2] ?? ''}`, ctx);
    if (ceiling.direction === 'reverse') {
      const { implicitOp: _i, ...rest } = ceiling as typeof ceiling & { implicitOp?: boolean };
      return {
        ...rest,
        raw,
        note: `偏差的绝对值不超过 ${tolerance[1]}${tolerance[2] ?? ''}（实际完成值填偏差的大小）`,
      };
    }
  }
  const { body, note } = splitNote(full);
  const withNote = <T extends Target>(t: T): T => (note ? { ...t, note } : t);

  // Cheap guards first: most targets are "≥1000家", and the deadline and range patterns are the costly ones.
  const deadline = MAYBE_DATE.test(body) ? parseDeadline(body, raw, ctx.year) : null;
  if (deadline) return withNote(deadline);
  const period = MAYBE_DATE.test(body) && MAYBE_RANGE.test(body) ? parsePeriod(body, raw, ctx.year) : null;
  if (period) return withNote(period);
  const range = MAYBE_RANGE.test(body) ? parseRange(body, raw) : null;
  if (range) return withNote(withNameUnit(range, ctx));
  const quantity = parseQuantitative(body, raw, ctx.cost === true);
  if (quantity) return withNote(withNameUnit(quantity, ctx));
  if (!/\d/.test(body) && /[\u4e00-\u9fff]/.test(body)) return classifyQualitative(full, raw);
  // Two values in one cell: reached only when the whole cell is no single value, so it costs the common forms nothing.
  const compound = /[/／;；]/.test(raw) ? parseCompound(raw, (part) => parseTarget(part, ctx)) : null;
  if (compound) return compound;
  if (isProse(body)) {
    return {
      ...classifyQualitative(full, raw),
      note: '文字描述中含有数字，不是“运算符+数值+单位”的写法，按定性指标评价',
    };
  }
  return invalid(
    raw,
    'unrecognised',
    `无法识别指标值“${raw.trim()}”：应为“运算符+数值+单位”（如 ≥1000家）、区间、日期或文字描述`,
  );
}

const CJK = /[\u4e00-\u9fff]/g;

/** A sentence that happens to hold numbers ("第一年按投资额20%返本,分红按8%分红"): mostly words, at least eight. */
function isProse(s: string): boolean {
  const words = s.match(CJK)?.length ?? 0;
  return words >= 8 && words * 5 >= s.length * 2;
}

function invalid(raw: string, code: 'empty' | 'placeholder' | 'unrecognised', message: string): Target {
  return { raw, direction: 'invalid', problem: { code, message } };
}

/** A trailing bracketed remark after a number: "≥95%(抽样调查)". */
function splitNote(s: string): { body: string; note?: string } {
  if (!s.endsWith(')')) return { body: s };
  const m = /^(.*?[\d%\u4e00-\u9fff])\(([^()]*)\)$/.exec(s);
  if (m?.[1] && m[2] !== undefined && /^[≥≤<>=]?\d|^[\d.]/.test(m[1])) return { body: m[1], note: m[2] };
  return { body: s };
}

interface Amount {
  value: number;
  unit: string | null;
  scale?: number;
}

/** "250万" in a cost row: 250 万元. */
function readMoney(s: string): { amount: Amount; rest: string } | null {
  const m = /^\d+(?:\.\d+)?/.exec(s);
  if (!m || /^0\d/.test(m[0])) return null;
  const rest = s.slice(m[0].length);
  const scale = MONEY_SCALE.exec(rest);
  if (!scale) return null;
  return { amount: { value: Number(m[0]), unit: `${scale[1]}元` }, rest: rest.slice(1) };
}

/** "1.5万" → 15000 (scale 1e4); "4万人" → 4 万人; "550万粒" → 5500000 粒; "一千家" → 1000 家. */
function readAmount(s: string): { amount: Amount; rest: string } | null {
  const m = NUMBER.exec(s);
  if (!m) return null;
  const text = m[0];
  // "000亩", "08": redundant leading zeros are OCR or typing debris, not a number to guess at.
  if (/^-?0\d/.test(text)) return null;
  let rest = s.slice(text.length);
  let value = /\d/.test(text) ? Number(text) : parseChineseNumeral(text);
  if (value === null || !Number.isFinite(value)) return null;
  let scale: number | undefined;
  if (!startsWithKnownUnit(rest)) {
    const sc = SCALES.find(([w]) => rest.startsWith(w));
    if (sc) {
      scale = sc[1];
      value = cleanFloat(value * sc[1]);
      if (!Number.isFinite(value)) return null;
      rest = rest.slice(sc[0].length);
    }
  }
  return { amount: { value, unit: null, ...(scale ? { scale } : {}) }, rest };
}

/** Latin unit letters as tables print them ("≥80M", "≥2KM"): the unit they stand for. */
const LATIN_UNITS: Record<string, string> = {
  m: '米',
  M: '米',
  km: '千米',
  KM: '千米',
  Km: '千米',
  cm: '厘米',
  CM: '厘米',
  kg: '千克',
  KG: '千克',
  Kg: '千克',
  t: '吨',
  T: '吨',
  h: '小时',
  H: '小时',
  L: '升',
};

/** "元/人.每天", "元/人·每天", "元/每人" → "元/人/天", "元/人": 每 after a separator is another "per". */
const PLAIN_UNIT = /^[\u4e00-\u9fff%‰/*]*$/;

function unitText(unit: string): string {
  if (PLAIN_UNIT.test(unit) && !unit.includes('每')) return unit;
  const s = unit.replace(/[.·・]每|\/每/g, '/').replace(/[·×.・]/g, '*');
  return s
    .split('/')
    .map((part) => LATIN_UNITS[part] ?? part)
    .join('/');
}

/** Split the unit off the end: "家以上" → unit 家, suffix op ≥. */
function readUnit(rest: string): { unit: string | null; op: Operator | null } | null {
  let op: Operator | null = null;
  for (const [word, o] of SUFFIX_OPS) {
    if (rest.endsWith(word)) {
      op = o;
      rest = rest.slice(0, -word.length);
      break;
    }
  }
  if (rest === '') return { unit: null, op };
  if (!UNIT.test(rest)) return null;
  return { unit: unitText(rest), op };
}

/** A bare number takes the unit its row's name gives, and says so. */
function withNameUnit<T extends QuantitativeTarget | RangeTarget>(t: T, ctx: ParseContext): T {
  if (t.unit !== null || !ctx.unit) return t;
  return { ...t, unit: ctx.unit, dimension: unitInfo(ctx.unit).dimension, unitFromName: true };
}

function quantityFields(unit: string | null, scale?: number) {
  return { unit, dimension: unit ? unitInfo(unit).dimension : null, ...(scale ? { scale } : {}) };
}

/** In a cost row, "250万" / "1.2亿" are money: the scale word is the unit 万元 / 亿元 (not 2,500,000 of nothing). */
const MONEY_SCALE = /^(万|亿)(?=$|以内|以下|及以下|或以下|之内|内)/;

function parseQuantitative(s: string, raw: string, cost: boolean): QuantitativeTarget | null {
  let op: Operator | null = null;
  let rest = s;
  for (const [word, o] of PREFIX_OPS) {
    if (rest.startsWith(word)) {
      op = o;
      rest = rest.slice(word.length);
      break;
    }
  }
  const read = cost ? (readMoney(rest) ?? readAmount(rest)) : readAmount(rest);
  if (!read) return null;
  const tail = readUnit(read.rest);
  if (!tail) return null;
  if (op && tail.op && op !== tail.op) return null;
  const finalOp = op ?? tail.op;
  const { value, scale } = read.amount;
  const unit = read.amount.unit ?? tail.unit;
  // A bare "0次" (accidents) means exactly zero; in a cost row a bare amount is a ceiling; any other bare number
  // means "at least".
  const effective: Operator = finalOp ?? (value === 0 ? '=' : cost ? '<=' : '>=');
  const asCost = (cost && !finalOp && value !== 0) || read.amount.unit !== null;
  return {
    raw,
    direction: DIRECTION[effective],
    op: effective,
    value,
    ...quantityFields(unit, scale),
    ...(finalOp ? {} : { implicitOp: true }),
    ...(asCost ? { asCost: true as const } : {}),
  };
}

function parseRange(s: string, raw: string): RangeTarget | null {
  const m = /^(.+?)(?:-|~|至|到)(.+)$/.exec(s);
  if (!m?.[1] || !m[2]) return null;
  const lo = readAmount(m[1]);
  const hi = readAmount(m[2]);
  if (!lo || !hi) return null;
  const loUnit = readUnit(lo.rest);
  const hiUnit = readUnit(hi.rest);
  if (!loUnit || !hiUnit || loUnit.op || hiUnit.op) return null;
  const unit = hiUnit.unit ?? loUnit.unit;
  if (loUnit.unit && hiUnit.unit && loUnit.unit !== hiUnit.unit) return null;
  if (lo.amount.value > hi.amount.value) return null;
  return {
    raw,
    direction: 'range',
    min: lo.amount.value,
    max: hi.amount.value,
    ...quantityFields(unit, hi.amount.scale),
  };
}
