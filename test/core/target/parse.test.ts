import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../src/core/target/normalise.js';
import { parseChineseNumeral } from '../../../src/core/target/numerals.js';
import { parseTarget } from '../../../src/core/target/parse.js';
import { Target } from '../../../src/model/target.js';

const q = (direction: string, op: string, value: number, unit: string | null, extra: object = {}) => ({
  direction,
  op,
  value,
  unit,
  ...extra,
});

// Each form the foundation issue names, with the structure it must parse to.
const table: [string, object][] = [
  // operators, symbolic
  ['≥1000家', q('positive', '>=', 1000, '家', { dimension: 'count' })],
  ['≧20000亩', q('positive', '>=', 20000, '亩', { dimension: 'area' })],
  ['>=95%', q('positive', '>=', 95, '%', { dimension: 'percent' })],
  ['＞5', q('positive', '>', 5, null)],
  ['>3次', q('positive', '>', 3, '次')],
  ['=100%', q('equal', '=', 100, '%')],
  ['═100%', q('equal', '=', 100, '%')],
  ['＝72890元', q('equal', '=', 72890, '元', { dimension: 'money' })],
  ['<5%', q('reverse', '<', 5, '%')],
  ['≤50万元', q('reverse', '<=', 50, '万元', { dimension: 'money' })],
  ['≦3次', q('reverse', '<=', 3, '次')],
  ['<= 10天', q('reverse', '<=', 10, '天', { dimension: 'time' })],
  // operators, words
  ['不低于95%', q('positive', '>=', 95, '%')],
  ['不少于12 种', q('positive', '>=', 12, '种')],
  ['至少3场', q('positive', '>=', 3, '场')],
  ['1000家以上', q('positive', '>=', 1000, '家')],
  ['达到90%', q('positive', '>=', 90, '%')],
  ['不超过50万元', q('reverse', '<=', 50, '万元')],
  ['不高于3%', q('reverse', '<=', 3, '%')],
  ['50万元以内', q('reverse', '<=', 50, '万元')],
  ['5%以下', q('reverse', '<=', 5, '%')],
  ['低于2%', q('reverse', '<', 2, '%')],
  ['小于10天', q('reverse', '<', 10, '天')],
  ['大于80%', q('positive', '>', 80, '%')],
  // ranges
  ['90%-95%', { direction: 'range', min: 90, max: 95, unit: '%' }],
  ['3~5天', { direction: 'range', min: 3, max: 5, unit: '天' }],
  ['３～５天', { direction: 'range', min: 3, max: 5, unit: '天' }],
  ['90-95%', { direction: 'range', min: 90, max: 95, unit: '%' }],
  // full width, separators, Chinese numerals and scales
  ['≥９５％', q('positive', '>=', 95, '%')],
  ['≥1,000家', q('positive', '>=', 1000, '家')],
  ['１，２００人', q('positive', '>=', 1200, '人', { implicitOp: true })],
  ['一千家', q('positive', '>=', 1000, '家', { implicitOp: true })],
  ['两万人', q('positive', '>=', 20000, '人', { implicitOp: true })],
  ['1.5万', q('positive', '>=', 15000, null, { scale: 10000, implicitOp: true })],
  ['≥4万人', q('positive', '>=', 4, '万人')],
  ['≥1亿元', q('positive', '>=', 1, '亿元')],
  ['3亿', q('positive', '>=', 300000000, null, { scale: 1e8, implicitOp: true })],
  ['550万粒', q('positive', '>=', 5500000, '粒', { scale: 10000, implicitOp: true })],
  // compound units
  ['≤200元/人', q('reverse', '<=', 200, '元/人', { dimension: 'compound' })],
  ['≥5000人次', q('positive', '>=', 5000, '人次', { dimension: 'count' })],
  ['≤30元/人*月', q('reverse', '<=', 30, '元/人*月')],
  ['≤30元/人·月', q('reverse', '<=', 30, '元/人*月')],
  // bare numbers and percentages with no operator
  ['100', q('positive', '>=', 100, null, { implicitOp: true })],
  ['100%', q('positive', '>=', 100, '%', { implicitOp: true })],
  ['100.00%', q('positive', '>=', 100, '%', { implicitOp: true })],
  ['0次', q('equal', '=', 0, '次', { implicitOp: true })],
  ['≥100百分比', q('positive', '>=', 100, '百分比', { dimension: 'percent' })],
  // durations
  ['≤1月', q('reverse', '<=', 1, '月', { dimension: 'time' })],
  ['≥24小时', q('positive', '>=', 24, '小时', { dimension: 'time' })],
  ['≥2年', q('positive', '>=', 2, '年', { dimension: 'time' })],
  ['1月以内', q('reverse', '<=', 1, '月')],
  ['≤5个工作日', q('reverse', '<=', 5, '个工作日')],
];

