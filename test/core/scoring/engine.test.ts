import { beforeAll, describe, expect, it } from 'vitest';
import { scoreDocument } from '../../../src/core/scoring/index.js';
import type { ProjectScore, ScoringRules } from '../../../src/core/scoring/types.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import type { IndicatorActual } from '../../../src/model/actuals.js';
import { formatExplanation } from '../../../src/report/explanation.js';
import { makeActuals, makeGoals, makeIndicator, makeTable, standardIndicators } from '../../helpers/build.js';

let national: ScoringRules;
beforeAll(async () => {
  national = await loadRuleSet('national');
});

function score(
  entries: (string | number | Partial<IndicatorActual>)[],
  opts: { targets?: string[]; executed?: number; rules?: ScoringRules } = {},
): ProjectScore {
  const table = makeTable(standardIndicators(opts.targets));
  const r = scoreDocument(
    makeGoals([table]),
    makeActuals(table, entries, { executed: opts.executed ?? 50 }),
    opts.rules ?? national,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.evaluation.projects[0] as ProjectScore;
}

const allMet = ['1000家', '95%', '2025-12-20', '50万元', '365天', '95%', '95%'];

describe('year-end scoring under the national rule set', () => {
  it('gives full marks when every target is met and the budget is spent', () => {
    const p = score(allMet);
    expect(p.indicators.map((i) => i.weight)).toEqual([12.5, 12.5, 12.5, 12.5, 15, 15, 10]);
    expect(p.indicators.map((i) => i.score)).toEqual([12.5, 12.5, 12.5, 12.5, 15, 15, 10]);
    expect(p.budget).toMatchObject({ rate: 1, weight: 10, score: 10 });
    expect(p.tiers).toEqual([
      { name: '产出指标', weight: 50, score: 50 },
      { name: '效益指标', weight: 30, score: 30 },
      { name: '满意度指标', weight: 10, score: 10 },
    ]);
    expect(p.total).toBe(100);
    expect(p.grade).toBe('优');
  });

  it('scores a missed positive target B/A×w, rounded to 2 decimals, with the numbers in the explanation', () => {
    const p = score(['850家', ...allMet.slice(1)]);
    const i = p.indicators[0];
    expect(i?.score).toBe(10.63); // 850/1000 × 12.5 = 10.625 → 10.63 (half-up)
    expect(i?.status).toBe('missed');
    expect(i?.explanation).toMatchObject({
      rule: 'scoring.positive',
      unrounded: 10.625,
      capped: false,
      inputs: { A: 1000, B: 850, w: 12.5 },
    });
    expect(i?.explanation.source?.cite.map((c) => c.id)).toContain('selfeval-template-notes');
    expect(i?.explanation.steps.map(formatExplanation).join('')).toContain('10.625 → 10.63');
    expect(i?.explanation.steps.at(-1)).toEqual({
      kind: 'rounding',
      rounding: { decimals: 2, mode: 'half-up' },
      from: 10.625,
      to: 10.63,
    });
    expect(p.total).toBe(98.13);
  });

  it('caps an over-achievement at the weight', () => {
    const i = score(['1500家', ...allMet.slice(1)]).indicators[0];
    expect(i).toMatchObject({ score: 12.5, status: 'met', explanation: { capped: true, unrounded: 18.75 } });
  });

  it('scores a reverse (cost) target A/B×w and gives no bonus for spending less', () => {
    expect(score([...allMet.slice(0, 3), '62.5万元', ...allMet.slice(4)]).indicators[3]?.score).toBe(10); // 50/62.5×12.5
    expect(score([...allMet.slice(0, 3), '40万元', ...allMet.slice(4)]).indicators[3]?.score).toBe(12.5);
  });

  it('converts units within a dimension (元 → 万元, 天 → 月)', () => {
    const p = score([...allMet.slice(0, 3), '500000元', ...allMet.slice(4)]);
    expect(p.indicators[3]).toMatchObject({ score: 12.5, status: 'met' });
    expect(p.indicators[3]?.explanation.steps.map(formatExplanation)).toContain('实际完成值 500000元 换算为 50万元');
  });

  it('scores a deadline by date: on time full, late zero', () => {
    expect(score([allMet[0] as string, '95%', '2025-12-31', ...allMet.slice(3)]).indicators[2]?.score).toBe(12.5);
    const late = score([allMet[0] as string, '95%', '2026-01-15', ...allMet.slice(3)]).indicators[2];
    expect(late).toMatchObject({ score: 0, status: 'missed' });
  });

  it('scores the execution rate as min(rate, 1) × 10', () => {
    const p = score(allMet, { executed: 43.1 });
    expect(p.budget).toMatchObject({ rate: 0.862, score: 8.62 });
    expect(p.total).toBe(98.62);
    expect(score(allMet, { executed: 55 }).budget).toMatchObject({ rate: 1.1, score: 10 });
  });

  it('drops a 不适用 indicator and re-shares its weight within the tier', () => {
    const p = score([allMet[0] as string, { notApplicable: '本年无此项工作' }, ...allMet.slice(2)]);
    expect(p.indicators.map((i) => i.weight)).toEqual([16.67, 0, 16.67, 16.66, 15, 15, 10]);
    expect(p.indicators[1]).toMatchObject({ status: 'not-applicable', score: 0, baseWeight: 12.5 });
    expect(p.total).toBe(100);
  });

  it('passes the weight of a tier that is wholly 不适用 to the other tiers in proportion', () => {
    const p = score([...allMet.slice(0, 6), { notApplicable: '无服务对象' }]);
    expect(p.tiers.map((t) => t.weight)).toEqual([56.25, 33.75, 0]); // 50 + 10×50/80, 30 + 10×30/80
    expect(p.total).toBe(100);
  });

  it('validates a qualitative score against its grade band', () => {
    const targets = ['≥1000家', '≥95%', '≤2025年', '≤50万元', '效果明显', '≥95%', '≥95%'];
    const partial = score(
      [...allMet.slice(0, 4), { grade: '部分达成', score: 10, reason: '效果一般' }, ...allMet.slice(5)],
      { targets },
    );
    expect(partial.indicators[4]).toMatchObject({ score: 10, status: 'partial', grade: '部分达成' });
    const table = makeTable(standardIndicators(targets));
    const bad = scoreDocument(
      makeGoals([table]),
      makeActuals(table, [...allMet.slice(0, 4), { grade: '部分达成', score: 12, reason: 'x' }, ...allMet.slice(5)]),
      national,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.message).toMatch(/不在“部分达成”的分档 9（含）–12 分之内/);
    // 达成 with no score takes the top of its band; 达成预期指标 as text reads as 达成.
    expect(score([...allMet.slice(0, 4), '达成预期指标', ...allMet.slice(5)], { targets }).indicators[4]).toMatchObject(
      { score: 15, grade: '达成' },
    );
  });

  it('applies an override only with a written reason', () => {
    const withReason = score([
      { actual: '1000家', override: { score: 11, reason: '部分检查记录不全' } },
      ...allMet.slice(1),
    ]);
    expect(withReason.indicators[0]).toMatchObject({ ruleScore: 12.5, score: 11, override: { score: 11 } });
    const without = score([{ actual: '1000家', override: { score: 11 } }, ...allMet.slice(1)]);
    expect(without.indicators[0]?.score).toBe(12.5);
    expect(without.warnings.map((w) => w.code)).toContain('override-without-reason');
  });

  it('warns when a target is missed without a deviation reason', () => {
    const p = score(['900家', ...allMet.slice(1)]);
    expect(p.warnings).toEqual([
      expect.objectContaining({ code: 'missed-without-reason', where: expect.stringContaining('指标1') }),
    ]);
    expect(score([{ actual: '900家', reason: '企业数量减少' }, ...allMet.slice(1)]).warnings).toEqual([]);
  });
});

describe('errors are collected and name the project and indicator', () => {
  it('reports a missing actual, a wrong unit and an unknown indicator together', () => {
    const table = makeTable(standardIndicators(), { code: 'P9', name: '九号项目' });
    const actuals = makeActuals(table, [null as unknown as string, '95万元', ...allMet.slice(2)]);
    actuals.projects[0]?.indicators.push({ name: '不存在的指标', actual: '1' });
    const r = scoreDocument(makeGoals([table]), actuals, national);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.map((e) => `${e.where} ${e.message}`);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/项目 P9（九号项目）.*不存在的指标.*没有这个三级指标/),
        expect.stringMatching(/项目 P9（九号项目） 指标“指标1”.*缺少实际完成值/),
        expect.stringMatching(/指标2.*95万元.*≥95%.*万元.*金额.*%.*百分比/),
      ]),
    );
  });

  it('refuses stated weights that do not add up to the tier weight', () => {
    const inds = standardIndicators().map((i, k) => (k < 4 ? { ...i, weight: 10 } : i));
    const table = makeTable(inds);
    const r = scoreDocument(makeGoals([table]), makeActuals(table, allMet), national);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toBe('产出指标的三级指标分值合计40分，应等于该一级指标的50分');
  });

  it('refuses an unparsed target rather than scoring it zero', () => {
    const table = makeTable([makeIndicator('≥**')]);
    const r = scoreDocument(makeGoals([table]), makeActuals(table, ['5']), national);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.message).join()).toMatch(/占位符.*无法评分/);
  });
});

