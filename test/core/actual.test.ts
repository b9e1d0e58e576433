import { describe, expect, it } from 'vitest';
import { parseActual } from '../../src/core/actual.js';

describe('parseActual: a negative amount done', () => {
  it.each(['-1086家', '-5%', '-48.6万元', -3])('%s is refused, not scored as 0', (written) => {
    const r = parseActual(written, 2025);
    expect(r).toEqual({
      ok: false,
      message: `实际完成值“${written}”是负数；完成的数量、金额或比率不能小于 0，请填写实际完成的值`,
    });
  });

  it('reads zero and positive values as before', () => {
    expect(parseActual('0家', 2025)).toMatchObject({ ok: true, value: { kind: 'number', value: 0, unit: '家' } });
    expect(parseActual('1086家', 2025)).toMatchObject({ ok: true, value: { value: 1086 } });
    expect(parseActual(0)).toMatchObject({ ok: true, value: { value: 0 } });
  });
});
