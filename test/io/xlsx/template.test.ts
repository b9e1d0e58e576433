import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadGoals } from '../../../src/io/goals.js';
import { actualsWorkbook } from '../../../src/io/xlsx/template.js';
import { makeGoals, makeTable, standardIndicators } from '../../helpers/build.js';
import { SAMPLE } from '../../helpers/cli.js';
import { headers } from './fill.js';

const goals = loadGoals(join(SAMPLE, 'goals.json'));

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

const headerRow = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

describe('actualsWorkbook (year-end)', async () => {
  const wb = await open(await actualsWorkbook(goals, 'year-end'));
  const ind = sheet(wb, '指标');
  const funds = sheet(wb, '资金');
  const col = headers(ind);

  it('has the 说明, 资金 and 指标 sheets, with the period in 说明', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '资金', '指标']);
    const notes = sheet(wb, '说明');
    expect([notes.getCell('A3').value, notes.getCell('B3').value]).toEqual(['填报类型', '年终自评']);
    expect(notes.getCell('A5').value).toBe('年度');
    expect(notes.getCell('B5').value).toBe(2025);
  });

  it('lists the columns of each sheet, goal columns first, then the inputs', () => {
    expect(headerRow(funds)).toEqual([
      '项目编码',
      '项目名称',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '执行偏差原因',
      '年度总体目标完成情况',
    ]);
    expect(headerRow(ind)).toEqual([
      ...['项目编码', '项目名称', '一级指标', '二级指标', '三级指标', '指标值', '计量单位', '分值'],
      ...[
        '实际完成值',
        '完成等级',
        '档内得分',
        '不适用原因',
        '偏差原因',
        '改进措施',
        '佐证材料',
        '调整得分',
        '调整理由',
      ],
    ]);
  });

  it('has one row per project and per indicator, in goal-table order, with targets and units', () => {
    expect(funds.rowCount).toBe(1 + 8);
    expect(ind.rowCount).toBe(1 + 57);
    expect(funds.getRow(2).getCell(3).value).toBe(50);
    const first = ind.getRow(2);
    expect(first.getCell(col('三级指标')).value).toBe('每年检查企业个数');
    expect(first.getCell(col('指标值')).value).toBe('≥1000家');
    expect(first.getCell(col('计量单位')).value).toBe('家');
    expect(ind.getRow(4).getCell(col('计量单位')).value).toBe('日期');
    // No 分值 in the goal table: the rule set allocates, so the cell is blank.
    expect(first.getCell(col('分值')).value).toBeNull();
  });

  it('locks goal cells and unlocks and colours input cells, under a protection without a password', () => {
    const goal = ind.getRow(2).getCell(col('三级指标'));
    const input = ind.getRow(2).getCell(col('实际完成值'));
    expect(goal.protection?.locked).not.toBe(false);
    expect(input.protection?.locked).toBe(false);
    expect(input.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } });
    expect(input.numFmt).toBe('@');
    const protection = (ind as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
  });

  it('offers drop-downs for the grade and checks numbers', () => {
    expect(ind.getRow(9).getCell(col('完成等级')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"达成,部分达成,未达成"'],
    });
    expect(ind.getRow(9).getCell(col('档内得分')).dataValidation).toMatchObject({ type: 'decimal' });
  });

  it('freezes the header and sizes the columns for Chinese text', () => {
    expect(ind.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 5 });
    expect(ind.getColumn(col('三级指标')).width).toBeGreaterThanOrEqual(24);
    expect(funds.getColumn(2).width).toBeGreaterThanOrEqual(30);
  });
});

describe('actualsWorkbook (mid-year)', () => {
  it('adds the monitoring columns and an editable as-of date', async () => {
    const wb = await open(await actualsWorkbook(goals, 'mid-year'));
    const notes = sheet(wb, '说明');
    expect([notes.getCell('B3').value, notes.getCell('B4').value]).toEqual(['运行监控', '2025-06-30']);
    expect(notes.getCell('B4').protection?.locked).toBe(false);
    expect(headerRow(sheet(wb, '资金'))).toContain('全年预计执行数');
    const ind = sheet(wb, '指标');
    expect(headerRow(ind)).toEqual(expect.arrayContaining(['偏差原因类别', '完成目标可能性']));
    expect(ind.getRow(2).getCell(headers(ind)('完成目标可能性')).dataValidation).toMatchObject({
      formulae: ['"确定能,有可能,完全不可能"'],
    });
  });

  it('writes a 分值 the goal table states', async () => {
    const indicators = standardIndicators();
    const first = indicators[0];
    if (first) first.weight = 20;
    const wb = await open(await actualsWorkbook(makeGoals([makeTable(indicators)]), 'year-end'));
    const ind = sheet(wb, '指标');
    expect(ind.getRow(2).getCell(headers(ind)('分值')).value).toBe(20);
    expect(ind.getRow(3).getCell(headers(ind)('分值')).value).toBeNull();
  });
});
