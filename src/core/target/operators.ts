import type { Operator } from '../../model/target.js';

/** The comparison words of targets, shared by the target parser and the goal-table review. */
/** Operator words before the number. Longest first: 不低于 must win over 低于. */
export const PREFIX_OPS: [string, Operator][] = [
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['至少', '>='],
  ['达到', '>='],
  ['大于等于', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['控制在', '<='],
  ['小于等于', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['多于', '>'],
  ['超过', '>'],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['等于', '='],
  ['≥', '>='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];
/** Operator words after the number and unit: "1000家以上", "50万元以内". */
export const SUFFIX_OPS: [string, Operator][] = [
  ['及以上', '>='],
  ['或以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['或以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
  ['内', '<='],
];

/** Whether `b` satisfies `op value` (b ≥ 1000 for "≥1000家"). */
export function satisfies(op: Operator, b: number, value: number): boolean {
  switch (op) {
    case '>=':
      return b >= value;
    case '>':
      return b > value;
    case '=':
      return b === value;
    case '<':
      return b < value;
    case '<=':
      return b <= value;
  }
}
