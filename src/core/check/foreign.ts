import { KNOWN_UNITS, unitInfo } from '../units.js';
import { type Check, eachRow, rowFinding } from './finding.js';
import { byId } from './rows.js';
import { inUnitOf, isQuantity, quantitiesIn, same } from './text.js';

/**
 * Checks for tables of other units' templates, where the printed form leaves traces a reviewer must clear: a
 * template's placeholder left in a name ("(≥**人)"), a target without its comparison word (and what it will be
 * read as), and a name whose unit or number says something else than the target.
 */

/** "(≥**人)", "( ≥**% )", "≥**人": a template blank left in the name, where a number belongs. */
const NAME_PLACEHOLDER = /[(（]?\s*[≥≤<>=]*\s*(?:\*{2,}|[xX]{2,}|×{2,})\s*[\u4e00-\u9fff%]{0,3}\s*[)）]?/;

/** placeholder-left: the template's "**" never replaced in the 三级指标 name. */
export const placeholderLeft: Check = (doc, ctx) => {
  const mark = byId(ctx.rows, (name) => NAME_PLACEHOLDER.exec(name)?.[0]?.trim() ?? null);
  return eachRow(doc, (p, i, ind, r) => {
    const found = mark(ctx.rows.name[r] as number);
    if (!found) return null;
    const message = `三级指标“${ind.name}”中留有模板占位符“${found}”，没有填写`;
    const fix = `删去“${found}”（指标值已写在“指标值”一栏），或填入具体数值`;
    return rowFinding(ctx, p, i, ind, 'placeholder-left', 'warning', message, fix);
  });
};

/**
 * operator-missing: a number with no comparison word is scored by an inferred direction — ≥ in general, = for 0,
 * ≤ in a cost row. The finding says which, so the table can say it itself.
 */
export const operatorMissing: Check = (doc, ctx) =>
  eachRow(doc, (p, i, ind) => {
    // In a two-value cell ("500人次 / ≥95%") the first part written without one is named.
    const whole = ind.target;
    const t = whole.direction === 'compound' ? whole.parts.find((x) => isQuantity(x) && x.implicitOp) : whole;
    if (!t || !isQuantity(t) || !t.implicitOp) return null;
    const written = whole === t ? `“${t.raw.trim()}”` : `“${whole.raw.trim()}”中的“${t.raw.trim()}”`;
    const sign = t.op === '>=' ? '≥' : t.op === '<=' ? '≤' : '=';
    const read = `${sign}${t.value}${t.unit ?? ''}`;
    const fromName = t.unitFromName ? `（单位“${t.unit}”取自三级指标名称）` : '';
    if (t.asCost) {
      const message = `成本指标${written}未写比较符，按成本指标理解为“${read}”（不超过）${fromName}`;
      return rowFinding(ctx, p, i, ind, 'direction-inferred', 'warning', message, `写明“${read}”`);
    }
    const message = `指标值${written}没有写比较符，按“${read}”计分${fromName}`;
    return rowFinding(ctx, p, i, ind, 'operator-missing', 'info', message, `写明比较符，如“${read}”`);
  });

/** The units named in a 三级指标 ("…人数(≥**人)" → 人; "达标率100%" → 100%). */
const NAME_UNIT =
  /[(（]\s*[≥≤<>=]*\s*(?:\*+|\d+(?:\.\d+)?)?\s*([\u4e00-\u9fff%]{1,3})\s*[)）]\s*$|[≥≤]\s*\*+\s*([\u4e00-\u9fff%]{1,3})\s*$/;

/**
 * name-target-mismatch: the name's own unit or number says otherwise than the target: "受益人数(≥**人)" with
 * "≥4个", "达标率100%" with "≥98%". Only units of the same kind that cannot be compared (人 vs 个) or numbers in
 * the same unit that differ are flagged.
 */
export const nameTargetMismatch: Check = (doc, ctx) => {
  const nameUnit = byId(ctx.rows, (name) => {
    const m = NAME_UNIT.exec(name);
    const unit = m ? (m[1] ?? m[2] ?? null) : null;
    // Only a unit is a unit: "（埭头镇）" after a name is the place the row is for.
    return unit !== null && KNOWN_UNITS.includes(unit) ? unit : null;
  });
  const nameQuantities = byId(ctx.rows, quantitiesIn);
  return eachRow(doc, (p, i, ind, r) => {
    const t = ind.target;
    if (!isQuantity(t) || t.unit === null) return null;
    const unit = nameUnit(ctx.rows.name[r] as number);
    if (unit && unit !== t.unit && unitInfo(unit).base !== unitInfo(t.unit).base) {
      const message = `三级指标“${ind.name}”以“${unit}”计，指标值“${t.raw.trim()}”却以“${t.unit}”计`;
      return rowFinding(ctx, p, i, ind, 'name-target-mismatch', 'warning', message, '统一名称与指标值的计量单位');
    }
    for (const q of nameQuantities(ctx.rows.name[r] as number)) {
      const v = inUnitOf(q, t.unit);
      if (v === null || same(v, t.value)) continue;
      const message = `三级指标“${ind.name}”写“${q.text}”，指标值却是“${t.raw.trim()}”`;
      const fix = '核对后统一名称与指标值中的数值（年终按指标值评分），名称中一般不写数值';
      return rowFinding(ctx, p, i, ind, 'name-target-mismatch', 'warning', message, fix);
    }
    return null;
  });
};
