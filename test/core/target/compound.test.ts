import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActual } from '../../../src/core/actual.js';
import { parseTarget } from '../../../src/core/target/parse.js';
import { Target } from '../../../src/model/target.js';

/** Two values in one cell, and a cell that says the row does not apply. */

const compounds: [string, object[]][] = [
  [
    '≥500人次 / ≥95%',
    [
      { raw: '≥500人次', direction: 'positive', op: '>=', value: 500, unit: '人次' },
      { raw: '≥95%', direction: 'positive', op: '>=', value: 95, unit: '%' },
    ],
  ],
  [
    '≥500人次/≥95%',
    [
      { raw: '≥500人次', value: 500 },
      { raw: '≥95%', value: 95 },
    ],
  ],
  [
    '全年 / ≥300天',
    [
      { raw: '全年', direction: 'qualitative', text: '全年' },
      { raw: '≥300天', direction: 'positive', value: 300, unit: '天' },
    ],
  ],
  // A unit's own "/" does not split: "元/人" stays in the first part.
  [
    '≤30元/人/≥95%',
    [
      { raw: '≤30元/人', direction: 'reverse', value: 30, unit: '元/人' },
      { raw: '≥95%', value: 95 },
    ],
  ],
  [
    '≥10场；≥90%',
    [
      { raw: '≥10场', value: 10, unit: '场' },
      { raw: '≥90%', value: 90 },
    ],
  ],
  [
    '≥3次/12月底前',
    [
      { raw: '≥3次', value: 3 },
      { raw: '12月底前', direction: 'deadline', date: '2025-12-31' },
    ],
  ],
];

describe('two values in one cell', () => {
  it.each(compounds)('%s', (raw, parts) => {
    const t = parseTarget(raw, { year: 2025 });
    expect(t).toMatchObject({ raw, direction: 'compound' });
    if (t.direction !== 'compound') return;
    expect(t.parts).toHaveLength(parts.length);
    t.parts.forEach((p, i) => {
      expect(p).toMatchObject(parts[i] as object);
    });
  });

  it.each([
    ['≤30元/人', 'reverse'],
    ['17元/人.每天', 'positive'],
    ['2024/03/01', 'deadline'],
    // A part with no unit says nothing of what it counts: not guessed.
    ['≥500人次 / ≥95', 'invalid'],
    ['500/95%', 'invalid'],
    // Two words: no measurable part.
    ['全年/全覆盖', 'qualitative'],
  ])('%s is not a compound (%s)', (raw, direction) => {
    expect(parseTarget(raw, { year: 2025 }).direction).toBe(direction);
  });

  it('reads an actual written the same way part by part', () => {
    const a = parseActual('520人次 / 96%', 2025);
    expect(a).toEqual({
      ok: true,
      value: {
        raw: '520人次 / 96%',
        kind: 'parts',
        parts: [
          { raw: '520人次', kind: 'number', value: 520, unit: '人次' },
          { raw: '96%', kind: 'number', value: 96, unit: '%' },
        ],
      },
    });
  });
});

describe('a cell that says the row does not apply', () => {
  it.each([
    '本项目不适用此指标',
    '不适用',
    '无',
    '/',
    '／',
    ' 不适用 ',
    '本项目不适用',
    '无此指标',
    '不适用（本年度未开展）',
  ])('%j', (raw) => {
    expect(parseTarget(raw)).toEqual({ raw, direction: 'not-applicable' });
  });

  it.each(['无事故', '无重大安全事故', '//', '—'])('%j is something else', (raw) => {
    expect(parseTarget(raw).direction).not.toBe('not-applicable');
  });
});

/** Text close to the compound grammar: parts, separators, spaces, operators and period words mixed at random. */
const piece = fc.constantFrom(
  '≥500人次',
  '≥95%',
  '全年',
  '≤30元/人',
  '12月底前',
  '90%-95%',
  '≥',
  '人',
  '95',
  '不适用',
  '无',
  '**',
  '',
);
const cell = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.constantFrom('/', ' / ', '／', '；', ';', '/ '))
  .map(([ps, sep]) => ps.join(sep));

describe('compound grammar properties', () => {
  it('never throws, keeps raw as given and always parses to a valid target', () => {
    fc.assert(
      fc.property(fc.oneof(cell, fc.string()), (raw) => {
        const t = parseTarget(raw, { year: 2025 });
        expect(t.raw).toBe(raw);
        expect(Target.safeParse(t).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('each part of a compound is exactly what its own text parses to, and the parts are not compound', () => {
    fc.assert(
      fc.property(cell, fc.boolean(), (raw, cost) => {
        const ctx = cost ? { year: 2025, cost: true } : { year: 2025 };
        const t = parseTarget(raw, ctx);
        if (t.direction !== 'compound') return;
        expect(t.parts.length).toBeGreaterThanOrEqual(2);
        for (const p of t.parts) {
          expect(parseTarget(p.raw, ctx)).toEqual(p);
          expect(raw).toContain(p.raw);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
