import { z } from 'zod';
import type { Problem } from '../errors.js';
import { isPlainObject, type KeyPath, type Place, problemAt } from './yaml-file.js';

/**
 * zod issues on an input file (rule set, actuals, goals), in Chinese, with the key path. The loaders parse with
 * `reportInput: true`: without the input a present-but-wrong value would read as missing. Done here rather than with a global zod locale so
 * other modules' messages are untouched and the wording can speak of rule files (来源, 公式).
 */
const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '字符串',
  boolean: '布尔值（true 或 false）',
  object: '键值映射',
  record: '键值映射',
  array: '列表',
  null: '空值',
  nan: '非数字 NaN',
};
const typeName = (t: string) => TYPE_NAMES[t] ?? t;

/** What the file holds, for "实际为 …": scalars as written, structures by kind (never "[object Object]"). */
function shown(input: unknown): string {
  if (input === undefined) return '（空）';
  if (typeof input === 'string') return `“${input.length > 30 ? `${input.slice(0, 30)}…` : input}”`;
  if (input !== null && typeof input === 'object') return typeName(typeOf(input));
  return String(input);
}

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : Number.isFinite(input) ? 'number' : 'infinite';
  return typeof input;
}

const SOURCE_HINT =
  '每条规则都要注明来源：source 下写 basis（国家文件、地方实践、软件实现、本工具约定或未证实），再写 cite（rules/sources.yaml 中的文献 id 与条款）或 note（说明）';

function message(issue: z.core.$ZodIssue): string {
  const isSource = issue.path[issue.path.length - 1] === 'source';
  switch (issue.code) {
    case 'invalid_type': {
      if (!('input' in issue) || issue.input === undefined) {
        return isSource ? `缺少来源 source：${SOURCE_HINT}` : `缺少此项（应为${typeName(issue.expected)}）`;
      }
      if (isSource) return `来源应为键值映射，实际为${typeName(typeOf(issue.input))}：${SOURCE_HINT}`;
      if (typeOf(issue.input) === 'infinite') return '应为有限数字';
      return `应为${typeName(issue.expected)}，实际为${typeName(typeOf(issue.input))}`;
    }
    case 'too_small':
      if (isSource) return `来源写得太短：${SOURCE_HINT}`;
      if (issue.origin === 'array') return `至少要有 ${issue.minimum} 项`;
      if (issue.origin === 'string') return issue.minimum === 1 ? '不能为空' : `至少 ${issue.minimum} 个字符`;
      return `应${issue.inclusive ? '不小于' : '大于'} ${issue.minimum}，实际为 ${shown(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'string') return `太长（最多 ${issue.maximum}）`;
      return `应${issue.inclusive ? '不大于' : '小于'} ${issue.maximum}，实际为 ${shown(issue.input)}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}，实际为 ${shown(issue.input)}`;
    case 'invalid_format':
      return issue.path.length === 1 && issue.path[0] === 'id'
        ? `id 只能用小写字母、数字和连字符（a-z 0-9 -），实际为 ${shown(issue.input)}`
        : `格式不对：${issue.message}`;
    case 'invalid_union':
      return issue.path[issue.path.length - 1] === 'formula'
        ? '公式应写成 { builtin: 内置公式名 } 或 { expr: 表达式 }，二者选一'
        : '不符合任何一种允许的写法';
    case 'unrecognized_keys':
      return `不认识的键：${issue.keys.join('、')}`;
    default:
      return issue.message;
  }
}

export function zodProblems(issues: readonly z.core.$ZodIssue[], place: Place): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    const code = issue.code === 'invalid_type' && path[path.length - 1] === 'source' ? 'missing_source' : 'invalid';
    return problemAt(place, code, path, message(issue));
  });
}

/**
 * Keys the schema does not know. RuleSet objects are not strict, so zod would drop a misspelt key silently
 * (`scoring.positiv.cap: false` in a variant would change nothing); this walk reports it instead.
 */
export function unknownKeyProblems(schema: z.ZodType, data: unknown, place: Place, path: KeyPath = []): Problem[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return unknownKeyProblems(schema.unwrap() as z.ZodType, data, place, path);
  }
  if (schema instanceof z.ZodArray && Array.isArray(data)) {
    return data.flatMap((item, i) => unknownKeyProblems(schema.element as z.ZodType, item, place, [...path, i]));
  }
  if (schema instanceof z.ZodRecord && isPlainObject(data)) {
    const value = schema.valueType as z.ZodType;
    return Object.entries(data).flatMap(([k, v]) => unknownKeyProblems(value, v, place, [...path, k]));
  }
  if (!(schema instanceof z.ZodObject) || !isPlainObject(data)) return [];
  const shape = schema.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  return Object.entries(data).flatMap(([key, value]) => {
    const child = shape[key];
    if (child) return unknownKeyProblems(child, value, place, [...path, key]);
    return [
      problemAt(place, 'unknown_key', [...path, key], `不认识的键（拼写错误？这里可用的键：${known.join('、')}）`),
    ];
  });
}
