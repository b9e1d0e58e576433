import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanFloat, convert, unitInfo } from '../../src/core/units.js';

describe('units', () => {
  it.each([
    ['家', 'count'],
    ['人次', 'count'],
    ['万人', 'count'],
    ['亩', 'area'],
    ['平方米', 'area'],
    ['米', 'length'],
    ['元', 'money'],
    ['万元', 'money'],
    ['亿元', 'money'],
    ['%', 'percent'],
    ['百分比', 'percent'],
    ['小时', 'time'],
    ['天', 'time'],
    ['日', 'time'],
    ['工作日', 'time'],
    ['周', 'time'],
    ['月', 'time'],
    ['年', 'time'],
    ['元/人', 'compound'],
    ['粒', 'count'],
  ])('%s is %s', (unit, dimension) => {
    expect(unitInfo(unit).dimension).toBe(dimension);
  });

  it.each([
    [12.16, '万元', '元', 121600],
    [121600, '元', '万元', 12.16],
    [1.2, '亿元', '万元', 12000],
    [4, '万人', '人', 40000],
    [45000, '人', '万人', 4.5],
    [2, '天', '小时', 48],
    [1, '周', '天', 7],
    [0.3, '万元', '元', 3000],
    [200, '元/人', '万元/人', 0.02],
    // 1 亩 = 10000/15 平方米: 8万亩 is 80000 亩 (it was read as 8000, a tenth), 1 公顷 15 亩, 1 平方公里 1500 亩.
    [8, '万亩', '亩', 80000],
    [1, '公顷', '亩', 15],
    [1, '平方公里', '亩', 1500],
    [3, '万亩', '公顷', 2000],
    [1500, '米', '公里', 1.5],
    [2, '万吨', '吨', 20000],
  ])('%s %s = %s %s', (value, from, to, expected) => {
    const r = convert(value, from, to);
    expect(r.ok && cleanFloat(r.value)).toBe(expected);
  });

  it('marks month and year conversions as approximate', () => {
    expect(convert(1, '月', '天')).toEqual({ ok: true, value: 30, approximate: true });
  });

  it.each([
    ['万元', '%', ['万元', '金额', '%', '百分比']],
    ['家', '次', ['家', '次']],
    ['天', '工作日', ['天', '工作日']],
    ['元/人', '元/户', ['元/人', '元/户']],
  ])('%s vs %s is an error naming both', (a, b, words) => {
    const r = convert(1, a, b);
    expect(r.ok).toBe(false);
    if (!r.ok) for (const w of words) expect(r.message).toContain(w);
  });
});

describe('cleanFloat', () => {
  it.each([
    [0.1 + 0.2, 0.3],
    [1.005 * 100, 100.5],
    [12.165, 12.165],
    [0.7 * 10000, 7000],
    [-0.1 - 0.2, -0.3],
    [1e-7 + 2e-7, 3e-7],
    [123456789.12345678, 123456789.123],
    [999856014390237, 999856014390237], // integers are never touched
  ])('%s → %s', (x, expected) => {
    expect(cleanFloat(x)).toBe(expected);
  });

  it('agrees with toPrecision(12) on random fractional values', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e11, max: 1e11, noNaN: true }), (x) => {
        fc.pre(!Number.isInteger(x));
        expect(cleanFloat(x)).toBe(Number.parseFloat(x.toPrecision(12)));
      }),
      { numRuns: 5000, seed: 3 },
    );
  });
});
