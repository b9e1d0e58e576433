import type { RuleSet } from '../../model/rule-set.js';
import type { QuantitativeTarget, RangeTarget } from '../../model/target.js';
import type { IndicatorInput, IndicatorOutcome } from './indicator.js';
import { explain, finish, note } from './indicator.js';
import type { Step } from './steps.js';

interface Units {
  value: number;
  unit: string | null;
  converted?: Step | undefined;
  warnings: IndicatorOutcome['warnings'];
}

/**
 * A ≤ or = target of 0 (accidents "≤0起", overspending "=0万元/人"): the rule set's zeroTarget rule, not its formula,
 * since A÷B and B÷A have no value there. 0 done (an actual is never below 0) is full marks; any more earns
 * overShare of the weight (national: 0).
 */
export function scoreZeroTarget(
  target: QuantitativeTarget | RangeTarget,
  input: IndicatorInput,
  units: Units,
  r: RuleSet,
): IndicatorOutcome {
  const rule = r.scoring.zeroTarget;
  const { weight } = input;
  const b = units.value;
  const met = b <= 0;
  const share = met ? 1 : rule.overShare;
  const e = explain('scoring.zeroTarget', { zeroTarget: { overShare: rule.overShare } }, rule.source, r, input.quiet);
  e.inputs = { A: 0, B: b, w: weight };
  if (units.unit) e.inputs.unit = units.unit;
  const converted = units.converted;
  if (converted) note(e, () => converted);
  note(e, () => ({ kind: 'zero-target', actual: b, unit: units.unit, met, share }));
  if (target.direction !== 'range' && target.implicitOp) {
    note(e, () => ({ kind: 'operator-inferred', op: '=', cost: target.asCost === true }), 'first');
  }
  const outcome = finish(share * weight, weight, true, e, r);
  return {
    ruleScore: outcome.ruleScore,
    explanation: outcome.explanation,
    status: met ? 'met' : 'missed',
    errors: [],
    warnings: [...units.warnings],
  };
}
