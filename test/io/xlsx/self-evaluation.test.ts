import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reviewTable } from '../../../src/core/review.js';
import { scoreDocument } from '../../../src/core/scoring/index.js';
import { UserError } from '../../../src/errors.js';
import { loadActuals } from '../../../src/io/actuals.js';
import { loadGoals } from '../../../src/io/goals.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import { readReviewTable } from '../../../src/io/xlsx/review.js';
import { selfEvaluationWorkbook } from '../../../src/report/xlsx/self-evaluation.js';
import { SAMPLE } from '../../helpers/cli.js';
import { inTempDir } from './fill.js';

const goals = loadGoals(join(SAMPLE, 'goals.json'));
const rules = await loadRuleSet('national');
const result = scoreDocument(goals, loadActuals(join(SAMPLE, 'actuals-year-end.yaml')), rules);
if (!result.ok) throw new Error('sample does not score');
const evaluation = result.evaluation;

async function sheetOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('自评表');
  if (!ws) throw new Error('no 自评表');
  expect(wb.worksheets.map((w) => w.name)).toEqual(['自评表', '计分说明']);
  return ws;
}

const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges;

describe('selfEvaluationWorkbook: the official layout', async () => {
  const ws = await sheetOf(await selfEvaluationWorkbook(evaluation, goals));
  const p = evaluation.projects[0];

  it('has the header rows and the funds block, with the first project by default', () => {
    expect(ws.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(ws.getCell('B3').value).toBe('2025年安全生产专项经费');
    expect(ws.getCell('B4').value).toBe('唐山市路南区应急管理局本级');
    expect((ws.getRow(5).values as unknown[]).slice(3)).toEqual([
      '年初预算数',
      '全年预算数(A)',
      '全年执行数(B)',
      '分值',
      '执行率(B/A)',
      '得分',
    ]);
    expect((ws.getRow(6).values as unknown[]).slice(2)).toEqual(['年度资金总额', 50, 50, 48.6, 10, 0.972, 9.72]);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:H1', 'B3:H3', 'A5:A9', 'A10:A11', 'B11:E11', 'F11:H11']));
  });

  it('labels merged tier-1 cells with their weight and ends with 总分 and 等级', () => {
    expect(ws.getCell('A12').value).toBe('一级指标');
    expect(ws.getCell('A13').value).toBe('产出指标(50分)');
    expect(ws.getCell('A17').value).toBe('效益指标(30分)');
    expect(ws.getCell('A19').value).toBe('满意度指标(10分)');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A13:A16', 'A17:A18']));
    expect(ws.getCell('C13').value).toBe('每年检查企业个数');
    expect(ws.getCell('G13').value).toBe(p?.indicators[0]?.score);
    expect(ws.getCell('A20').value).toBe('总分');
    expect([ws.getCell('F20').value, ws.getCell('G20').value, ws.getCell('H20').value]).toEqual([
      100,
      99.72,
      '等级：优',
    ]);
  });

  it('picks a project by its code, and refuses an unknown one', async () => {
    const other = await sheetOf(await selfEvaluationWorkbook(evaluation, goals, '13020225P00895810002P'));
    expect(other.getCell('B3').value).toBe('2025年自然灾害救助专项资金（12.165）');
    await expect(selfEvaluationWorkbook(evaluation, goals, 'NOPE')).rejects.toThrow(UserError);
  });
});

describe('jixiao review reads the self-evaluation workbook back to the same scores', () => {
  it.each(evaluation.projects.map((p) => [p.code, p] as const))('%s', async (code, p) => {
    await inTempDir(async (dir) => {
      const path = join(dir, `${code}.xlsx`);
      writeFileSync(path, await selfEvaluationWorkbook(evaluation, goals, code));
      const review = reviewTable(await readReviewTable(path), rules, { assumedYear: 2025 });
      expect(review.project).toBe(p.name);
      expect(review.indicators.map((i) => i.name)).toEqual(p.indicators.map((i) => i.name));
      expect(review.indicators.map((i) => i.selfScore)).toEqual(p.indicators.map((i) => i.score));
      // The evaluator's override (project 6) is the one place the rule's score differs from the table's.
      expect(review.indicators.map((i) => i.score)).toEqual(p.indicators.map((i) => i.ruleScore));
      expect(review.budget).toMatchObject({ rate: p.budget.rate, selfScore: p.budget.score, score: p.budget.score });
      expect(review.selfTotal).toBe(p.total);
    });
  });
});