const deadlines: [string, object][] = [
  ['2025年12月31日前', { date: '2025-12-31', precision: 'day', op: '<=' }],
  ['12月底前', { date: '2025-12-31', precision: 'month', month: 12, op: '<=' }],
  ['9月前', { date: '2025-09-01', precision: 'month', month: 9, op: '<' }],
  ['9月底前', { date: '2025-09-30', precision: 'month', op: '<=' }],
  ['≤2025年', { date: '2025-12-31', precision: 'year', year: 2025, op: '<=' }],
  ['2023年12月', { date: '2023-12-31', precision: 'month', year: 2023 }],
  ['2021年12月31日', { date: '2021-12-31', precision: 'day' }],
  ['11月底完成', { date: '2025-11-30', precision: 'month' }],
  ['12月底之前完成', { date: '2025-12-31' }],
  ['2024年2月底前', { date: '2024-02-29' }],
  ['2025-06-30', { date: '2025-06-30', precision: 'day' }],
  ['在2025年12月31日前完成安全生产检查', { date: '2025-12-31' }],
];

const qualitative: [string, string][] = [
  ['较往年有所提高', 'improve'],
  ['逐步提高', 'improve'],
  ['效果明显', 'achieve'],
  ['是', 'achieve'],
  ['达到预期', 'achieve'],
  ['合格', 'achieve'],
  ['严格执行相关制度规定', 'achieve'],
];

describe('parseTarget', () => {
  it.each(table)('%s', (raw, expected) => {
    const t = parseTarget(raw);
    expect(t).toMatchObject({ raw, ...expected });
    if (!('implicitOp' in expected)) expect(t).not.toHaveProperty('implicitOp');
  });

  it.each(deadlines)('deadline %s', (raw, expected) => {
    expect(parseTarget(raw, { year: 2025 })).toMatchObject({ raw, direction: 'deadline', ...expected });
  });

  it('leaves a month deadline without a year open when no table year is given', () => {
    expect(parseTarget('12月底前')).toMatchObject({ direction: 'deadline', date: null, year: null, month: 12 });
  });

  it.each(qualitative)('qualitative %s', (raw, sense) => {
    expect(parseTarget(raw)).toEqual({ raw, direction: 'qualitative', sense, text: raw });
  });

  it.each([
    ['≥**', 'placeholder'],
    ['≥**%', 'placeholder'],
    ['—', 'placeholder'],
    // "/" alone marks a row that does not apply (test/core/target/compound.test.ts); doubled it is still a blank.
    ['//', 'placeholder'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['≥1000家（2024年为900家', 'unrecognised'],
    ['000亩', 'unrecognised'],
    ['≥08%', 'unrecognised'],
  ])('%j is a problem (%s), not a guess', (raw, code) => {
    const t = parseTarget(raw);
    expect(t.direction).toBe('invalid');
    if (t.direction === 'invalid') {
      expect(t.problem.code).toBe(code);
      expect(t.problem.message).toMatch(/指标值/);
    }
  });

  it('keeps a trailing remark as a note', () => {
    expect(parseTarget('≥95%（抽样调查）')).toMatchObject({ direction: 'positive', value: 95, note: '抽样调查' });
  });

  it('does not treat a month count as a deadline or a year as a count', () => {
    expect(parseTarget('≤2025年').direction).toBe('deadline');
    expect(parseTarget('≥2年').direction).toBe('positive');
    expect(parseTarget('≤1月').direction).toBe('reverse');
    expect(parseTarget('1月底前', { year: 2025 }).direction).toBe('deadline');
  });

  it('produces values without float artefacts', () => {
    expect(parseTarget('0.7万').direction === 'positive' && parseTarget('0.7万')).toMatchObject({ value: 7000 });
    expect(parseTarget('1.1万人次')).toMatchObject({ value: 1.1, unit: '万人次' });
    expect(parseTarget('0.3万元')).toMatchObject({ value: 0.3, unit: '万元' });
  });
});

describe('parseTarget properties', () => {
  it('never throws and always returns a valid Target (a target or a problem)', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789.,%％≥≤<>=≧≦═＝~～-—至到年月日前底万亿千百十一二两三家人次元万元/*() （）：是否提高 \t'.split(''),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 16 })), (s) => {
        const t = parseTarget(s, { year: 2025 });
        expect(Target.safeParse(t).success).toBe(true);
        expect(t.raw).toBe(s);
      }),
      { numRuns: 2000, seed: 20251231 },
    );
  });

  it('parses "<op><n><unit>" back to the same number for any n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom('家', '万元', '%', '次', '人次'),
        (n, unit) => {
          const t = parseTarget(`≥${n}${unit}`);
          expect(t).toMatchObject({ direction: 'positive', value: n, unit });
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('normalising full-width text is idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom(...'＞＝≧≦═>=<=，１２３％～— ,0'.split('')) }),
        ),
        (s) => {
          const once = normaliseText(s);
          expect(normaliseText(once)).toBe(once);
        },
      ),
      { numRuns: 2000, seed: 1 },
    );
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['一千', 1000],
    ['两万', 20000],
    ['三万五千', 35000],
    ['一亿五千万', 150000000],
    ['二〇二五', 2025],
    ['万', null],
    ['一点五', null],
  ] as [string, number | null][])('%s → %s', (text, n) => {
    expect(parseChineseNumeral(text)).toBe(n);
  });
});
