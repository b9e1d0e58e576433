import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryFor, ruleSetForYear } from '../../../src/core/rules/dated.js';
import { scoreDocument } from '../../../src/core/scoring/index.js';
import type { ScoringRules } from '../../../src/core/scoring/types.js';
import { UserError } from '../../../src/errors.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import { formatExplanation } from '../../../src/report/explanation.js';
import { makeActuals, makeGoals, makeIndicator, makeTable, standardIndicators } from '../../helpers/build.js';

/** Values dated by year: a 2019 and a 2025 goal document are scored with the values in force in their year. */

let national: ScoringRules;
beforeAll(async () => {
  national = await loadRuleSet('national');
});

const ids = (s: { cite: { id: string }[] } | null | undefined) => s?.cite.map((c) => c.id);

describe('national: 定性分档 80%/50% before 财预〔2020〕10号, 80%/60% from 2020-02-25', () => {
  it('picks the value in force for the year', () => {
    const bands = (y: number) =>
      ruleSetForYear(national.ruleSet, y).ruleSet.scoring.qualitative.bands.map((b) => b.min);
    expect(bands(2019)).toEqual([0.8, 0.5, 0]);
    expect(bands(2020)).toEqual([0.8, 0.6, 0]);
    expect(bands(2025)).toEqual([0.8, 0.6, 0]);
    // The rule set as loaded reads as it stands today.
    expect(national.ruleSet.scoring.qualitative.bands.map((b) => b.min)).toEqual([0.8, 0.6, 0]);
  });

  function scoreIn(year: number, score: number) {
    const indicators = standardIndicators();
    indicators[5] = makeIndicator('效果明显', { tier1: '效益指标', tier2: '社会效益指标', name: '指标6' });
    const table = makeTable(indicators, { year });
    const goals = { ...makeGoals([table]), year };
    const actuals = makeActuals(table, [
      '1000家',
      '96%',
      `${year}-12-01`,
      '50万元',
      '365天',
      { grade: '部分达成', score, reason: '部分完成' },
      '96%',
    ]);
    return scoreDocument(goals, actuals, national).evaluation.projects[0];
  }

  it('a 部分达成 score of 8 (w = 15, 53%) is in band in 2019 and out of band in 2025', () => {
    // w = 15 (效益 30 over two rows). 2019: 部分达成 50%–80% → 7.5（含）–12; 2025: 60%–80% → 9（含）–12.
    const old = scoreIn(2019, 8);
    expect(old?.indicators[5]).toMatchObject({ status: 'partial', score: 8 });
    expect(old?.indicators[5]?.explanation.inputs.band).toEqual({ min: 7.5, max: 12, maxIncluded: false });
    const now = scoreIn(2025, 8);
    expect(now?.indicators[5]).toMatchObject({ status: 'invalid', score: 0 });
    expect(now?.indicators[5]?.problems.map((p) => p.message)).toEqual([
      '得分 8 不在“部分达成”的分档 9（含）–12 分之内',
    ]);
  });

  it('the explanation names the value’s start date and its source', () => {
    const old = scoreIn(2019, 8)?.indicators[5]?.explanation;
    expect(old?.steps[0]).toMatchObject({
      kind: 'dated-value',
      rule: 'scoring.qualitative.bands',
      from: null,
      until: '2020-02-25',
    });
    expect(old?.steps.map(formatExplanation)[0]).toBe('定性指标分档取 2020-02-25 之前的规定（2019 年度）');
    expect(ids(old?.source)).toEqual(['hubei-2020-fishing-ban-selfeval']);
    const now = scoreIn(2025, 10)?.indicators[5]?.explanation;
    expect(now?.steps.map(formatExplanation)[0]).toBe('定性指标分档取 2020-02-25 起的规定（2025 年度）');
    expect(ids(now?.source)).toEqual(['zhongjiang-2022-water-selfeval', 'caiyu-2020-10']);
  });
});

