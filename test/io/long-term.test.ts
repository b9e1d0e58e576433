import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGoalDocument } from '../../src/io/goal-document/index.js';
import { readDocxGoals } from '../../src/io/goal-tables/docx.js';
import type { GoalDocument } from '../../src/model/goals.js';
import { jixiao, ROOT, withTempDir } from '../helpers/cli.js';
import { inTempDir } from './xlsx/fill.js';
import { seedBlocks } from './xlsx/seed-blocks.js';
import { docxOf } from './xlsx/seed-files.js';

/**
 * 长期 / 中期 and 年度 column sets side by side in one table (中期指标值 | 年度指标值, 长期目标指标值 | 年度指标值,
 * 中期目标 / 年度目标 text blocks in one row): the year's set is scored, the other kept as printed and shown as
 * context. The same tables as .docx (built with the docx package) import equal.
 */

const FILE = join(ROOT, 'test/fixtures/documents/long-and-annual.txt');
const text = readFileSync(FILE, 'utf8');
const doc = parseGoalDocument(text, { source: 'long-and-annual.txt' });
const withoutLines = (d: GoalDocument) =>
  JSON.parse(JSON.stringify({ ...d, source: null }, (k, v) => (k === 'line' ? undefined : v))) as unknown;

describe('long-term and annual sets side by side', () => {
  it('scores the year’s 指标值 and keeps the 中期 / 长期 value as printed', () => {
    const rows = doc.projects.map((p) =>
      p.indicators.map((i) => [i.name, i.target.raw, (i.longTerm ?? []).map((l) => `${l.label} ${l.raw}`)]),
    );
    expect(rows).toEqual([
      [
        ['维修改造供水工程', '≥10处', ['中期指标值 ≥30处']],
        ['水质达标率', '≥92%', ['中期指标值 ≥95%']],
        ['完成时间', '2025年年底前', ['中期指标值 2027年年底前']],
        ['单处改造成本', '≤12万元/处', ['中期指标值 ≤12万元/处']],
        ['受益人口', '≥1万人', ['中期指标值 ≥3万人']],
        ['群众满意度', '≥90%', ['中期指标值 ≥95%']],
      ],
      [
        ['管护水库数量', '=24座', ['长期目标指标值 =24座']],
        ['巡查记录完整率', '≥98%', ['长期目标指标值 100%']],
        ['垮坝事故', '=0次', ['长期目标指标值 =0次']],
        ['周边群众满意度', '≥90%', ['长期目标指标值 ≥95%']],
      ],
    ]);
    const first = doc.projects[0]?.indicators;
    expect(first?.[0]?.target).toMatchObject({ direction: 'positive', op: '>=', value: 10, unit: '处' });
    expect(first?.[2]?.target).toMatchObject({ direction: 'deadline', date: '2025-12-31' });
  });

  it('takes the 年度目标 text under its label as the goals, the 中期 / 长期目标 beside it as context', () => {
    expect(doc.projects.map((p) => [p.goals, p.longGoals])).toEqual([
      [
        ['完成10处农村供水工程维修改造，水质达标率不低于92%'],
        { label: '中期目标', items: ['到2027年农村自来水普及率达到95%，建成稳定可靠的农村供水保障体系'] },
      ],
      [
        ['完成24座小型水库日常巡查和维修养护'],
        { label: '长期目标', items: ['全县小型水库长期安全运行，不发生垮坝事故'] },
      ],
    ]);
    expect(doc.projects.map((p) => [p.name, p.budget.total, p.year])).toEqual([
      ['农村饮水安全巩固提升', 120, 2025],
      ['小型水库安全运行管护', 36.5, 2025],
    ]);
  });

  it('imports the same tables from .docx', async () => {
    const fromDocx = await inTempDir(async (dir) => {
      writeFileSync(join(dir, 'goals.docx'), await docxOf(seedBlocks(text)));
      return readDocxGoals(join(dir, 'goals.docx'));
    });
    expect(withoutLines(fromDocx)).toEqual(withoutLines(doc));
  });

  it('scores against the year’s value and shows the long-term one as context in the report and template', () => {
    withTempDir((dir) => {
      const template = jixiao(['template', FILE]).stdout;
      expect(template).toContain('# 1. 产出指标 / 数量指标 — 指标值 ≥10处（中期指标值 ≥30处，不计分）');
      // 12处 meets the year's ≥10处 (it would miss the 中期 ≥30处).
      const values = ['12处', '95%', '2025-11-30', '11万元/处', '1.2万人', '93%', '24座', '99%', '0次', '92%'];
      let k = 0;
      const actuals = template
        .replace(/executed: +#[^\n]*/g, 'executed: 36.5')
        .replace(/^( +)actual:( +#[^\n]*)?$/gm, (_, pad: string) => `${pad}actual: ${values[k++]}`);
      writeFileSync(join(dir, 'actuals.yaml'), actuals);
      const score = jixiao(['score', FILE, join(dir, 'actuals.yaml'), '-f', 'json']);
      expect(score.stderr).toBe('');
      const scored = JSON.parse(score.stdout) as { projects: { indicators: { name: string; status: string }[] }[] };
      expect(scored.projects[0]?.indicators[0]).toMatchObject({ name: '维修改造供水工程', status: 'met' });
      const out = join(dir, 'out');
      expect(jixiao(['report', FILE, join(dir, 'actuals.yaml'), '-f', 'md', '-o', out]).status).toBe(0);
      const report = readFileSync(join(out, `${doc.projects[0]?.code}-self-evaluation.md`), 'utf8');
      expect(report).toContain('（四）中长期目标（目标表同时列出，供参考，不计分）');
      expect(report).toContain('中期目标：到2027年农村自来水普及率达到95%，建成稳定可靠的农村供水保障体系');
      expect(report).toContain('维修改造供水工程：中期指标值 ≥30处（年度指标值 ≥10处）');
    });
  });
});
