import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowContext } from '../../../src/core/target/context.js';
import { parseTarget } from '../../../src/core/target/parse.js';
import { Target } from '../../../src/model/target.js';

/** The forms real goal tables of other units print (湖南, 湖北, 四川, 安徽), each with what it must parse to. */

const dated: [string, object][] = [
  ['2025年年底前', { direction: 'deadline', date: '2025-12-31', precision: 'month', month: 12, year: 2025 }],
  ['年底前', { direction: 'deadline', date: '2023-12-31', precision: 'month', month: 12 }],
  ['每年12月底前', { direction: 'deadline', date: '2023-12-31', precision: 'month', recurring: true }],
  ['12月底前', { direction: 'deadline', date: '2023-12-31', month: 12 }],
  ['2023年12月31日', { direction: 'deadline', date: '2023-12-31', precision: 'day' }],
  ['2023.07-2024.01', { direction: 'deadline', from: '2023-07-01', date: '2024-01-31', precision: 'month' }],
  ['2023年7月至12月', { direction: 'deadline', from: '2023-07-01', date: '2023-12-31' }],
  ['2023-2025年', { direction: 'deadline', from: '2023-01-01', date: '2025-12-31', precision: 'year' }],
  ['2023.7.1-2023.12.31', { direction: 'deadline', from: '2023-07-01', date: '2023-12-31', precision: 'day' }],
  ['2024.03', { direction: 'deadline', date: '2024-03-31', precision: 'month' }],
];

const quantities: [string, object][] = [
  ['17元/人.每天', { direction: 'positive', value: 17, unit: '元/人/天', dimension: 'compound', implicitOp: true }],
  ['≤20元/人/天', { direction: 'reverse', value: 20, unit: '元/人/天' }],
  ['≤30元/人·每月', { direction: 'reverse', value: 30, unit: '元/人/月' }],
  ['250万', { direction: 'positive', value: 2_500_000, unit: null, scale: 10_000, implicitOp: true }],
  ['≥80M', { direction: 'positive', value: 80, unit: '米', dimension: 'length' }],
  ['≥2KM', { direction: 'positive', value: 2, unit: '千米', dimension: 'length' }],
  ['≤30/株', { direction: 'reverse', value: 30, unit: '/株', dimension: 'compound' }],
  ['2', { direction: 'positive', op: '>=', value: 2, unit: null, implicitOp: true }],
  ['168', { direction: 'positive', op: '>=', value: 168, unit: null, implicitOp: true }],
  ['10辆', { direction: 'positive', op: '>=', value: 10, unit: '辆', implicitOp: true }],
  ['=0万元/人', { direction: 'equal', op: '=', value: 0, unit: '万元/人' }],
  ['>=1102人', { direction: 'positive', op: '>=', value: 1102, unit: '人' }],
  ['95%以上', { direction: 'positive', op: '>=', value: 95, unit: '%' }],
  ['大于90%', { direction: 'positive', op: '>', value: 90, unit: '%' }],
];

/** In a cost row (成本指标) a missing operator is a ceiling and 万 is 万元; the target says it was inferred. */
const costRows: [string, object][] = [
  ['250万', { direction: 'reverse', op: '<=', value: 250, unit: '万元', implicitOp: true, asCost: true }],
  ['250万元', { direction: 'reverse', op: '<=', value: 250, unit: '万元', implicitOp: true, asCost: true }],
  ['1.2亿', { direction: 'reverse', op: '<=', value: 1.2, unit: '亿元', asCost: true }],
  ['17元/人.每天', { direction: 'reverse', op: '<=', value: 17, unit: '元/人/天', asCost: true }],
  ['250万以内', { direction: 'reverse', op: '<=', value: 250, unit: '万元', asCost: true }],
  ['≥250万元', { direction: 'positive', op: '>=', value: 250, unit: '万元' }],
  ['≤12.16万元', { direction: 'reverse', op: '<=', value: 12.16, unit: '万元' }],
  ['0万元', { direction: 'equal', op: '=', value: 0, unit: '万元', implicitOp: true }],
];

const qualitative: [string, string][] = [
  ['有所减轻', 'improve'],
  ['有所提升', 'improve'],
  ['优良', 'achieve'],
  ['良', 'achieve'],
  ['A级', 'achieve'],
];

