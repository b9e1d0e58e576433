import type { Problem } from '../../errors.js';
import type { Target } from '../../model/target.js';
import type { ActualValue } from '../actual.js';
import { cleanFloat, convert, unitInfo } from '../units.js';
import type { Step } from './steps.js';

export type UnitComparison =
  | { ok: true; value: number; unit: string | null; converted?: Step; warnings: Problem[] }
  | { ok: false; message: string; code?: string };

/**
 * A share written where a percentage is expected (0.93 under ≥95%): no unit, a value in (0, 1], a target above 1%.
 * It is refused, not guessed: 93% and 0.93% are both possible. Returns the message, or null.
 */
export function fractionInPercent(
  target: Extract<Target, { unit: string | null }>,
  actual: Extract<ActualValue, { kind: 'number' }>,
): string | null {
  const targetValue = target.direction === 'range' ? target.max : target.value;
  if (actual.unit !== null || target.dimension !== 'percent' || actual.value <= 0 || actual.value > 1) return null;
  if (targetValue <= 1) return null;
  // 0.93 × 100 is 93.00000000000001 in binary floating point: clean it before it is printed.
  const percent = cleanFloat(actual.value * 100);
  return `实际完成值 ${actual.raw} 没有写百分号，而指标值以百分数表示（${target.raw}）：是 ${percent}% 请写成“${percent}%”，确是 ${actual.raw}% 请写成“${actual.raw}%”`;
}

/**
 * Bring the actual into the target's unit. No unit on the actual means the target's unit (but a share under a
 * percentage is an error). Different count nouns (家 vs 次) are a warning; different dimensions (万元 vs %) an
 * error naming both.
 */
export function compareUnits(
  target: Extract<Target, { unit: string | null }>,
  actual: Extract<ActualValue, { kind: 'number' }>,
  where: string,
): UnitComparison {
  const tu = target.unit;
  const au = actual.unit;
  const warnings: Problem[] = [];
  if (au === null || tu === null || au === tu) {
    const fraction = fractionInPercent(target, actual);
    if (fraction) return { ok: false, code: 'percent-as-fraction', message: fraction };
    return { ok: true, value: actual.value, unit: tu ?? au, warnings };
  }
  const c = convert(actual.value, au, tu);
  if (c.ok) {
    return {
      ok: true,
      value: c.value,
      unit: tu,
      converted: {
        kind: 'unit-converted',
        actual: actual.raw,
        value: c.value,
        unit: tu,
        approximate: Boolean(c.approximate),
      },
      warnings,
    };
  }
  const a = unitInfo(au);
  const t = unitInfo(tu);
  if (a.dimension === 'count' && t.dimension === 'count') {
    warnings.push({
      code: 'unit-mismatch',
      where,
      message: `实际完成值单位“${au}”与指标值单位“${tu}”不同，按数值直接比较`,
    });
    return { ok: true, value: actual.value, unit: tu, warnings };
  }
  return { ok: false, message: `实际完成值 ${actual.raw} 与指标值 ${target.raw}：${c.message}` };
}
