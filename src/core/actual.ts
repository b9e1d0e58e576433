import type { Operator, Target } from '../model/target.js';
import { parseTarget } from './target/parse.js';

/** 实际完成值, parsed once from what the evaluator wrote. */
export type ActualValue =
  | {
      raw: string;
      kind: 'number';
      value: number;
      unit: string | null;
      /** The actual was written as a bound ("≥90%"): the number is used, and a warning says so. */
      bound?: Operator;
    }
  | { raw: string; kind: 'date'; date: string }
  | { raw: string; kind: 'text'; text: string }
  /** Written part by part as a compound target is ("520人次 / 96%"): each part read alone, in order. */
  | { raw: string; kind: 'parts'; parts: ActualValue[] };

export type ActualParse = { ok: true; value: ActualValue } | { ok: false; message: string };

/**
 * Read an actual with the target parser (one grammar for both): "1050家", "≥90%", "2025-11-20", "达成预期指标".
 * A number given as a YAML number is in the target's unit. A count, amount or rate done is never below zero
 * (-1086家 is a typing slip, and scoring it gives a silent 0): refused.
 */
export function parseActual(input: string | number, year?: number): ActualParse {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: `实际完成值不是有效数字：${input}` };
    if (input < 0) return negative(input);
    return { ok: true, value: { raw: String(input), kind: 'number', value: input, unit: null } };
  }
  // Actuals repeat across a department's projects (96%, 365天, 达成预期指标): each distinct one is parsed once.
  // The cache is bounded, so memory stays constant; the shared results are frozen (nothing may change one).
  const key = `${year ?? ''}|${input}`;
  let parsed = PARSED.get(key);
  if (parsed === undefined) {
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    parsed = deepFreeze(fromTarget(input, parseTarget(input, year === undefined ? {} : { year })));
    PARSED.set(key, parsed);
  }
  return parsed;
}

const PARSED = new Map<string, ActualParse>();
const PARSED_LIMIT = 4096;

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

function fromTarget(input: string, t: Target): ActualParse {
  switch (t.direction) {
    case 'positive':
    case 'reverse':
    case 'equal':
      if (t.value < 0) return negative(input);
      return {
        ok: true,
        value: { raw: input, kind: 'number', value: t.value, unit: t.unit, ...(t.implicitOp ? {} : { bound: t.op }) },
      };
    case 'deadline':
      if (t.date === null) return { ok: false, message: `实际完成日期“${input}”缺少年份` };
      return { ok: true, value: { raw: input, kind: 'date', date: t.date } };
    case 'qualitative':
      return { ok: true, value: { raw: input, kind: 'text', text: t.text } };
    // "不适用", "无", "/" as an actual are words, not a value: 不适用 is said in its own field.
    case 'not-applicable':
      return { ok: true, value: { raw: input, kind: 'text', text: input.trim() } };
    case 'compound': {
      const parts: ActualValue[] = [];
      for (const part of t.parts) {
        const read = fromTarget(part.raw, part);
        if (!read.ok) return read;
        parts.push(read.value);
      }
      return { ok: true, value: { raw: input, kind: 'parts', parts } };
    }
    case 'range':
      return { ok: false, message: `实际完成值“${input}”是一个区间，应填写一个确定的值` };
    case 'invalid':
      return { ok: false, message: t.problem.message.replace('指标值', '实际完成值') };
  }
}

const negative = (input: string | number): ActualParse => ({
  ok: false,
  message: `实际完成值“${input}”是负数；完成的数量、金额或比率不能小于 0，请填写实际完成的值`,
});
