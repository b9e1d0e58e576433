import { all, create, type FactoryFunctionMap, type MathNode } from 'mathjs';
import { type Problem, UserError } from '../errors.js';
import type { CompiledFormula, FormulaScope } from './scoring/types.js';

/**
 * Custom scoring formulas written in a rule set as mathjs expressions (`formula: { expr: ... }`).
 *
 * mathjs can evaluate far more than arithmetic (it can import functions, create units, reach object
 * properties), so every expression is checked node by node against an allow-list before it is compiled.
 * This module costs 0.5–0.9 s to load because of mathjs: load it only with `await import()`.
 */

export type { CompiledFormula, FormulaScope };

export const FORMULA_SYMBOLS = 'actual target weight ratio inverse rate cap'.split(' ') as (keyof FormulaScope)[];
export const FORMULA_FUNCTIONS = 'min max abs round floor ceil sqrt pow exp log'.split(' ');
const SYMBOLS = new Set<string>(FORMULA_SYMBOLS);
const FUNCTIONS = new Set(FORMULA_FUNCTIONS);
const COMPARISONS = new Set('equal unequal smaller larger smallerEq largerEq'.split(' '));
// `95%` parses as divide(95, 100), so percentages need no operator of their own.
const OPERATORS = new Set([
  ...'add subtract multiply divide pow unaryMinus unaryPlus and or not'.split(' '),
  ...COMPARISONS,
]);
/** Known escape routes out of the expression language; named so the message can say why. */
const FORBIDDEN = new Set(
  'import createUnit evaluate parse compile simplify derivative resolve reviver chain typed config'.split(' '),
);
const MAX_LENGTH = 1000;
/** A plausible scope used once at compile time to catch wrong argument counts early. */
const SAMPLE: FormulaScope = { actual: 90, target: 100, weight: 10, ratio: 0.9, inverse: 100 / 90, rate: 0.9, cap: 1 };

// A private instance: disabling functions on it cannot affect anyone else's mathjs.
// (mathjs types `all` as possibly undefined under noUncheckedIndexedAccess; it is always defined.)
const math = create(all as FactoryFunctionMap);
const parse = math.parse;
// Defence in depth behind the allow-list: even a node that slipped through could not call these.
math.import(
  Object.fromEntries(
    'import createUnit reviver evaluate parse compile simplify derivative resolve'.split(' ').map((name) => [
      name,
      () => {
        throw new Error(`${name} is disabled`);
      },
    ]),
  ),
  { override: true },
);

