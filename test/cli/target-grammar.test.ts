import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { makeGoals, makeIndicator, makeTable } from '../helpers/build.js';
import { jixiao, withTempDir } from '../helpers/cli.js';

/**
 * The target grammar through the real binary: two values in one cell, rows the table marks 不适用, a target of 0 and
 * deadline actuals written the ways evaluators write dates, on a tiny goals + actuals pair.
 */

const ROWS: [string, string, string][] = [
  ['产出指标', '数量指标', '≥500人次 / ≥95%'],
  ['产出指标', '数量指标', '全年 / ≥300天'],
  ['产出指标', '质量指标', '本项目不适用此指标'],
  ['产出指标', '时效指标', '2025年11月底前'],
  ['效益指标', '社会效益指标', '≤0起'],
  ['效益指标', '社会效益指标', '无'],
  ['满意度指标', '服务对象满意度指标', '≥95%'],
];
const table = makeTable(
  ROWS.map(([t1, t2, target], i) => makeIndicator(target, { tier1: t1, tier2: t2, name: `指标${i + 1}` })),
);

interface Out {
  projects: {
    total: number;
    indicators: { score: number; status: string; weight: number; explanation: { rule: string | null } }[];
  }[];
}

function score(actuals: Record<number, string>): Out {
  return withTempDir((dir) => {
    const goals = join(dir, 'goals.json');
    const file = join(dir, 'actuals.yaml');
    writeFileSync(goals, JSON.stringify(makeGoals([table])));
    const indicators = table.indicators.map((ind, i) => ({
      name: ind.name,
      ...(actuals[i] ? { actual: actuals[i] } : {}),
    }));
    const doc = {
      schema: 'jixiao/actuals@1',
      period: 'year-end',
      projects: [{ code: 'P1', budget: { executed: 50 }, indicators }],
    };
    writeFileSync(file, stringify(doc));
    const r = jixiao(['score', goals, file, '-f', 'json']);
    // Rows not met only ask for a reason (hints on stderr); nothing is refused.
    expect(r.stderr).not.toContain('错误');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as Out;
  });
}

const base = { 0: '520人次 / 90%', 1: '320天', 3: '2025-11-16', 4: '2起', 6: '96%' };

describe('jixiao score on compound, 不适用, zero and deadline targets', () => {
  it('scores each row by its rule, and the total from them', () => {
    const p = score(base).projects[0];
    // 产出 50 over rows 1, 2, 4 (row 3 不适用): 16.67, 16.67, 16.66; 效益 30 on row 5 alone (row 6 不适用).
    expect(p?.indicators.map((i) => i.weight)).toEqual([16.67, 16.67, 0, 16.66, 30, 0, 10]);
    // Row 1: the 95% part 90/95 × 16.67 = 15.7926 → 15.79 is the weaker; row 5: 2起 over a target of 0 → 0.
    expect(p?.indicators.map((i) => i.score)).toEqual([15.79, 16.67, 0, 16.66, 0, 0, 10]);
    expect(p?.indicators.map((i) => i.status)).toEqual([
      'missed',
      'met',
      'not-applicable',
      'met',
      'missed',
      'not-applicable',
      'met',
    ]);
    expect(p?.indicators[4]?.explanation.rule).toBe('scoring.zeroTarget');
    // 10 (budget) + 15.79 + 16.67 + 16.66 + 0 + 10
    expect(p?.total).toBe(69.12);
  });

  it.each([
    ['2025-11-16', 16.66, 'met'],
    ['2025年11月16日', 16.66, 'met'],
    ['11月底', 16.66, 'met'],
    ['2025年11月', 16.66, 'met'],
    ['2024.03', 16.66, 'met'],
    ['2025年12月', 0, 'missed'],
    // Two months late.
    ['2026.01', 0, 'missed'],
    ['2026年1月20日', 0, 'missed'],
  ])('deadline 2025年11月底前 done %s → %s', (actual, expected, status) => {
    const row = score({ ...base, 3: actual }).projects[0]?.indicators[3];
    expect(row).toMatchObject({ score: expected, status });
  });
});

describe('jixiao check and template on the same table', () => {
  it('check says how the compound and 不适用 rows will be scored, as info, and nothing else about them', () => {
    withTempDir((dir) => {
      const goals = join(dir, 'goals.json');
      writeFileSync(goals, JSON.stringify(makeGoals([table])));
      const r = jixiao(['check', goals, '-f', 'json']);
      const findings = (
        JSON.parse(r.stdout) as { findings: { code: string; severity: string; indicator?: { no: number } }[] }
      ).findings;
      const about = (no: number) => findings.filter((f) => f.indicator?.no === no && f.code !== 'basis-missing');
      expect(about(1).map((f) => [f.code, f.severity])).toEqual([['target-compound', 'info']]);
      expect(about(2).map((f) => [f.code, f.severity])).toEqual([['target-compound', 'info']]);
      expect(about(3).map((f) => [f.code, f.severity])).toEqual([['target-not-applicable', 'info']]);
      expect(about(6).map((f) => [f.code, f.severity])).toEqual([['target-not-applicable', 'info']]);
    });
  });

  it('the YAML template pre-fills 不适用 and says how to write a compound actual', () => {
    withTempDir((dir) => {
      const goals = join(dir, 'goals.json');
      writeFileSync(goals, JSON.stringify(makeGoals([table])));
      const out = jixiao(['template', goals]).stdout;
      expect(out).toContain('notApplicable: 目标表中指标值为“本项目不适用此指标”');
      expect(out).toContain('actual:   # 按指标值的写法逐项填写，用“/”隔开，如 500人次 / 95%');
      expect(out).toContain('actual:   # 只填“≥300天”一项的实际值，如 300天');
    });
  });
});
