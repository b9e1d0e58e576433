import { describe, expect, it } from 'vitest';
import { CHECKS, checkByProject, checkGoals, type Finding, summarise } from '../../../src/core/check/index.js';
import { internRows } from '../../../src/core/check/rows.js';
import { memoNormalise } from '../../../src/core/check/text.js';
import type { GoalTable, Indicator } from '../../../src/model/goals.js';
import { makeGoals, makeIndicator, makeTable, standardIndicators } from '../../helpers/build.js';

const TIERS = ['产出指标', '效益指标', '满意度指标'];
const SOUND = ['≥1000家', '≥95%', '2025年11月底前', '≤50万元', '≥365天', '≥95%', '≥95%'];

/** A table a reviewer would pass: every tier, a basis on every row, cost = budget, a within-year deadline. */
function soundTable(over: Partial<GoalTable> = {}, rows: Indicator[] = standardIndicators(SOUND)): GoalTable {
  return makeTable(
    rows.map((ind) => ({ ...ind, basis: '唐字【2014】21号' })),
    over,
  );
}
const check = (tables: GoalTable[]) => checkGoals(makeGoals(tables), { tierNames: TIERS });

describe('checkGoals', () => {
  it('finds nothing in a sound table', () => {
    expect(check([soundTable()])).toEqual([]);
  });

  it('registers every check once, each a named function', () => {
    const names = CHECKS.map((c) => c.name);
    expect(new Set(names).size).toBe(CHECKS.length);
    expect(names.every((n) => /^[a-z][A-Za-z0-9]+$/.test(n))).toBe(true);
  });

  it('orders findings by project, then row (project-wide first), then code', () => {
    const broken = makeTable(
      [
        makeIndicator('≥*%', { name: '甲', basis: '' }),
        makeIndicator('≥95%', { tier1: '满意度指标', tier2: '服务对象满意度指标', name: '投诉率', basis: '某文件' }),
      ],
      { code: 'P2', name: '第二个项目（12.165）', budget: { total: 12.17, fiscal: 10, other: null } },
    );
    const found = check([soundTable({ code: 'P1' }), broken]);
    expect(found.map((f) => [f.project.code, f.indicator?.no ?? 0, f.code])).toEqual([
      ['P2', 0, 'budget-split'],
      ['P2', 0, 'name-differs-from-budget'],
      ['P2', 0, 'tier1-missing'], // 效益指标
      ['P2', 1, 'basis-missing'],
      ['P2', 1, 'target-invalid'],
      ['P2', 2, 'reverse-with-gte'],
    ]);
  });

  it('is deterministic: the same document gives the same findings', () => {
    const doc = makeGoals([soundTable({ code: 'A' }), soundTable({ code: 'B' })]);
    expect(checkGoals(doc, { tierNames: TIERS })).toEqual(checkGoals(doc, { tierNames: TIERS }));
  });

  it('keeps two projects with the same code apart (and reports the duplicate code)', () => {
    const doc = makeGoals([soundTable({ code: 'X', name: '甲' }), soundTable({ code: 'X', name: '乙' })]);
    const byProject = checkByProject(doc, { tierNames: TIERS });
    expect(byProject.map((list) => list.map((f: Finding) => f.code).filter((c) => c !== 'boilerplate'))).toEqual([
      [],
      ['duplicate-project-code'],
    ]);
    expect(byProject[1]?.[0]?.project).toEqual({ code: 'X', name: '乙' });
  });

  it('gives one list per project, aligned with the document, empty for clean projects', () => {
    const doc = makeGoals([
      soundTable({ code: 'A' }),
      soundTable({ code: 'B', budget: { total: 50, fiscal: 40, other: null } }),
    ]);
    const lists = checkByProject(doc, { tierNames: TIERS });
    const codes = lists.map((l) => l.filter((f) => f.code !== 'boilerplate').map((f) => f.code));
    expect(codes).toEqual([[], ['budget-split']]);
    expect(lists.flat()).toEqual(checkGoals(doc, { tierNames: TIERS }));
  });

  it('interns row texts: equal after normalisation means equal ids, rows numbered through the document', () => {
    const a = makeTable([makeIndicator('≥95%', { name: '服务对象满意度' }), makeIndicator('≥1家', { name: '甲' })]);
    const b = makeTable([makeIndicator('≥ 95 %', { name: '服务对象 满意度' })]);
    const rows = internRows(makeGoals([a, b]), memoNormalise());
    expect([...rows.start]).toEqual([0, 2, 3]);
    expect(rows.name[2]).toBe(rows.name[0]);
    expect(rows.name[1]).not.toBe(rows.name[0]);
    expect(rows.target[2]).toBe(rows.target[0]);
    expect(rows.text[rows.name[0] ?? -1]).toBe('服务对象满意度');
  });

  it('summarises by severity', () => {
    const found = check([soundTable({ budget: { total: 50, fiscal: 40, other: null } })]);
    expect(summarise(found)).toEqual({ error: 1, warning: 0, info: 0 });
  });

  it('stays linear: 20,000 copied projects are checked in well under a second or two', () => {
    const tables = Array.from({ length: 20_000 }, (_, k) => soundTable({ code: `P${k}`, name: `项目${k}` }));
    const t0 = performance.now();
    const found = check(tables);
    const ms = performance.now() - t0;
    // Every row is a copy: 7 boilerplate infos per project, each message naming at most 3 other projects.
    expect(found.length).toBe(140_000);
    expect(found.every((f) => f.message.length < 200)).toBe(true);
    expect(ms).toBeLessThan(5_000); // generous: CI machines are shared; bench/check.ts measures properly
  });
});
