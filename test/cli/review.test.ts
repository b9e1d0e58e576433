import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../src/core/review.js';
import { caseFiles, OUT, readCase } from '../fixtures/xlsx/make-cases.js';
import { jixiao, ROOT, withTempDir } from '../helpers/cli.js';
import { runGuarded } from '../helpers/module-guard.js';

const review = (file: string, ...args: string[]) => {
  const r = jixiao(['review', file, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Review;
};

describe('jixiao review on the published cases: the published score beside the rule’s, for every indicator', () => {
  it.each(caseFiles())('%s', (file) => {
    const c = readCase(file);
    const r = review(join(OUT, `${basename(file, '.json')}.csv`));
    expect(r.indicators.map((i) => i.name)).toEqual(c.indicators.map((i) => i.tier3));
    expect(r.indicators.map((i) => i.selfScore)).toEqual(c.indicators.map((i) => i.published_score));
    expect(r.budget.selfScore).toBe(c.budget.published_score);
    for (const i of r.indicators) {
      // Re-scored, or said why not: never a silent zero.
      if (i.score === null) expect(i.why[0]).toMatch(/无法复核/);
      else expect(i.gap).toBe(i.selfScore === null ? null : Math.round((i.selfScore - i.score) * 1e6) / 1e6);
      if (i.gap) expect(i.why.at(-1)).toMatch(/^自评 .* 分，规则得分 .* 分，自评[高低]/);
    }
  });

  it('finds what the cases’ notes say about them', () => {
    const at = (name: string, tier3: string) =>
      review(join(OUT, `${name}.csv`)).indicators.find((i) => i.name === tier3);
    // Satisfaction 98% against 98%: met, so full marks; the unit wrote 20 × 98% = 19.6.
    expect(at('hubei_huanggang_2020_soil_conservation_monitoring', '整编资料审核')).toMatchObject({
      selfScore: 19.6,
      score: 20,
      gap: -0.4,
    });
    // Shidian scored weight × actual/target without a cap; the rule caps at the weight.
    expect(at('yunnan_shidian_2022_new_agri_entities_support', '新型经营主体实现产值(%)')).toMatchObject({
      weight: 20,
      selfScore: 31.9,
      score: 20,
      gap: 11.9,
    });
    const tianchang = review(join(OUT, 'anhui_tianchang_water_2022_flood_defense.csv'));
    expect(tianchang.indicators.filter((i) => i.score === null)).toHaveLength(6);
    expect(tianchang.notes).toContain('6 项无法复核，总分中按其自评得分计入（共 60 分）');
  });

  it('reads the .xlsx with merged cells to the same review as the .csv', () => {
    const name = 'shanxi_jishan_2021_basic_public_health_zhaidian';
    expect(review(join(OUT, `${name}.xlsx`))).toEqual(review(join(OUT, `${name}.csv`)));
  });

  it('derives the weights from a table set differently from the rule set, and says so', () => {
    const r = review(join(OUT, 'hubei_huanggang_2020_soil_conservation_monitoring.csv'));
    expect(r.budget).toMatchObject({ weight: 20, selfScore: 20, score: 20 });
    expect(r.notes[0]).toBe(
      '自评表分值（产出指标 60 分、满意度指标 20 分、预算执行率 20 分）与规则集“national”（产出指标 50 分、效益指标 30 分、满意度指标 10 分、预算执行率 10 分）不同：按自评表所列分值复核',
    );
    expect([r.selfTotal, r.total]).toEqual([99.6, 100]);
  });
});

describe('jixiao review: table output and errors', () => {
  it('prints a Chinese table with both scores, the totals and the notes', () => {
    const r = jixiao(['review', join(OUT, 'hubei_huanggang_2020_soil_conservation_monitoring.csv')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('复核：水土保持监测　评分规则：全国通用');
    expect(r.stdout).toMatch(/一级指标.*三级指标.*自评得分.*规则得分.*差异.*说明/);
    expect(r.stdout).toContain('自评总分 99.60　复核总分 100.00（优）　5 个指标：1 个得分与规则不同，0 个无法复核');
    expect(r.stdout).toContain('说明：自评表分值（产出指标 60 分');
  });

  it('refuses a bad --format, a file type it cannot read, and a missing file', () => {
    const csv = join(OUT, 'hubei_huanggang_2020_soil_conservation_monitoring.csv');
    expect(jixiao(['review', csv, '--format', 'xml']).stderr).toContain('--format 只能是 table、json、csv 或 xlsx');
    expect(jixiao(['review', join(ROOT, 'package.json')]).stderr).toContain('复核只支持 .xlsx 或 .csv 自评表');
    const missing = jixiao(['review', join(ROOT, 'nope.xlsx')]);
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('文件不存在')]);
  });

  it('reads a table without a year in the year --year gives, and refuses a --year that is not one', () => {
    withTempDir((dir) => {
      const path = join(dir, 'x.csv');
      const head = '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分';
      writeFileSync(path, `${head}\n产出指标,时效指标,完工时间,2025年12月底前,11月底,50,50\n`);
      const on = review(path, '--year', '2025');
      expect(on.notes).toContain('自评表没有写明年度，没写年份的日期按 2025 年理解');
      expect(on.indicators[0]?.score).toBe(50);
      expect(review(path, '--year', '2026').indicators[0]?.score).toBeLessThan(50);
      expect(jixiao(['review', path, '--year', '25年']).stderr).toContain(
        '--year 应为 20xx 形式的年份，例如 2025，收到“25年”',
      );
    });
  });

  it('refuses a table without the indicator header', () => {
    withTempDir((dir) => {
      const path = join(dir, 'x.csv');
      writeFileSync(path, '项目名称,测试\n甲,乙\n');
      const r = jixiao(['review', path]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('找不到指标表头');
    });
  });

  it('does not load exceljs for a CSV', () => {
    const csv = join(OUT, 'hubei_huanggang_2020_soil_conservation_monitoring.csv');
    const r = runGuarded([join(ROOT, 'dist/cli/bin.js'), 'review', csv], ['exceljs', 'mammoth']);
    expect(r.out).not.toContain('LOADED:');
    expect(r.status).toBe(0);
  });
});
