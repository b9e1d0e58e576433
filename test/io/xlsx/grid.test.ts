/** openWorkbook and sheetGrid on damaged cells: what the readers see, and what the user is told. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { readXlsxGoals } from '../../../src/io/goal-tables/xlsx.js';
import { openWorkbook, sheetGrid } from '../../../src/io/xlsx/grid.js';
import { readReviewTable } from '../../../src/io/xlsx/review.js';
import { inTempDir } from './fill.js';
import { xlsxOf } from './seed-files.js';

/** A one-sheet workbook (A1 text, B1 a number) whose B1 is replaced by `cell`, as raw sheet XML. */
async function withB1(cell: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标');
  ws.getCell('A1').value = '项目编码';
  ws.getCell('B1').value = 5;
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const sheet = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
  files['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(sheet.replace(/<c r="B1"[^>]*>.*?<\/c>/, cell));
  return zipSync(files);
}

const open = (bytes: Uint8Array) =>
  inTempDir(async (dir) => {
    const path = join(dir, 'book.xlsx');
    writeFileSync(path, bytes);
    return openWorkbook(path, '实际完成情况');
  });

describe('sheetGrid: cells a damaged file holds', () => {
  it.each([
    ['an error value', '<c r="B1" t="e"><v>#N/A</v></c>', { value: null, problem: '单元格是错误值 #N/A' }],
    [
      'a formula without its result',
      '<c r="B1" t="str"><f>1+1</f></c>',
      { value: null, problem: expect.stringContaining('公式没有计算结果') },
    ],
    // exceljs gives {} for a shared formula whose master cell is missing: once printed as "[object Object]".
    [
      'a shared formula without its master',
      '<c r="B1"><f t="shared" si="0"/></c>',
      { value: null, problem: '单元格内容无法识别（不是文字、数字、日期或公式结果）' },
    ],
    ['inline rich text', '<c r="B1" t="inlineStr"><is><r><t>甲</t></r><r><t>乙</t></r></is></c>', { value: '甲乙' }],
  ])('%s', async (_, cell, expected) => {
    const grid = sheetGrid((await open(await withB1(cell))).worksheets[0] as ExcelJS.Worksheet);
    expect(grid.rows[0]?.[1]).toEqual(expected);
  });
});

describe('openWorkbook: a broken file is named for what is broken', () => {
  it('sheet content exceljs cannot read (a shared-string index past the list): the content, not the zip', async () => {
    const err = await open(await withB1('<c r="B1" t="s"><v>7</v></c>')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const message = (err as UserError).message;
    expect(message).toMatch(/^无法读取实际完成情况 book\.xlsx：工作簿里的表格内容已损坏（能在 Excel 或 WPS 中打开的话/);
    expect(message).not.toContain('无法解压');
    expect(message.replace(/\S*xlsx/g, '')).not.toMatch(/\b[a-z]{3,}/);
  });

  it('a zip cut short: cannot be unzipped', async () => {
    const bytes = await withB1('<c r="B1"><v>5</v></c>');
    const err = await open(bytes.subarray(0, bytes.length - 40)).catch((e: unknown) => e);
    expect((err as UserError).message).toContain('文件已损坏或不完整，无法解压');
  });
});

describe('the readers name a cell with no value to read instead of taking it as empty', () => {
  const failure = (name: string, bytes: Uint8Array, read: (path: string) => Promise<unknown>) =>
    inTempDir(async (dir) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const err = await read(path).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      return (err as UserError).problems.map((p) => `${p.where}: ${p.message}`);
    });

  it('the self-evaluation table the reviewer reads: a score cell holding #N/A', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自评表');
    ws.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
    ws.addRow(['产出指标', '数量指标', '检查企业', '≥100家', '120家', 50, 50]);
    ws.addRow(['产出指标', '质量指标', '整改率', '≥95%', '96%', 40, null]);
    ws.getCell('G3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await failure('table.xlsx', bytes, readReviewTable)).toEqual(['自评表 第3行 得分: 单元格是错误值 #N/A']);
  });

  it('a goal table: a formula never calculated', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxOf()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    ws.getCell('B3').value = { formula: 'A1&A2' } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const problems = await failure('goals.xlsx', bytes, readXlsxGoals);
    expect(problems).toEqual([
      `goals.xlsx ${ws.name}!B3: 公式没有计算结果（请在 Excel 中打开并保存一次，让公式算出结果）`,
    ]);
  });
});
