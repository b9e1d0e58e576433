import type { Problem } from '../../errors.js';
import type { CompoundTarget, TargetPart } from '../../model/target.js';
import type { ActualValue } from '../actual.js';
import { example, isMeasured } from '../target/compound.js';
import type { IndicatorInput, IndicatorOutcome } from './indicator.js';
import { note, unscored } from './indicator.js';
import type { CompoundPart } from './steps.js';
import type { ScoringRules } from './types.js';

type ScoreOne = (input: IndicatorInput, rules: ScoringRules) => IndicatorOutcome;

/**
 * Two values in one cell ("≥500人次 / ≥95%"): each measurable part scored by its own rule with the indicator's
 * full weight; met when every part is met, otherwise the weakest part's score (the lowest) is the indicator's.
 * A period word ("全年") is not measured. The actual is written part by part the same way ("520人次 / 96%"); a
 * single value is accepted only when one part alone is measurable, and goes to that part.
 */
export function scoreCompound(
  target: CompoundTarget,
  input: IndicatorInput,
  rules: ScoringRules,
  scoreOne: ScoreOne,
): IndicatorOutcome {
  const measured = target.parts.flatMap((p, i) => (isMeasured(p) ? [i] : []));
  const actuals = assign(target, measured, input.actual as ActualValue);
  const fail = (errors: Problem[]): IndicatorOutcome => ({
    ruleScore: 0,
    status: 'invalid',
    explanation: unscored(rules.ruleSet, input.quiet),
    errors,
    warnings: [],
  });
  if (typeof actuals === 'string') return fail([{ code: 'compound-actual', where: input.where, message: actuals }]);
  const outcomes = new Map<number, IndicatorOutcome>();
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const i of measured) {
    const part = target.parts[i] as TargetPart;
    const where = `${input.where} 第${i + 1}项“${part.raw}”`;
    const out = scoreOne(
      { ...input, indicator: { ...input.indicator, target: part }, actual: actuals.get(i) ?? null, where },
      rules,
    );
    outcomes.set(i, out);
    errors.push(...out.errors);
    warnings.push(...out.warnings);
  }
  if (errors.length > 0) return fail(errors);
  let weakest = measured[0] as number;
  for (const i of measured) {
    const a = outcomes.get(i) as IndicatorOutcome;
    const b = outcomes.get(weakest) as IndicatorOutcome;
    // On a tie the part not met is the one to name.
    if (a.ruleScore < b.ruleScore || (a.ruleScore === b.ruleScore && b.status === 'met' && a.status !== 'met'))
      weakest = i;
  }
  const met = measured.every((i) => outcomes.get(i)?.status === 'met');
  const chosen = outcomes.get(weakest) as IndicatorOutcome;
  note(
    chosen.explanation,
    () => ({
      kind: 'compound',
      met,
      weakest: weakest + 1,
      parts: target.parts.map(
        (p, i): CompoundPart => ({
          target: p.raw,
          actual: actuals.get(i)?.raw ?? null,
          score: outcomes.get(i)?.ruleScore ?? null,
          met: outcomes.has(i) ? outcomes.get(i)?.status === 'met' : null,
        }),
      ),
    }),
    'first',
  );
  return { ...chosen, status: met ? 'met' : chosen.status === 'met' ? 'missed' : chosen.status, warnings };
}

/** Which actual goes to which part, or why none can be matched. */
function assign(target: CompoundTarget, measured: number[], actual: ActualValue): Map<number, ActualValue> | string {
  const out = new Map<number, ActualValue>();
  if (actual.kind !== 'parts') {
    if (measured.length === 1) out.set(measured[0] as number, actual);
    else
      return `指标值“${target.raw.trim()}”含 ${measured.length} 项，请按同样写法逐项填写实际完成值，用“/”隔开（如“${example(target)}”）`;
    return out;
  }
  if (actual.parts.length === target.parts.length) {
    for (const i of measured) out.set(i, actual.parts[i] as ActualValue);
    return out;
  }
  if (actual.parts.length === measured.length) {
    measured.forEach((i, k) => {
      out.set(i, actual.parts[k] as ActualValue);
    });
    return out;
  }
  return `实际完成值“${actual.raw.trim()}”有 ${actual.parts.length} 项，指标值“${target.raw.trim()}”有 ${measured.length} 项须填写实际值（如“${example(target)}”）`;
}
