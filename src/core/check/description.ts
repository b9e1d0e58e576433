import type { Operator } from '../../model/target.js';
import { type Check, eachRow, rowFinding } from './finding.js';
import { byId } from './rows.js';
import { inUnitOf, isAtLeast, isAtMost, isQuantity, type Quantity, quantitiesIn, same } from './text.js';

/**
 * description-mismatch: the 绩效指标描述 states a number in the target's unit that the 指标值 does not
 * ("不低于1000家" beside "≥1500家").
 *
 * Severity: an error when the description states a commitment (a comparison word: 不低于, 不超过, 以上 …),
 * because the row then promises two different things and a reviewer cannot approve it without knowing which
 * one binds (scoring uses only the 指标值, so the published description would be wrong). A bare number in the
 * same unit ("全区共3000家企业") may be context, not the target, so it is only a warning; so is any percentage,
 * since one row often names two rates ("抽检比例不低于10%" beside "合格率 ≥95%"). Numbers in other units, bare
 * numbers and dates are ignored.
 */
export const descriptionMismatch: Check = (doc, ctx) => {
  const quantities = byId(ctx.rows, quantitiesIn);
  return eachRow(doc, (p, i, ind, r) => {
    const t = ind.target;
    if (!isQuantity(t) || t.unit === null) return null;
    const found = quantities(ctx.rows.description[r] as number);
    if (found.length === 0) return null;
    // One pass, no arrays: this runs on every row whose description has numbers.
    let stated: Quantity | null = null; // the first comparable number, preferring one with a comparison word
    let matched = false;
    let clash: Quantity | null = null;
    for (const q of found) {
      const v = inUnitOf(q, t.unit);
      if (v === null) continue;
      if (same(v, t.value)) {
        matched = true;
        if (!clash && q.op !== null && opposite(q.op, t.op)) clash = q;
      } else if (!stated || (stated.op === null && q.op !== null)) stated = q;
    }
    const target = `指标值却是“${t.raw.trim()}”`;
    if (!matched && stated) {
      const message = `绩效指标描述写“${stated.text}”，${target}`;
      const fix = '核对后统一描述与指标值中的数值（年终按指标值评分）';
      const severity = stated.op && t.dimension !== 'percent' ? 'error' : 'warning';
      return rowFinding(ctx, p, i, ind, 'description-mismatch', severity, message, fix);
    }
    // Same number, opposite sense: "不超过1000家" beside "≥1000家".
    if (!clash) return null;
    const message = `绩效指标描述写“${clash.text}”，${target}：一个是下限，一个是上限`;
    const fix = '核对后统一描述与指标值的运算符（≥ 为不低于，≤ 为不超过）';
    return rowFinding(ctx, p, i, ind, 'description-mismatch', 'warning', message, fix);
  });
};

const opposite = (a: Operator, b: Operator) => (isAtLeast(a) && isAtMost(b)) || (isAtMost(a) && isAtLeast(b));