describe('target grammar of other units’ tables', () => {
  it.each(dated)('%s', (raw, expected) => {
    expect(parseTarget(raw, { year: 2023 })).toMatchObject({ raw, ...expected });
  });

  it.each(quantities)('%s', (raw, expected) => {
    const t = parseTarget(raw, { year: 2023 });
    expect(t).toMatchObject({ raw, ...expected });
    expect(t).not.toHaveProperty('asCost');
  });

  it.each(costRows)('cost row %s', (raw, expected) => {
    expect(parseTarget(raw, { year: 2023, cost: true })).toMatchObject({ raw, ...expected });
  });

  it.each(qualitative)('qualitative %s', (raw, sense) => {
    expect(parseTarget(raw)).toMatchObject({ raw, direction: 'qualitative', sense });
  });

  it('reads a sentence holding numbers as qualitative, with a note saying why', () => {
    const t = parseTarget('第一年按总投资额返本20%,分红按8%分红');
    expect(t).toMatchObject({ direction: 'qualitative', note: expect.stringContaining('按定性指标评价') });
  });

  it.each(['≥**人', '(≥**株)', '（≥**株）', '**月**日前', '≥XX%'])('%s is a placeholder, not a number', (raw) => {
    expect(parseTarget(raw)).toMatchObject({ direction: 'invalid', problem: { code: 'placeholder' } });
  });

  it.each(['大约1000家左右吧', '≥1000家（2024年为900家', '≥500人次 / ≥95'])(
    '%s stays unrecognised, with the reason',
    (raw) => {
      expect(parseTarget(raw)).toMatchObject({ direction: 'invalid', problem: { code: 'unrecognised' } });
    },
  );

  it('takes the cost reading from the row: 成本 as a 一级 or as a 二级', () => {
    expect(rowContext({ tier1: '成本指标', tier2: '经济成本指标' }, 2023)).toEqual({ year: 2023, cost: true });
    expect(rowContext({ tier1: '产出指标', tier2: '成本指标' }, 2023)).toEqual({ year: 2023, cost: true });
    expect(rowContext({ tier1: '产出指标', tier2: '数量指标' }, 2023)).toEqual({ year: 2023 });
  });
});

describe('target grammar properties', () => {
  it('a period’s end is its deadline and never before its start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2040 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 30 }),
        (y, m, span) => {
          const end = new Date(Date.UTC(y, m - 1 + span, 1));
          const raw = `${y}.${String(m).padStart(2, '0')}-${end.getUTCFullYear()}.${String(end.getUTCMonth() + 1).padStart(2, '0')}`;
          const t = parseTarget(raw, { year: y });
          expect(t.direction).toBe('deadline');
          if (t.direction !== 'deadline' || t.date === null) return;
          expect(t.from).toBe(`${y}-${String(m).padStart(2, '0')}-01`);
          expect(t.date >= (t.from as string)).toBe(true);
          expect(t.date.slice(0, 7)).toBe(`${end.getUTCFullYear()}-${String(end.getUTCMonth() + 1).padStart(2, '0')}`);
        },
      ),
      { numRuns: 500, seed: 13 },
    );
  });

  it('in a cost row a bare amount is never read as a floor, and any n万 is n 万元', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('', '万', '万元', '元'), (n, unit) => {
        const t = parseTarget(`${n}${unit}`, { cost: true });
        expect(t).toMatchObject({ direction: 'reverse', op: '<=', value: n, asCost: true });
        if (unit === '万') expect(t).toMatchObject({ unit: '万元' });
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it('placeholders anywhere in a target with no digit are never numbers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '≥', '≤', '>=', '='),
        fc.constantFrom('**', '***', 'XX', 'xx'),
        fc.constantFrom('', '%', '人', '株', '万元', '个'),
        fc.boolean(),
        (op, mark, unit, brackets) => {
          const body = `${op}${mark}${unit}`;
          const t = parseTarget(brackets ? `（${body}）` : body, { cost: true });
          expect(t).toMatchObject({ direction: 'invalid', problem: { code: 'placeholder' } });
        },
      ),
      { numRuns: 300, seed: 15 },
    );
  });

  it('never throws and always returns a valid Target, in a cost row too', () => {
    const alphabet = fc.constantFrom(...'0123456789.-~至年月日底前每万亿元人天/.*MKm≥≤<>=（）() 以上内'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 18 }), fc.boolean(), (s, cost) => {
        const t = parseTarget(s, { year: 2025, cost });
        expect(Target.safeParse(t).success).toBe(true);
        expect(t.raw).toBe(s);
      }),
      { numRuns: 2000, seed: 16 },
    );
  });
});
