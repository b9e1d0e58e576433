import { describe, expect, it } from 'vitest';
import { parseActual } from '../../../src/core/actual.js';
import { compareUnits } from '../../../src/core/scoring/compare-units.js';
import { parseTarget } from '../../../src/core/target/parse.js';

const compare = (target: string, written: string | number) => {
  const t = parseTarget(target);
  const actual = parseActual(written);
  if (!('unit' in t)) throw new Error('target not numeric');
  if (!actual.ok || actual.value.kind !== 'number') throw new Error('actual not numeric');
  return compareUnits(t, actual.value, '第 1 行');
};

/** A share written where a percentage is expected: an error asking for either reading, printed without float noise. */
describe('a fraction in a percentage cell', () => {
  it.each([
    ['0.93', '93'],
    ['0.07', '7'],
    ['0.575', '57.5'],
    ['0.29', '29'],
    [1, '100'],
  ])('%s is refused, asking for %s%% or the share as a percentage', (written, percent) => {
    const r = compare('≥95%', written);
    expect(r).toMatchObject({ ok: false, code: 'percent-as-fraction' });
    if (r.ok) return;
    expect(r.message).toContain(`是 ${percent}% 请写成“${percent}%”，确是 ${written}% 请写成“${written}%”`);
    expect(r.message).not.toMatch(/\d\.\d{5,}/);
  });

  it('reads 93%, 93 (the target unit) and a share under a target of at most 1%', () => {
    expect(compare('≥95%', '93%')).toMatchObject({ ok: true, value: 93 });
    expect(compare('≥95%', 93)).toMatchObject({ ok: true, value: 93 });
    expect(compare('≤0.5%', '0.3')).toMatchObject({ ok: true, value: 0.3 });
    expect(compare('≥95%', 0)).toMatchObject({ ok: true, value: 0 });
  });
});
