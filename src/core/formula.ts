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

const quoted = (names: readonly string[]) => names.map((x) => `“${x}”`).join('、');

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
        out.push(`不认识的名称“${name}”：公式只能使用 ${quoted(FORMULA_SYMBOLS)}（不支持单位和其他常量）`);
      return;
    }
    case 'ParenthesisNode':
      findForbidden((node as MathNode & { content: MathNode }).content, out);
      return;
    case 'OperatorNode': {
      const op = node as MathNode & { fn: string; op: string; args: MathNode[] };
      if (!OPERATORS.has(op.fn)) out.push(`不允许的运算符“${op.op}”`);
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
      else if (!FUNCTIONS.has(name)) out.push(`不允许的函数“${name}”：可用函数为 ${quoted(FORMULA_FUNCTIONS)}`);
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
      out.push(`不允许的写法“${text()}”`);
  }
}

function refuse(where: string, messages: string[]): UserError {
  const problems: Problem[] = messages.map((message) => ({ code: 'formula', message, where }));
  return new UserError(`自定义公式不被接受：${where}`, problems);
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Why each name of the scope may be missing, in the reader's words (the engine leaves it out then). */
const UNDEFINED_WHY: Partial<Record<keyof FormulaScope, string>> = {
  ratio: '“ratio”（实际完成值 ÷ 指标值）在指标值为 0 时没有定义',
  inverse: '“inverse”（指标值 ÷ 实际完成值）在实际完成值为 0 时没有定义',
  rate: '“rate”（预算执行率）只用于预算执行率的公式，指标得分公式中没有它',
};
const UNDEFINED_HINT = '请在公式中分开写这种情形，如 “actual == 0 ? weight : min(inverse, 1) * weight”';

/** Scopes spread over the inputs a rule meets; a formula finite on none of them can never give a score. */
const GRID: FormulaScope[] = [0, 0.5, 0.9, 1, 1.5].flatMap((share) =>
  [1, 100].map((target) => {
    const actual = share * target;
    return { actual, target, weight: 10, ratio: share, inverse: share === 0 ? 1 : 1 / share, rate: share, cap: 10 };
  }),
);

/** The names an expression reads (`min` and other functions are not names). */
function symbolsOf(node: MathNode): Set<string> {
  const out = new Set<string>();
  node.traverse((n, _path, parent) => {
    const isCallee = parent?.type === 'FunctionNode' && (parent as MathNode & { fn: MathNode }).fn === n;
    if (n.type === 'SymbolNode' && !isCallee) out.add((n as MathNode & { name: string }).name);
  });
  return out;
}

/** Pieces that read no name and still are not finite (`exp(1000)`), and divisions by a constant 0. */
function constantProblems(node: MathNode): string[] {
  const out: string[] = [];
  const visit = (n: MathNode): void => {
    if (n.type === 'OperatorNode') {
      const op = n as MathNode & { fn: string; args: MathNode[] };
      const divisor = op.args[1];
      if (op.fn === 'divide' && divisor && symbolsOf(divisor).size === 0 && constant(divisor) === 0) {
        out.push(`“${n.toString()}”除以 0`);
        return;
      }
    }
    if (n.type !== 'ConstantNode' && symbolsOf(n).size === 0) {
      const value = constant(n);
      if (typeof value === 'number' && !Number.isFinite(value)) {
        out.push(
          `“${n.toString()}”的值不是有限数字（${value > 0 ? '正无穷大' : value < 0 ? '负无穷大' : '无法计算'}）`,
        );
        return;
      }
    }
    for (const child of childrenOf(n)) visit(child);
  };
  visit(node);
  return out;
}

const constant = (n: MathNode): unknown => {
  try {
    return n.compile().evaluate({});
  } catch {
    return undefined;
  }
};

function childrenOf(n: MathNode): MathNode[] {
  const out: MathNode[] = [];
  n.forEach((child) => {
    out.push(child);
  });
  return out;
}

type Run = { value: number } | { error: string; fatal: boolean };

/**
 * Parse and check `expr`; `where` names the rule file and rule in the reader's words
 * (`rules/x.yaml「正向指标」的计分公式`) and appears in every error, at compile time and at evaluation.
 * Refused at once: anything outside the allow-list, a constant piece that is not finite, a division by 0, and
 * a formula finite on none of a spread of inputs (`weight / (target - target)`).
 */
export function compileFormula(expr: string, where: string): CompiledFormula {
  if (expr.length > MAX_LENGTH) throw refuse(where, [`公式过长（${expr.length} 个字符，最多 ${MAX_LENGTH}）`]);
  let node: MathNode;
  try {
    node = parse(expr);
  } catch (err) {
    throw refuse(where, [`公式写法有误：${syntaxWords(errorText(err))}`]);
  }
  const found: string[] = [];
  findForbidden(node, found);
  if (found.length > 0) throw refuse(where, [...new Set(found)]);
  const constants = constantProblems(node);
  if (constants.length > 0) throw refuse(where, constants);

  const code = node.compile();
  const symbols = symbolsOf(node);
  const run = (scope: FormulaScope): Run => {
    let value: unknown;
    try {
      // A fresh plain object: the formula can read the scope but never keep anything between calls.
      value = code.evaluate({ ...scope });
    } catch (err) {
      const missing = /^Undefined symbol (\w+)/.exec(errorText(err))?.[1] as keyof FormulaScope | undefined;
      const why = missing && UNDEFINED_WHY[missing];
      if (why) return { error: `${why}；${UNDEFINED_HINT}`, fatal: false };
      return { error: `公式无法计算：${mathWords(errorText(err))}`, fatal: true };
    }
    if (typeof value === 'number' && Number.isFinite(value)) return { value };
    const shown =
      typeof value === 'boolean'
        ? '一个比较结果（是或否）'
        : typeof value === 'number'
          ? Number.isNaN(value)
            ? '无法计算的数'
            : value > 0
              ? '正无穷大'
              : '负无穷大'
          : '非数字';
    const error = `公式结果应为有限数字，实际为${shown}（除以零、负数开方，或把比较结果当作得分？）`;
    // NaN, ±Infinity or a complex number usually depend on the input; a boolean means a comparison was
    // written where a score belongs.
    return { error, fatal: typeof value === 'boolean' };
  };

  // Wrong argument counts and boolean results show up on any input: report them now, not mid-scoring.
  const trials = GRID.map(run);
  const fatal = trials.find((t): t is Run & { fatal: boolean } => 'error' in t && t.fatal);
  if (fatal && 'error' in fatal) throw refuse(where, [fatal.error]);
  if (trials.every((t) => 'error' in t)) {
    throw refuse(where, ['公式在任何输入下都得不到有限数字（是否除以 0，或结果过大？）']);
  }

  const evaluate = (scope: FormulaScope): number => {
    const result = run(scope);
    if ('error' in result) {
      const inputs = FORMULA_SYMBOLS.filter((name) => scope[name] !== undefined)
        .map((name) => `${name}=${scope[name]}`)
        .join('，');
      throw refuse(where, [`${result.error}；输入：${inputs}`]);
    }
    return result.value;
  };
  return { expr, symbols, evaluate };
}

/** mathjs's own texts for the common slips, in the reader's words (its English is never shown). */
function syntaxWords(text: string): string {
  if (/Parenthesis \) expected|Unexpected end/.test(text)) return '括号没有配对，或公式没有写完';
  if (/Unexpected operator|Value expected/.test(text)) return '运算符前后缺少数值';
  if (/Unexpected type of argument|Unexpected/.test(text)) return '出现了意外的符号';
  return '无法读懂这个公式';
}

function mathWords(text: string): string {
  const fn = /function (\w+)/.exec(text)?.[1];
  const named = fn ? `函数“${fn}”` : '函数';
  if (/Too (few|many) arguments/.test(text)) return `${named}的参数个数不对`;
  if (/Unexpected type of argument/.test(text)) return `${named}的参数类型不对`;
  return '计算出错';
}
