import type { Operator, QuantitativeTarget, Target } from '../../model/target.js';
import { normaliseText } from '../target/normalise.js';
import { PREFIX_OPS, SUFFIX_OPS } from '../target/operators.js';
import { convert, KNOWN_UNITS, unitInfo } from '../units.js';

/** Tier-2 families, by the words the official tables print (进度指标 is Hubei's name for 时效). */
export const isCostTier = (tier2: string) => tier2.includes('成本');
export const isTimelinessTier = (tier2: string) => tier2.includes('时效') || tier2.includes('进度');

export const isQuantity = (t: Target): t is QuantitativeTarget =>
  t.direction === 'positive' || t.direction === 'reverse' || t.direction === 'equal';

export const isAtLeast = (op: Operator) => op === '>=' || op === '>';
export const isAtMost = (op: Operator) => op === '<=' || op === '<';

/** Equal up to float noise: one part in a million (under 1 元 on any budget below 100 万元). */
export const same = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** A money target in 万元 (the tables' unit), or null when it is not money. */
export function inWanYuan(t: Target): number | null {
  if (!isQuantity(t) || t.unit === null || t.dimension !== 'money') return null;
  const c = convert(t.value, t.unit, '万元');
  return c.ok ? c.value : null;
}

/** `fn` with a per-run cache: goal tables repeat the same texts across projects, so most calls are lookups. */
export function memo<K, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      v = fn(key);
      cache.set(key, v);
    }
    return v as V;
  };
}

/** normaliseText (NFKC, no spaces, one spelling per symbol), memoised: NFKC is the costly step at scale. */
export const memoNormalise = (): ((s: string) => string) => memo(normaliseText);

/** A number with its unit found inside free text, with the comparison word before or after it. */
export interface Quantity {
  text: string;
  value: number;
  unit: string;
  op: Operator | null;
}

const OP_OF = new Map([...PREFIX_OPS, ...SUFFIX_OPS]);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternatives = (words: readonly string[]) => words.map(escapeRe).join('|');
/** Up to four characters may sit between the word and the number: "不超过预算50万元". */
const QUANTITY = new RegExp(
  `(?:(${alternatives(PREFIX_OPS.map(([w]) => w))})[\\u4e00-\\u9fff]{0,4})?(\\d+(?:\\.\\d+)?)(${alternatives(KNOWN_UNITS)})(${alternatives(SUFFIX_OPS.map(([w]) => w))})?`,
  'g',
);
/** Dates are not quantities: "2025年12月31日前" must not read as 2025 年. */
const DATES = /\d{4}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月\d{1,2}[日号]|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?/g;

/** Numbers with a known unit in normalised free text (a description), dates removed. Bare numbers are skipped. */
export function quantitiesIn(normalised: string): Quantity[] {
  if (!/\d/.test(normalised)) return [];
  const text = normalised.replace(DATES, '|');
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [whole, pre, num, unit, post] = m;
    if (num === undefined || unit === undefined) continue;
    const op = (pre && OP_OF.get(pre)) || (post && OP_OF.get(post)) || null;
    out.push({ text: whole, value: Number(num), unit, op });
  }
  return out;
}

/** `q` in the target's unit, or null when the two cannot be compared (家 vs 次, 天 vs 万元). */
export function inUnitOf(q: Quantity, unit: string): number | null {
  if (unitInfo(q.unit).base !== unitInfo(unit).base) return null;
  const c = convert(q.value, q.unit, unit);
  return c.ok ? c.value : null;
}