/** Every reason the expression is refused, each naming the offending text. */
function findForbidden(node: MathNode, out: string[]): void {
  const text = () => node.toString();
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as MathNode & { value: unknown }).value;
      if (typeof value === 'string') out.push(`不允许字符串 ${text()}`);
      else if (typeof value !== 'number') out.push(`不允许常量“${text()}”，只能写数字`);
      else if (!Number.isFinite(value)) out.push(`数字“${text()}”超出范围`);
      return;
    }
    case 'SymbolNode': {
      const name = (node as MathNode & { name: string }).name;
      if (FORBIDDEN.has(name)) out.push(`禁止使用“${name}”`);
      else if (!SYMBOLS.has(name))
        out.push(`不认识的名称“${name}”：公式只能使用 ${FORMULA_SYMBOLS.join('、')}（不支持单位和其他常量）`);
      return;
    }
    case 'ParenthesisNode':
      findForbidden((node as MathNode & { content: MathNode }).content, out);
      return;
    case 'OperatorNode': {
      const op = node as MathNode & { fn: string; op: string; args: MathNode[] };
      if (!OPERATORS.has(op.fn)) out.push(`不允许的运算符“${op.op}”（${op.fn}）`);
      for (const arg of op.args) findForbidden(arg, out);
      return;
    }
    case 'RelationalNode': {
      const rel = node as MathNode & { conditionals: string[]; params: MathNode[] };
      for (const c of rel.conditionals) if (!COMPARISONS.has(c)) out.push(`不允许的比较“${c}”`);
      for (const p of rel.params) findForbidden(p, out);
      return;
    }
    case 'ConditionalNode': {
      const c = node as MathNode & { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
      for (const part of [c.condition, c.trueExpr, c.falseExpr]) findForbidden(part, out);
      return;
    }
    case 'FunctionNode': {
      const fn = node as MathNode & { fn: MathNode; args: MathNode[] };
      const name = fn.fn.type === 'SymbolNode' ? (fn.fn as MathNode & { name: string }).name : undefined;
      if (name === undefined) out.push(`不允许调用“${fn.fn.toString()}”`);
      else if (FORBIDDEN.has(name)) out.push(`禁止使用函数“${name}”`);
      else if (!FUNCTIONS.has(name)) out.push(`不允许的函数“${name}”：可用函数为 ${FORMULA_FUNCTIONS.join('、')}`);
      for (const arg of fn.args) findForbidden(arg, out);
      return;
    }
    case 'AccessorNode':
    case 'IndexNode':
      out.push(`不允许访问属性或下标“${text()}”`);
      return;
    case 'AssignmentNode':
      out.push(`不允许赋值“${text()}”`);
      return;
    case 'FunctionAssignmentNode':
      out.push(`不允许定义函数“${(node as MathNode & { name: string }).name}”`);
      return;
    case 'ArrayNode':
      out.push(`不允许列表或矩阵“${text()}”`);
      return;
    case 'ObjectNode':
      out.push(`不允许对象“${text()}”`);
      return;
    case 'BlockNode':
      out.push('公式只能是一个表达式，不能用 ; 或换行写多条');
      return;
    default:
      out.push(`不允许的写法“${text()}”（${node.type}）`);
  }
}

function refuse(where: string, messages: string[]): UserError {
  const problems: Problem[] = messages.map((message) => ({ code: 'formula', message, where }));
  return new UserError(`自定义公式不被接受：${where}`, problems);
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Parse and check `expr`; `where` names the rule file and key (`rules/x.yaml: scoring.positive.formula.expr`)
 * and appears in every error, at compile time and at evaluation.
 */
export function compileFormula(expr: string, where: string): CompiledFormula {
  if (expr.length > MAX_LENGTH) throw refuse(where, [`公式过长（${expr.length} 个字符，最多 ${MAX_LENGTH}）`]);
  let node: MathNode;
  try {
    node = parse(expr);
  } catch (err) {
    throw refuse(where, [`公式语法错误：${errorText(err)}`]);
  }
  const found: string[] = [];
  findForbidden(node, found);
  if (found.length > 0) throw refuse(where, [...new Set(found)]);

  const code = node.compile();
  const run = (scope: FormulaScope): { value: number } | { error: string; fatal: boolean } => {
    let value: unknown;
    try {
      // A fresh plain object: the formula can read the scope but never keep anything between calls.
      value = code.evaluate({ ...scope });
    } catch (err) {
      return { error: `公式计算出错：${errorText(err)}`, fatal: true };
    }
    if (typeof value === 'number' && Number.isFinite(value)) return { value };
    const shown = typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
    const error = `公式结果应为有限数字，实际为 ${shown}（除以零、负数开方，或把比较结果当作得分？）`;
    // NaN, ±Infinity or a complex number usually depend on the input; a boolean means a comparison was
    // written where a score belongs.
    return { error, fatal: typeof value === 'boolean' };
  };

  // Wrong argument counts and boolean results show up on any input: report them now, not mid-scoring.
  const trial = run(SAMPLE);
  if ('error' in trial && trial.fatal) throw refuse(where, [trial.error]);

  const evaluate = (scope: FormulaScope): number => {
    const result = run(scope);
    if ('error' in result) {
      const inputs = FORMULA_SYMBOLS.map((name) => `${name}=${scope[name]}`).join('，');
      throw refuse(where, [`${result.error}；输入：${inputs}`]);
    }
    return result.value;
  };
  return { expr, evaluate };
}
