import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadActuals } from '../../src/io/actuals.js';
import type { GoalDocument } from '../../src/model/goals.js';
import { jixiao, ROOT, SAMPLE, SEED } from '../helpers/cli.js';
import { runGuarded } from '../helpers/module-guard.js';
import { fillWorkbook, headers, inTempDir } from '../io/xlsx/fill.js';
import { docxOf, xlsxOf } from '../io/xlsx/seed-files.js';

const GOALS = join(SAMPLE, 'goals.json');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');
const LIBREOFFICE = join(ROOT, 'test/fixtures/xlsx/libreoffice-resaved.xlsx');
const yamlJson = jixiao(['score', GOALS, YEAR_END, '--format', 'json']);
const yamlTable = jixiao(['score', GOALS, YEAR_END]);

/** `jixiao template -o` a workbook, filled in from the sample YAML. */
async function filledWorkbook(dir: string): Promise<string> {
  const template = join(dir, 'template.xlsx');
  const r = jixiao(['template', GOALS, '-o', template]);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe(`已生成填报表（Excel）：8 个项目、57 个指标 → ${template}\n`);
  const path = join(dir, 'filled.xlsx');
  writeFileSync(path, await fillWorkbook(readFileSync(template), loadActuals(YEAR_END)));
  return path;
}

describe('the Excel round trip: template → filled workbook → jixiao score', () => {
  it('scores the filled workbook exactly as the YAML (json and table output)', async () => {
    expect(yamlJson.status).toBe(0);
    await inTempDir(async (dir) => {
      const path = await filledWorkbook(dir);
      const json = jixiao(['score', GOALS, path, '--format', 'json']);
      expect(json.stderr).toBe(yamlJson.stderr);
      expect(json.stdout).toBe(yamlJson.stdout);
      expect(jixiao(['score', GOALS, path]).stdout).toBe(yamlTable.stdout);
    });
  });

  it('scores the workbook LibreOffice Calc re-saved exactly as the YAML', () => {
    expect(jixiao(['score', GOALS, LIBREOFFICE, '--format', 'json']).stdout).toBe(yamlJson.stdout);
  });

  it.each(['openpyxl-filled.xlsx', 'libreoffice-from-openpyxl.xlsx'])(
    'scores the workbook written by another program (%s) exactly as the YAML',
    (name) => {
      // openpyxl links the template's column notes where exceljs cannot find them ("reading 'comments'").
      const r = jixiao(['score', GOALS, join(ROOT, 'test/fixtures/xlsx', name), '--format', 'json']);
      expect(r.stderr).toBe(yamlJson.stderr);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(yamlJson.stdout);
      expect(jixiao(['score', GOALS, join(ROOT, 'test/fixtures/xlsx', name)]).stdout).toBe(yamlTable.stdout);
    },
  );

  it('scores a CSV of the 指标 sheet with the funds on each project’s first row exactly as the YAML', async () => {
    await inTempDir(async (dir) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(await filledWorkbook(dir));
      const ind = wb.getWorksheet('指标');
      const funds = wb.getWorksheet('资金');
      if (!ind || !funds) throw new Error('sheets');
      // 资金 columns appended to the 指标 columns, filled on each project's first row only.
      const fundCols = ['年初预算数', '全年预算数', '全年执行数', '执行偏差原因', '年度总体目标完成情况'];
      const fc = headers(funds);
      const byCode = new Map<string, unknown[]>();
      funds.eachRow((row, r) => {
        if (r > 1)
          byCode.set(
            row.getCell(1).text,
            fundCols.map((h) => row.getCell(fc(h)).value ?? ''),
          );
      });
      const rows: unknown[][] = [];
      ind.eachRow((row, r) => {
        const values = Array.from({ length: ind.columnCount }, (_, c) => row.getCell(c + 1).value ?? '');
        const code = String(values[0]);
        rows.push([...values, ...(r === 1 ? fundCols : (byCode.get(code) ?? []))]);
        byCode.set(code, []);
      });
      const path = join(dir, 'actuals.csv');
      writeFileSync(path, stringify(rows as string[][], { bom: true }));
      expect(jixiao(['score', GOALS, path, '--format', 'json']).stdout).toBe(yamlJson.stdout);
    });
  });
});