describe('national: 一级 成本指标 from 财预〔2021〕101号 (2021-08-18)', () => {
  const withCost = (year: number) => {
    const indicators = standardIndicators();
    indicators[3] = makeIndicator('≤50万元', { tier1: '成本指标', tier2: '经济成本指标', name: '指标4' });
    const table = makeTable(indicators, { year });
    const actuals = makeActuals(table, ['1000家', '96%', `${year}-12-01`, '50万元', '365天', '96%', '96%']);
    return scoreDocument({ ...makeGoals([table]), year }, actuals, national).evaluation.projects[0];
  };

  it('2025: 成本指标 takes 10 points from 产出指标 (产出 40 + 成本 10), and says which value applies', () => {
    const p = withCost(2025);
    expect(p?.tiers).toEqual([
      { name: '产出指标', weight: 40, score: 40 },
      { name: '成本指标', weight: 10, score: 10 },
      { name: '效益指标', weight: 30, score: 30 },
      { name: '满意度指标', weight: 10, score: 10 },
    ]);
    expect(p?.totalExplanation.map(formatExplanation)).toContain('一级成本指标分值取 2021-08-18 起的规定（2025 年度）');
    expect(p?.total).toBe(100);
  });

  it('2019: the four-tier table (执行率 10, 产出 50, 效益 30, 满意度 10) has no 成本指标: the tier is reported', () => {
    const p = withCost(2019);
    expect(p?.problems.map((x) => x.message)).toEqual([
      '一级指标“成本指标”不在规则集“national”的分值表中（产出指标、效益指标、满意度指标）',
    ]);
    expect(p?.totalExplanation.map(formatExplanation)).toContain(
      '一级成本指标分值取 2021-08-18 之前的规定（2019 年度）',
    );
  });

  it('a table without 成本指标 is not told about it', () => {
    const table = makeTable(standardIndicators(), { year: 2025 });
    const actuals = makeActuals(table, ['1000家', '96%', '2025-12-01', '50万元', '365天', '96%', '96%']);
    const p = scoreDocument(makeGoals([table]), actuals, national).evaluation.projects[0];
    expect(p?.totalExplanation.filter((s) => s.kind === 'dated-value')).toEqual([]);
  });
});

describe('entryFor: the last entry whose from falls in the year or before', () => {
  const source = { basis: '本工具约定' as const, cite: [], note: '测试用' };
  const entries = [
    { value: 'a', source },
    { from: '2020-02-25', value: 'b', source },
    { from: 2023, value: 'c', source },
  ];
  it.each([
    [2019, 'a'],
    [2020, 'b'],
    [2022, 'b'],
    [2023, 'c'],
    [2030, 'c'],
  ])('%i → %s', (year, value) => {
    expect(entryFor(entries, year).entry.value).toBe(value);
  });
});

describe('loading a dated value', () => {
  async function problems(yaml: string): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-dated-'));
    try {
      writeFileSync(join(dir, 'r.yaml'), yaml);
      await loadRuleSet(join(dir, 'r.yaml'));
      return [];
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return err.problems.map((p) => `${p.where?.replace(/^.*r\.yaml: /, '')} ${p.message}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const head = 'id: t\nlabel: 测试\ndescription: 测试\nextends: national\n';
  const src = 'source: { basis: 本工具约定, note: 测试用的来源 }';

  it('a variant may date a value; each entry is checked where it is written', async () => {
    const yaml = `${head}execution:
  weight:
    - value: 10
      ${src}
    - from: 2024
      value: 120
      ${src}
  ${src}
`;
    expect(await problems(yaml)).toEqual(['execution.weight[1].value 应不大于 100，实际为 120（第 10 行）']);
  });

  it('the first entry has no from, the others do, in order; cited ids exist', async () => {
    const yaml = `${head}execution:
  weight:
    - from: 2020
      value: 10
      ${src}
    - value: 10
      source: { basis: 地方实践, cite: [{ id: no-such-source, clause: 某条 }] }
  ${src}
`;
    expect(await problems(yaml)).toEqual([
      'execution.weight[0].from 第一项不写 from：它适用于第二项起始日期之前的年度（第 7 行）',
      'execution.weight[1].from 除第一项外，每项都要写 from（起始年份或日期）（第 10 行）',
      'execution.weight[1].source.cite[0].id 引用的文献“no-such-source”不在 rules/sources.yaml 中，也不在本规则集的 sources 里（第 11 行）',
    ]);
  });
});
