import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula, FORMULA_FUNCTIONS, type FormulaScope } from '../../src/core/formula.js';
import { UserError } from '../../src/errors.js';

const WHERE = 'rules/custom.yaml: scoring.positive.formula.expr';
const scope = (over: Partial<FormulaScope> = {}): FormulaScope => {
  const s = { actual: 90, target: 100, weight: 20, rate: 0.9, cap: 1, ...over };
  return { ratio: s.actual / s.target, inverse: s.target / s.actual, ...s };
};

/** The UserError a call throws, described; fails the test when it throws anything else or nothing. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as UserError).describe();
  }
  throw new Error('expected a UserError');
}

describe('compileFormula: allowed expressions evaluate exactly', () => {
  it.each([
    ['min(actual/target,1)*weight', scope(), 18],
    ['min(ratio, cap) * weight', scope({ actual: 120 }), 20],
    ['inverse * weight', scope({ actual: 125, target: 100 }), 16],
    ['actual <= target ? weight : max(0, (1 - (actual - target) / target) * weight)', scope({ actual: 120 }), 16],
    ['rate >= 0.9 and rate <= 1 ? weight : rate * weight', scope({ rate: 0.95 }), 20],
    ['0.8 < ratio < 1 ? weight * 0.5 : 0', scope(), 10],
    ['round(ratio * weight, 1)', scope({ actual: 2 / 3, target: 1 }), 13.3],
    ['floor(ratio * 10) + ceil(0.2) + abs(-1) + sqrt(4) + pow(2, 3) + exp(0) + log(1)', scope(), 9 + 1 + 1 + 2 + 8 + 1],
    ['95% * weight', scope(), 19],
    ['-weight + +weight', scope(), 0],
    ['not (actual > target) ? weight : 0', scope(), 20],
  ])('%s', (expr, s, expected) => {
    expect(compileFormula(expr, WHERE).evaluate(s)).toBeCloseTo(expected, 12);
  });

  it('keeps the expression text', () => {
    expect(compileFormula('weight', WHERE).expr).toBe('weight');
  });
});

describe('compileFormula: mathjs escape routes are refused, naming the rule and the offending name', () => {
  it.each([
    ['import({}, {})', 'import'],
    ['createUnit("x")', 'createUnit'],
    ['evaluate("1")', 'evaluate'],
    ['parse("1")', 'parse'],
    ['compile("1")', 'compile'],
    ['simplify(actual)', 'simplify'],
    ['derivative(actual, actual)', 'derivative'],
    ['resolve(actual)', 'resolve'],
    ['chain(actual)', 'chain'],
    ['typed(actual)', 'typed'],
    ['config(actual)', 'config'],
    ['reviver(actual)', 'reviver'],
    ['f(x)=x', '“f”'],
    ['a=1', 'a = 1'],
    ['[1,2]', '[1, 2]'],
    ['{a:1}', '对象'],
    ['"str"', '"str"'],
    ['cos.constructor', 'cos.constructor'],
    ['actual["constructor"]', 'constructor'],
    ['x.y', 'x.y'],
    ['unknownName*2', 'unknownName'],
    ['weight * (actual > target or false_ish)', 'false_ish'],
    ['cube(2)', 'cube'],
    ['2 m', '“m”'],
    ['pi * weight', '“pi”'],
    ['5 mod 2', 'mod'],
    ['1:3', '1:3'],
    ['weight; actual', '多条'],
    ['true', 'true'],
    ['1e400', '超出范围'],
    ['min(', '写法有误'],
    ['min()', 'min'],
    ['actual > target', '有限数字'],
  ])('%s', (expr, name) => {
    const text = refusal(() => compileFormula(expr, WHERE));
    expect(text).toContain(WHERE);
    expect(text).toContain(name);
  });

  it('refuses an overlong expression', () => {
    expect(refusal(() => compileFormula(`${'1+'.repeat(600)}1`, WHERE))).toContain('过长');
  });
});

describe('compileFormula: evaluation errors name the rule', () => {
  it.each([
    ['weight / (actual - target)', scope({ actual: 100 }), '正无穷大'],
    ['sqrt(actual - target)', scope({ actual: 50 }), '有限数字'],
    ['log(actual - target)', scope({ actual: 100 }), '负无穷大'],
    ['round(actual, weight)', scope({ weight: 2.5 }), '计算出错'],
  ])('%s', (expr, s, fragment) => {
    const f = compileFormula(expr, WHERE);
    const text = refusal(() => f.evaluate(s));
    expect(text).toContain(WHERE);
    expect(text).toContain(fragment);
  });
});

/** Random expressions over the allowed grammar (and a few refused pieces), as source text. */
const leaf = fc.oneof(
  fc.constantFrom('actual', 'target', 'weight', 'ratio', 'inverse', 'rate', 'cap', 'pi', 'x'),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => `(${n})`),
);
const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', '<', '>=', '==', 'and', 'or'), tie('expr'))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    fc
      .tuple(fc.constantFrom(...FORMULA_FUNCTIONS, 'cube'), fc.array(tie('expr'), { minLength: 1, maxLength: 2 }))
      .map(([fn, args]) => `${fn}(${args.join(', ')})`),
    tie('expr').map((a) => `-(${a})`),
  ),
}));
const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
const scopes = fc.record({
  actual: finite,
  target: finite,
  weight: finite,
  ratio: finite,
  inverse: finite,
  rate: finite,
  cap: finite,
});

describe('compileFormula: property', () => {
  it('a formula either is refused, or on any finite scope gives a finite number or a UserError', () => {
    let accepted = 0;
    fc.assert(
      fc.property(expr, fc.array(scopes, { minLength: 1, maxLength: 5 }), (text, inputs) => {
        let f: ReturnType<typeof compileFormula>;
        try {
          f = compileFormula(text, WHERE);
        } catch (err) {
          return err instanceof UserError;
        }
        accepted++;
        for (const s of inputs) {
          try {
            expect(Number.isFinite(f.evaluate(s))).toBe(true);
          } catch (err) {
            if (!(err instanceof UserError)) throw err;
          }
        }
        return true;
      }),
      { numRuns: 400 },
    );
    // The grammar must reach the evaluator often, or the property says nothing about evaluation.
    expect(accepted).toBeGreaterThan(100);
  });
});