describe('jixiao score on a workbook that cannot be read: a clear error, exit 2, nothing written', () => {
  const broken: [string, (dir: string) => Promise<string>, string][] = [
    [
      'a corrupt file',
      async (dir) => write(dir, 'bad.xlsx', Buffer.from('not a workbook at all')),
      '不是有效的 .xlsx 文件',
    ],
    [
      'a truncated workbook',
      async (dir) => write(dir, 'cut.xlsx', readFileSync(LIBREOFFICE).subarray(0, 4000)),
      '文件已损坏或不完整',
    ],
    [
      'a missing sheet',
      (dir) => editFilled(dir, (wb) => wb.removeWorksheet(wb.getWorksheet('指标')?.id ?? 0)),
      '缺少工作表“指标”',
    ],
    [
      'a renamed column',
      (dir) => editFilled(dir, (wb) => setHeader(wb, '全年执行数', '执行金额')),
      '资金 第1行（表头）: 缺少“全年执行数”列',
    ],
    [
      'text in a number cell',
      (dir) => editFilled(dir, (wb) => setCell(wb, '资金', 4, '全年预算数', '五十万')),
      '资金 第4行 全年预算数: “五十万” 不是数字',
    ],
  ];
  it.each(broken)('%s', async (_name, make, message) => {
    await inTempDir(async (dir) => {
      const path = await make(dir);
      const out = join(dir, 'out.json');
      const r = jixiao(['score', GOALS, path, '-o', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toContain('内部错误');
      expect(existsSync(out)).toBe(false);
    });
  });
});

describe('jixiao import from Word and Excel', () => {
  const fromText = JSON.parse(jixiao(['import', SEED]).stdout) as GoalDocument;
  it.each([
    ['seed.docx', docxOf],
    ['seed.xlsx', xlsxOf],
  ])('%s: the same projects and indicators as the text export', async (name, build) => {
    await inTempDir(async (dir) => {
      const path = join(dir, name);
      writeFileSync(path, await build());
      const out = join(dir, 'goals.json');
      const r = jixiao(['import', path, '-o', out]);
      expect(r.stderr).toBe(`已导入 8 个项目、57 个指标 → ${out}\n`);
      const doc = JSON.parse(readFileSync(out, 'utf8')) as GoalDocument;
      expect(doc.source).toBe(name);
      const strip = (d: GoalDocument) => JSON.stringify(d.projects, (k, v) => (k === 'line' ? undefined : v));
      expect(strip(doc)).toBe(strip(fromText));
    });
  });
});

describe('start-up: the YAML and text paths do not load exceljs or mammoth', () => {
  it.each([
    ['template (YAML)', ['template', GOALS]],
    ['import (text)', ['import', SEED]],
  ])('%s', (_name, args) => {
    const r = runGuarded([join(ROOT, 'dist/cli/bin.js'), ...args], ['exceljs', 'mammoth', 'csv-parse']);
    expect(r.out).not.toContain('LOADED:');
    expect(r.status).toBe(0);
  });
});

function write(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function editFilled(dir: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await filledWorkbook(dir));
  edit(wb);
  const path = join(dir, 'edited.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

function setHeader(wb: ExcelJS.Workbook, from: string, to: string): void {
  const ws = wb.getWorksheet('资金');
  if (ws) ws.getCell(1, headers(ws)(from)).value = to;
}

function setCell(wb: ExcelJS.Workbook, sheet: string, row: number, header: string, value: string): void {
  const ws = wb.getWorksheet(sheet);
  if (ws) ws.getCell(row, headers(ws)(header)).value = value;
}
