import type { Problem } from '../../errors.js';
import { UserError } from '../../errors.js';
import type { RuleSet } from '../../model/rule-set.js';
import { num, round } from '../rounding.js';
import { cleanFloat } from '../units.js';
import type { BoundProject } from './bind.js';
import { explain, finish, note, unscored } from './indicator.js';
import type { BudgetScore, ScoringRules } from './types.js';

const fmt = num;

/**
 * 预算执行率: executed ÷ adjusted budget, scored by the rule set's execution rule (cap, custom formula); an
 * execution above the budget is scored at the cap and warned; below explainBelow without a reason, warned.
 */
export function scoreBudget(
  p: BoundProject,
  r: RuleSet,
  rules: ScoringRules,
  where: string,
  warnings: Problem[],
  quiet: boolean,
): BudgetScore {
  const b = p.entry.budget;
  const initial = b.initial ?? p.table.budget.total;
  const adjusted = b.adjusted ?? initial;
  const rule = r.execution;
  const weight = rule.weight;
  const base = { initial, adjusted, executed: b.executed ?? null, rate: 0, weight, score: 0 };
  const reason = b.reason ? { reason: b.reason } : {};
  const executed = b.executed;
  if (executed === undefined) {
    // A wholly unfilled project says so once (its own problem); otherwise the missing figure is named.
    const problems = p.unfilled
      ? []
      : [{ code: 'missing-executed', where: `${where} 预算执行率`, message: '未填写全年执行数' }];
    return { ...base, state: 'unfilled', ...reason, explanation: unscored(r, quiet), problems };
  }
  if (adjusted <= 0) {
    const problems = [{ code: 'budget-zero', where, message: '全年预算数为0，无法计算预算执行率' }];
    return { ...base, state: 'invalid', ...reason, explanation: unscored(r, quiet), problems };
  }
  // Score from the exact rate; only the reported rate is rounded (no double rounding at a boundary).
  const exactRate = executed / adjusted;
  const rate = round(exactRate, { decimals: 4, mode: 'half-up' });
  const e = explain('execution', rule.formula, rule.source, r, quiet);
  e.inputs = { adjusted, executed, rate, w: weight };
  note(e, () => ({ kind: 'execution-rate', executed, adjusted, rate }));
  const cap = rule.cap;
  const share = cap === null ? exactRate : Math.min(exactRate, cap);
  if (cap !== null && rate > cap) note(e, () => ({ kind: 'rate-cap', cap }));
  if (exactRate > 1) {
    const how = cap === null ? '按实际执行率计分（本规则不封顶）' : `按 ${fmt(cap * 100)}% 计分`;
    warnings.push({
      code: 'execution-above-budget',
      where: `${where} 预算执行率`,
      message: `全年执行数 ${fmt(executed)} 万元超过全年预算数 ${fmt(adjusted)} 万元（执行率 ${fmt(round(rate * 100, { decimals: 2, mode: 'half-up' }))}%），${how}；请核对执行数，预算有调整的填写调整后预算数`,
    });
  }
  let points = share * weight;
  if ('expr' in rule.formula) {
    const f = rules.formulas?.execution;
    const scope = { actual: executed, target: adjusted, weight, ratio: exactRate, rate: exactRate, cap: weight };
    try {
      if (f) points = f.evaluate(exactRate === 0 ? scope : { ...scope, inverse: 1 / exactRate });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      const problems = err.problems.map((x) => ({ code: 'formula', where, message: `${x.message}（${x.where}）` }));
      return { ...base, state: 'invalid', ...reason, explanation: unscored(r, quiet), problems };
    }
  }
  const result = points;
  // Steps hold clean decimals (0.35/10 is 0.034999… in binary): JSON readers get the figures as printed.
  note(e, () => ({ kind: 'execution-score', share: cleanFloat(share), weight, result: cleanFloat(result) }));
  const { ruleScore } = finish(points, weight, rule.cap !== null, e, r);
  if (rule.explainBelow !== null && rate < rule.explainBelow && !b.reason) {
    warnings.push({
      code: 'execution-below',
      where,
      message: `预算执行率 ${fmt(round(rate * 100, { decimals: 2, mode: 'half-up' }))}% 低于 ${fmt(rule.explainBelow * 100)}%，须说明执行偏差原因`,
    });
  }
  return { ...base, rate, score: ruleScore, state: 'scored', ...reason, explanation: e, problems: [] };
}
