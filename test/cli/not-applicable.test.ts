import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { jixiao, SAMPLE, withTempDir } from '../helpers/cli.js';

/**
 * An independent year-end scenario for the seed, scored under both 不适用 options of the rule sets: the sample's
 * 57 rows, with project 1's cost row 不适用 and 900 of 1000 企业 checked, and project 3's evaluator score for
 * 提高人民群众防灾减灾意识 set to 7.5 (inside the 部分达成 band whatever the row's weight). Project 3's 满意度 tier
 * is wholly 不适用 in the sample already. Every expected total below is computed by hand in its comment.
 */
function scenario(dir: string): string {
  const a = parse(readFileSync(join(SAMPLE, 'actuals-year-end.yaml'), 'utf8'));
  const p1 = a.projects[0].indicators;
  p1[0] = { ...p1[0], actual: '900家', reason: '部分企业停产，未纳入检查' };
  p1[3] = { name: p1[3].name, notApplicable: '本年度成本由财政统一核算，不单独考核' };
  const p3 = a.projects[2].indicators;
  p3[4] = { ...p3[4], score: 7.5 };
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, stringify(a));
  return file;
}

interface Result {
  projects: { code: string; total: number; tiers: { name: string; weight: number; score: number }[] }[];
}

function totals(rules: string): { totals: number[]; text: string; json: Result } {
  return withTempDir((dir) => {
    const actuals = scenario(dir);
    const goals = join(SAMPLE, 'goals.json');
    const r = jixiao(['score', goals, actuals, '--rules', rules, '-f', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Result;
    const shown = jixiao(['score', goals, actuals, '--rules', rules, '--project', '13020225P00895810002P']).stdout;
    // The terminal wraps long lines inside table cells: compare the words without the frame.
    const text = shown.replace(/[\s│├┤┼─┌┐└┘┬┴]/g, '');
    return { totals: json.projects.map((p) => p.total), text, json };
  });
}

// Projects 2, 4–8 have no 不适用 row: the same totals as the sample under either option.
const UNTOUCHED = [99.73, 98.5, 98.96, 97, 92.04, 100];

describe('不适用 re-normalisation on the seed: each option scores what a hand computation of it gives', () => {
  it('within the tier (national)', () => {
    const { totals: t, text } = totals('national');
    // Project 1: 产出 50 shared by the 3 applicable rows, 50 ÷ 3 each; the unit left over goes by name order
    // (保证… 16.67, 保障… 16.67, 每年检查企业个数 16.66). 0.9 × 16.66 = 14.994 → 14.99;
    // 9.72 + 14.99 + 16.67 + 16.67 + 30 + 10 = 98.05.
    // Project 3: 满意度 wholly 不适用, its 10 spread 50 : 30 → 产出 56.25 (14.06, 14.06, 14.06, 14.07 by name),
    // 效益 33.75 (11.25 each). 10 ÷ 12 × 14.06 = 11.7167 → 11.72; 75 ÷ 80 × 11.25 = 10.546875 → 10.55;
    // 9.2 + (11.72 + 14.06 + 14.06 + 14.07) + (7.5 + 11.25 + 10.55) = 92.41.
    expect(t).toEqual([98.05, UNTOUCHED[0], 92.41, ...UNTOUCHED.slice(1)]);
    expect(text).toContain('不适用指标不考核，其分值按比例分给同一一级指标内的其他指标（未证实；原文：“对于不适用');
  });

  it('over the whole score (whole-score)', () => {
    const { totals: t, text, json } = totals('whole-score');
    // Project 1: the applicable rows keep 12.5 each; 0.9 × 12.5 = 11.25;
    // 9.72 + (11.25 + 12.5 + 12.5) + 30 + 10 = 85.97 over 100 − 12.5 = 87.5 → 85.97 × 100 ÷ 87.5 = 98.2514… → 98.25.
    // Project 3: 产出 12.5 each, 10 ÷ 12 × 12.5 = 10.4167 → 10.42; 效益 10 each, 75 ÷ 80 × 10 = 9.375 → 9.38;
    // 9.2 + (10.42 + 12.5 + 12.5 + 12.5) + (7.5 + 10 + 9.38) = 84 over 100 − 10 = 90 → 93.333… → 93.33.
    expect(t).toEqual([98.25, UNTOUCHED[0], 93.33, ...UNTOUCHED.slice(1)]);
    expect(json.projects[2]?.tiers.map((x) => x.weight)).toEqual([50, 30, 0]);
    expect(text).toContain('适用指标得分合计按百分制折算');
    expect(text).toContain('按百分制折算：84×100÷90（适用分值）=93.3333');
  });
});