describe('rule-set variants', () => {
  it('hebei-integer reproduces the Langfang 2019 table (S8): 8.62 → 9', async () => {
    const hebei = await loadRuleSet('hebei-integer');
    const table = makeTable(
      [
        makeIndicator('43.2', { name: '工程资金金额', weight: 10 }),
        makeIndicator('100%', { name: '质量1', tier2: '质量指标', weight: 10 }),
        makeIndicator('100%', { name: '质量2', tier2: '质量指标', weight: 10 }),
        makeIndicator('100%', { name: '时效', tier2: '时效指标', weight: 10 }),
        makeIndicator('100%', { name: '成本', tier2: '成本指标', weight: 10 }),
        makeIndicator('100%', { tier1: '效益指标', name: '效益1', weight: 10 }),
        makeIndicator('100%', { tier1: '效益指标', name: '效益2', weight: 10 }),
        makeIndicator('100%', { tier1: '效益指标', name: '效益3', weight: 10 }),
        makeIndicator('100%', { tier1: '满意度指标', name: '满意度', weight: 10 }),
      ],
      { budget: { total: 43.2, fiscal: 43.2, other: null } },
    );
    const actuals = makeActuals(
      table,
      [{ actual: 37.24, reason: '剩余3%尾款未付' }, '100%', '100%', '100%', '100%', '100%', '100%', '100%', '100%'],
      { executed: 37.24 },
    );
    const r = scoreDocument(makeGoals([table]), actuals, hebei);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.evaluation.projects[0];
    expect(p?.budget.score).toBe(9);
    expect(p?.indicators[0]?.score).toBe(9);
    expect(p?.total).toBe(98);
  });

  it('linear-reverse gives 80% of w where A/B gives 83.33% (A=100, B=120)', async () => {
    const targets = ['≥1000家', '≥95%', '≤2025年', '≤100万元', '≥365天', '≥95%', '≥95%'];
    const entries = [...allMet.slice(0, 3), { actual: '120万元', reason: '超支' }, ...allMet.slice(4)];
    const cost = async (name: string) => score(entries, { targets, rules: await loadRuleSet(name) }).indicators[3];
    expect(await cost('national')).toMatchObject({ score: 10.42, explanation: { unrounded: 10.4166666667 } }); // 100/120 × 12.5
    expect(await cost('linear-reverse')).toMatchObject({ score: 10, explanation: { rule: 'scoring.reverse' } }); // (1 − 20/100) × 12.5
  });

  it('yunnan-uncapped lets a positive score exceed its weight, to one decimal', async () => {
    const p = score(['1555家', ...allMet.slice(1)], { rules: await loadRuleSet('yunnan-uncapped') });
    // yunnan-20: 产出 40 over four rows = 10 each; 1555/1000 × 10 = 15.55 → 15.6 (one decimal, no cap).
    expect(p.indicators[0]?.weight).toBe(10);
    expect(p.indicators[0]?.score).toBe(15.6);
  });

  it('execution-ceiling caps the total at rate × 100', async () => {
    const p = score(allMet, { executed: 40, rules: await loadRuleSet('execution-ceiling') });
    expect(p.budget.score).toBe(8);
    expect(p.total).toBe(80);
    expect(p.totalExplanation.map(formatExplanation).join()).toContain('执行率×100');
  });

  it('over-130 asks for an explanation when the actual is ≥130% of the target', async () => {
    const p = score(['1300家', ...allMet.slice(1)], { rules: await loadRuleSet('over-130') });
    expect(p.warnings.map((w) => w.code)).toEqual(['over-achievement']);
  });
});

describe('tiers.fromTable', () => {
  it('takes tier weights from stated 分值 and checks only their sum against 100 − execution', async () => {
    const hubei = await loadRuleSet('hubei-20');
    const inds = [
      makeIndicator('≥6艘', { name: '补贴渔船数', weight: 30 }),
      makeIndicator('≥95%', { tier1: '满意度指标', tier2: '服务对象满意度指标', name: '满意度', weight: 50 }),
    ];
    const table = makeTable(inds);
    const ok = scoreDocument(makeGoals([table]), makeActuals(table, ['6艘', '96%']), hubei);
    expect(ok.ok && ok.evaluation.projects[0]?.tiers).toEqual([
      { name: '产出指标', weight: 30, score: 30 },
      { name: '满意度指标', weight: 50, score: 50 },
    ]);
    const bad = makeTable(inds.map((i) => ({ ...i, weight: 30 })));
    const r = scoreDocument(makeGoals([bad]), makeActuals(bad, ['6艘', '96%']), hubei);
    expect(r.ok ? '' : r.errors[0]?.message).toBe('三级指标分值合计60分，应为80分（100 − 预算执行率20分）');
  });
});
