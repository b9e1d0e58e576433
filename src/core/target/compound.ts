import type { CompoundTarget, NotApplicableTarget, Target, TargetPart } from '../../model/target.js';
import { num } from '../rounding.js';
import { normaliseText } from './normalise.js';
import { PREFIX_OPS } from './operators.js';

/**
 * Two cases of a whole cell the number grammar does not read: a row marked not applicable ("本项目不适用此指标",
 * "不适用", "无", "/"), and two values in one cell ("≥500人次 / ≥95%", "全年 / ≥300天").
 */

/** The whole target says the row does not apply (on the normalised text, a trailing note removed). */
const NOT_APPLICABLE =
  /^(?:(?:本|该)(?:项目|单位|年度)?)?(?:不适用|无)(?:此|该|本)?(?:项|类)?(?:指标|内容)?$|^\/$|^无此(?:项|类)?(?:指标|内容)?$/;

export function parseNotApplicable(normalised: string, raw: string): NotApplicableTarget | null {
  const body = normalised.replace(/\([^()]*\)$/, '');
  return NOT_APPLICABLE.test(body) ? { raw, direction: 'not-applicable' } : null;
}

/** The 不适用 reason of a row whose target says it does not apply, when the evaluator gave none. */
export const notApplicableReason = (raw: string) => `目标表中指标值为“${raw.trim()}”`;

/** What separates the parts of a compound cell: "/" (also full-width) and ";". */
const SEPARATOR = /[/／;；]/g;
/** A period word standing as a part of its own: it says over what span the other part is counted. */
export const PERIOD_WORD = /^(?:全年|全年度|年度|当年|年内|全期|常年|长期|每年|每季度|每月|每周|每天|每日)$/;
const PREFIX_WORDS = PREFIX_OPS.map(([w]) => w);

/** A segment that starts a new part: a comparison word or sign, a digit, or a period word. */
function startsValue(segment: string): boolean {
  const s = normaliseText(segment);
  if (s === '') return false;
  if (/^\d/.test(s) || PERIOD_WORD.test(s)) return true;
  return PREFIX_WORDS.some((w) => s.startsWith(w));
}

/** A part the grammar read on its own and that can stand in a compound. */
function acceptable(t: Target): t is TargetPart {
  switch (t.direction) {
    case 'positive':
    case 'reverse':
    case 'equal':
      // A number with no unit ("≥500人次 / ≥95"): nothing says what it counts, so no part is guessed.
      return t.unit !== null;
    case 'range':
      return t.unit !== null;
    case 'deadline':
      return true;
    case 'qualitative':
      return PERIOD_WORD.test(t.text);
    default:
      return false;
  }
}

export const isMeasured = (t: TargetPart) => t.direction !== 'qualitative';

/**
 * Split a cell into parts at "/" or ";" where the text after the separator starts a value ("≤30元/人" stays one
 * part: "人" does not start one). Each part is read by `parse` alone, its raw the part as written; null unless every
 * part reads and at least one is measurable.
 */
export function parseCompound(raw: string, parse: (part: string) => Target): CompoundTarget | null {
  const segments: string[] = [];
  let at = 0;
  for (const m of raw.matchAll(SEPARATOR)) {
    segments.push(raw.slice(at, m.index));
    segments.push(m[0]);
    at = m.index + 1;
  }
  if (segments.length === 0) return null;
  segments.push(raw.slice(at));
  const texts: string[] = [];
  let current = segments[0] as string;
  for (let k = 1; k < segments.length; k += 2) {
    const next = segments[k + 1] as string;
    if (startsValue(next) && current.trim() !== '') {
      texts.push(current.trim());
      current = next;
    } else current += (segments[k] as string) + next;
  }
  texts.push(current.trim());
  if (texts.length < 2) return null;
  const parts: TargetPart[] = [];
  for (const text of texts) {
    const t = parse(text);
    if (!acceptable(t)) return null;
    parts.push(t);
  }
  if (!parts.some(isMeasured)) return null;
  return { raw, direction: 'compound', parts };
}

/** What a filled-in actual looks like: each measurable part's value with its unit, operators dropped. */
export function example(target: CompoundTarget): string {
  return target.parts
    .filter(isMeasured)
    .map((p) => {
      if (p.direction === 'deadline') return p.date ?? '2025-11-20';
      const v = p.direction === 'range' ? p.min : p.value;
      return `${num(v)}${p.unit ?? ''}`;
    })
    .join(' / ');
}
