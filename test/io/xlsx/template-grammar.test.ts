import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoreDocument } from '../../../src/core/scoring/index.js';
import type { ProjectScore } from '../../../src/core/scoring/types.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import { readActualsTable } from '../../../src/io/xlsx/actuals.js';
import { actualsWorkbook } from '../../../src/io/xlsx/template.js';
import { makeGoals, makeIndicator, makeTable } from '../../helpers/build.js';
import { headers, inTempDir } from './fill.js';

/** The actuals workbook for rows written two values in one cell, and rows the goal table marks 不适用. */

const table = makeTable([
  makeIndicator('≥500人次 / ≥95%', { name: '培训人次及合格率' }),
  makeIndicator('全年 / ≥300天', { name: '开放天数' }),
  makeIndicator('本项目不适用此指标', { name: '设备采购数量' }),
  makeIndicator('≥95%', { tier1: '满意度指标', tier2: '服务对象满意度指标', name: '满意度' }),
]);
const goals = makeGoals([table]);

describe('actuals workbook: compound and 不适用 rows', async () => {
  const bytes = await actualsWorkbook(goals, 'year-end');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ind = wb.getWorksheet('指标') as ExcelJS.Worksheet;
  const col = headers(ind);
  const cell = (row: number, h: string) => ind.getRow(row).getCell(col(h)).text;

  it('lists each part’s unit in order and pre-fills 不适用', () => {
    expect([2, 3, 4, 5].map((r) => cell(r, '计量单位'))).toEqual(['人次 / %', '定性 / 天', '不适用', '%']);
    expect(cell(4, '不适用原因')).toBe('目标表中指标值为“本项目不适用此指标”');
    expect(cell(4, '实际完成值')).toBe('');
  });

  it('says in 说明 how to fill a two-value row and a 不适用 row', () => {
    const notes = (wb.getWorksheet('说明') as ExcelJS.Worksheet).getColumn(2).values.join('\n');
    expect(notes).toContain('实际完成值按同样写法逐项填写，用“/”隔开（如“520人次 / 96%”）');
    expect(notes).toContain('只填该项的值（如“320天”）');
    expect(notes).toContain('“不适用原因”已预填，不评分，实际完成值留空');
  });

  it('filled as the notes say, it reads back and scores', async () => {
    ind.getRow(2).getCell(col('实际完成值')).value = '520人次 / 90%';
    ind.getRow(3).getCell(col('实际完成值')).value = '320天';
    ind.getRow(5).getCell(col('实际完成值')).value = '96%';
    const funds = wb.getWorksheet('资金') as ExcelJS.Worksheet;
    funds.getRow(2).getCell(headers(funds)('全年执行数')).value = 50;
    await inTempDir(async (dir) => {
      const file = join(dir, 'actuals.xlsx');
      writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      const actuals = await readActualsTable(file, goals);
      const r = scoreDocument(goals, actuals, await loadRuleSet('national'));
      const p = r.evaluation.projects[0] as ProjectScore;
      // No 效益 rows: its 30 spread over 产出 and 满意度 (50:10) → 产出 75 over rows 1 and 2 (row 3 不适用), 满意度 15.
      expect(p.indicators.map((i) => i.weight)).toEqual([37.5, 37.5, 0, 15]);
      expect(p.indicators.map((i) => i.status)).toEqual(['missed', 'met', 'not-applicable', 'met']);
      const [first, second] = p.indicators;
      // The 95% part is the weaker: 90/95 × 37.5 = 35.526… → 35.53.
      expect(first?.score).toBe(35.53);
      expect(second?.score).toBe(second?.weight);
    });
  });
});
