import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScoringRules } from '../../../src/core/scoring/types.js';
import { parseTarget } from '../../../src/core/target/parse.js';
import { fullMarks, whatIf, whatIfProject } from '../../../src/core/whatif/index.js';
import { loadActuals } from '../../../src/io/actuals.js';
import { loadGoals } from '../../../src/io/goals.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import type { ActualsDocument } from '../../../src/model/actuals.js';
import type { GoalDocument, GoalTable } from '../../../src/model/goals.js';
import { jixiao, SAMPLE, SEED_CODES } from '../../helpers/cli.js';

let goals: GoalDocument;
let actuals: ActualsDocument;
let national: ScoringRules;
const table = (code: string) => goals.projects.find((t) => t.code === code) as GoalTable;
const entry = (code: string) => actuals.projects.find((p) => p.code === code) as ActualsDocument['projects'][number];

beforeAll(async () => {
  goals = loadGoals(join(SAMPLE, 'goals.json'));
  actuals = loadActuals(join(SAMPLE, 'actuals-year-end.yaml'));
  national = await loadRuleSet('national');
});

describe('the actual that gives full marks', () => {
  it.each([
    // [project, row, expected]: hand-checked against national's B/A×w and A/B×w, capped at w.
    [0, 0, '不低于 1000家'], // ≥1000家
    [0, 1, '不低于 95%'], // ≥95%
    [0, 2, '不晚于 2025-12-31 完成'], // ≤2025年
    [0, 3, '不高于 50万元'], // ≤50万元: A/B×w = w while B ≤ 50
    [0, 4, '不低于 365天'],
    [1, 1, '不低于 99%'], // 98.97% scores 12.4962 → 12.50 by rounding, but is not full marks
  ])('project %i row %i: %s', (p, row, text) => {
    const t = goals.projects[p] as GoalTable;
    const ind = t.indicators[row] as GoalTable['indicators'][number];
    expect(fullMarks(ind, 12.5, national).text).toBe(text);
  });

  it.each([
    ['≥500人次 / ≥95%', '不低于 500人次，且不低于 95%'],
    ['全年 / ≥300天', '不低于 300天'],
    ['≤0起', '不高于 0起'],
    ['本项目不适用此指标', '不适用，不计分'],
  ])('%s: %s', (target, text) => {
    const base = goals.projects[0]?.indicators[0] as GoalTable['indicators'][number];
    expect(fullMarks({ ...base, target: parseTarget(target, { year: 2025 }) }, 12.5, national).text).toBe(text);
  });

  it('a qualitative indicator needs 达成 at the top of its band', () => {
    const ind = { ...(goals.projects[0]?.indicators[0] as GoalTable['indicators'][number]) };
    ind.target = { raw: '明显提高', direction: 'qualitative', text: '明显提高' } as typeof ind.target;
    expect(fullMarks(ind, 15, national)).toEqual({
      kind: 'grade',
      grade: '达成',
      score: 15,
      text: '完成等级“达成”，得分 15',
    });
  });

  it('follows the rule set: linear-reverse keeps full marks up to A, as A/B does', async () => {
    const linear = await loadRuleSet('linear-reverse');
    const ind = goals.projects[0]?.indicators[3] as GoalTable['indicators'][number];
    expect(fullMarks(ind, 12.5, linear).text).toBe('不高于 50万元');
  });
});

describe('the fewest changes that reach a grade or total', () => {
  it('应急库经费 to 100: 满意度 93%→95% (+0.21), then 合格率 only as far as needed: 98.5%→98.97%', () => {
    // 99.73 now: 9.79 (93/95×10) and 12.44 (98.5/99×12.5) are the two short of full marks.
    // 98.97/99×12.5 = 12.4962 → 12.50 reaches 100; 98.96 gives 12.4949 → 12.49.
    const code = SEED_CODES[1] as string;
    const r = whatIfProject(table(code), entry(code), national, { total: 100 });
    expect(r.current).toEqual({ total: 99.73, grade: '优' });
    expect(r.changes).toEqual([
      { no: 7, name: '服务对象满意度', from: '93%', to: '95%', gain: 0.21 },
      { no: 2, name: '确保应急库购买物资质量合格率', from: '98.5%', to: '98.97%', gain: 0.06 },
    ]);
    expect(r.reached).toEqual({ total: 100, grade: '优' });
  });

  it('招商引进专项业务费 to 95: one change (活动 2个→3个, +4.17) is enough; the other (+0.79) is not', () => {
    const code = SEED_CODES[6] as string;
    const r = whatIfProject(table(code), entry(code), national, { total: 95 });
    expect(r.current.total).toBe(92.04);
    expect(r.changes).toEqual([{ no: 1, name: '举办招商引资活动数量（个）', from: '2个', to: '3个', gain: 4.17 }]);
    expect(r.reached?.total).toBe(96.21);
  });

  it('the next grade up by default; from a blank entry, 优 needs the budget and enough indicators', () => {
    const code = SEED_CODES[0] as string;
    const blank = { code, budget: { executed: 0 }, indicators: [] };
    const r = whatIfProject(table(code), blank, national);
    expect(r.current).toEqual({ total: 0, grade: '差' });
    expect(r.goal).toEqual({ total: 60, grade: '中' });
    // Gains, largest first: 15, 15, 12.5 …; 15 + 15 + 12.5 + 12.5 = 55 < 60, a fifth change reaches 60.
    expect(r.changes.map((c) => c.gain).slice(0, 4)).toEqual([15, 15, 12.5, 12.5]);
    expect(r.changes).toHaveLength(5);
    expect(r.reached?.total).toBeGreaterThanOrEqual(60);
    const top = whatIfProject(table(code), blank, national, { grade: '优' });
    expect(top.goal).toEqual({ total: 90, grade: '优' });
    expect(top.reached?.total).toBeGreaterThanOrEqual(90);
  });

  it('says so when no change reaches the goal, and when nothing is needed', () => {
    const code = SEED_CODES[1] as string;
    const over = whatIfProject(table(code), entry(code), national, { total: 100.5 });
    expect(over.reached).toBeNull();
    expect(over.best).toBe(100);
    const done = whatIfProject(table(code), entry(code), national, { grade: '良' });
    expect(done.changes).toEqual([]);
    expect(done.reached).toEqual({ total: 99.73, grade: '优' });
    expect(whatIf(goals, actuals, national)).toHaveLength(8);
    expect(whatIf(goals, actuals, national, { project: code })[0]?.goal).toBeNull();
  });
});

describe('jixiao whatif', () => {
  it('prints the changes; --format json has the same answer as the library', () => {
    const args = [
      'whatif',
      join(SAMPLE, 'goals.json'),
      join(SAMPLE, 'actuals-year-end.yaml'),
      '--project',
      SEED_CODES[1] as string,
      '--total',
      '100',
    ];
    const r = jixiao(args);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('最少需要改变 2 项');
    expect(r.stdout).toContain('第2项 确保应急库购买物资质量合格率：98.5% → 98.97%（+0.06 分）');
    const j = JSON.parse(jixiao([...args, '--format', 'json']).stdout);
    expect(j.projects[0].changes).toHaveLength(2);
    const bad = jixiao([...args.slice(0, 3), '--grade', '甲']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--grade 应为 优 / 良 / 中 / 差 之一');
  });
});
