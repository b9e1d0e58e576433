import { describe, expect, it } from 'vitest';
import { checkGoals, type Finding } from '../../../src/core/check/index.js';
import type { GoalTable, Indicator } from '../../../src/model/goals.js';
import { makeGoals, makeIndicator, makeTable } from '../../helpers/build.js';

const row = (target: string, over: Partial<Indicator>) => makeIndicator(target, { basis: '某文件', ...over });
const check = (tables: GoalTable[]) => checkGoals(makeGoals(tables), { tierNames: [] });
const only = (found: Finding[], code: string) => found.filter((f) => f.code === code);

describe('duplicate-indicator', () => {
  const pay = (tier2: string, target = '≤1月') => row(target, { tier2, name: '演练结束后资金支付时间' });

  it('warns on the same indicator and value under two tier-2 headings, at the repeated row', () => {
    const [f] = only(check([makeTable([pay('时效指标'), pay('经济效益指标')])]), 'duplicate-indicator');
    expect(f).toMatchObject({ severity: 'warning', indicator: { no: 2, tier2: '经济效益指标' } });
    expect(f?.message).toContain('第 1 行');
  });

  it('is an error when the repeated indicator has another value (≥70% vs ≥80%)', () => {
    const share = (tier2: string, target: string) => row(target, { tier2, name: '汛期结束前完成演练活动比例' });
    const [f] = only(
      check([makeTable([share('质量指标', '≥70%'), share('生态效益指标', '≥80%')])]),
      'duplicate-indicator',
    );
    expect(f).toMatchObject({ severity: 'error', indicator: { no: 2 } });
    expect(f?.message).toContain('≥70%');
  });

  it('passes distinct indicators, and the same name in two different projects', () => {
    const a = makeTable([pay('时效指标'), row('≥95%', { name: '资金拨付及时率' })], { code: 'A' });
    const b = makeTable([pay('时效指标')], { code: 'B' });
    expect(only(check([a, b]), 'duplicate-indicator')).toEqual([]);
  });
});

describe('boilerplate', () => {
  const copied = () =>
    row('≥95%', { tier2: '质量指标', name: '保障全区企业的安全生产体系', description: '完成应急预案' });
  const table = (code: string, rows: Indicator[]) => makeTable(rows, { code, name: `项目${code}` });

  it('notes (info) a row copied word for word into another project, on both projects', () => {
    const found = only(check([table('A', [copied()]), table('B', [copied()])]), 'boilerplate');
    expect(found.map((f) => [f.severity, f.project.code, f.indicator?.no])).toEqual([
      ['info', 'A', 1],
      ['info', 'B', 1],
    ]);
    expect(found[0]?.message).toContain('项目“项目B”');
    expect(found[1]?.message).toContain('项目“项目A”');
  });

  it('reads through spacing and full-width forms', () => {
    const spaced = { ...copied(), description: '完成 应急预案' };
    expect(only(check([table('A', [copied()]), table('B', [spaced])]), 'boilerplate')).toHaveLength(2);
  });

  it('names at most three other projects, then counts the rest', () => {
    const found = only(check(['A', 'B', 'C', 'D', 'E'].map((c) => table(c, [copied()]))), 'boilerplate');
    expect(found).toHaveLength(5);
    expect(found[4]?.message).toContain('“项目A”、“项目B”、“项目C”等 4 个项目');
    expect(found[0]?.message).not.toContain('“项目A”');
  });

  it('passes rows that differ in any part (here the target), and a row repeated inside one project', () => {
    const other = { ...copied(), target: makeIndicator('≥90%').target };
    expect(only(check([table('A', [copied()]), table('B', [other])]), 'boilerplate')).toEqual([]);
    expect(only(check([table('A', [copied(), copied()])]), 'boilerplate')).toEqual([]);
  });
});
