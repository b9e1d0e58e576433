import { describe, expect, it } from 'vitest';
import { parseActual } from '../../../src/core/actual.js';
import { compareUnits } from '../../../src/core/scoring/compare-units.js';
import { parseTarget } from '../../../src/core/target/parse.js';

/** A share written where a percentage is expected: the hint prints the percentage exactly, without float noise. */
describe('a fraction in a percentage cell', () => {
  it.each([
    ['0.93', '93'],
    ['0.07', '7'],
    ['0.575', '57.5'],
    ['0.29', '29'],
  ])('%s is suggested as %s%%', (written, percent) => {
    const target = parseTarget('≥95%');
    const actual = parseActual(written);
    if (!('unit' in target)) throw new Error('target not numeric');
    if (!actual.ok || actual.value.kind !== 'number') throw new Error('actual not numeric');
    const r = compareUnits(target, actual.value, '第 1 行');
    if (!r.ok) throw new Error(r.message);
    const hint = r.warnings.find((w) => w.code === 'percent-as-fraction');
    expect(hint?.message).toContain(`如为 ${percent}% 请写成“${percent}%”`);
    expect(hint?.message).not.toMatch(/\d\.\d{5,}/);
  });
});
