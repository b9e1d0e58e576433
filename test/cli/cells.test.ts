import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadActuals } from '../../src/io/actuals.js';
import { jixiao, SAMPLE, withTempDir } from '../helpers/cli.js';
import { fillWorkbook, headers, inTempDir } from '../io/xlsx/fill.js';
import { xlsxOf } from '../io/xlsx/seed-files.js';

/** Cells an evaluator gets wrong in ordinary ways: each is refused at its place, through the binary. */

const GOALS = join(SAMPLE, 'goals.json');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');
const yaml = readFileSync(YEAR_END, 'utf8');
const P1 = '13020225P00001210004M';
let saved = 0;

/** The sample, filled into the template, then one edit to the 指标 sheet (row 3 is project 1's 96% row). */
async function workbook(dir: string, edit: (ws: ExcelJS.Worksheet, col: (h: string) => number) => void) {
  const template = join(dir, 't.xlsx');
  expect(jixiao(['template', GOALS, '-o', template, '--force']).status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(readFileSync(template), loadActuals(YEAR_END))) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('指标');
  if (!ws) throw new Error('no 指标 sheet');
  edit(ws, headers(ws));
  const path = join(dir, `filled-${++saved}.xlsx`);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

describe('0.93 in a % cell', () => {
  it('YAML: an error naming the project and indicator, asking for 96% or 0.96%; nothing printed as scored', () => {
    withTempDir((dir) => {
      writeFileSync(
        join(dir, 'a.yaml'),
        yaml.replace('保障全区企业的安全生产体系, actual: 96%', '保障全区企业的安全生产体系, actual: 0.96'),
      );
      const r = jixiao(['score', GOALS, 'a.yaml'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        `项目 ${P1}（2025年安全生产专项经费） 第2项指标“保障全区企业的安全生产体系”: 实际完成值 0.96 没有写百分号，而指标值以百分数表示（≥95%）：是 96% 请写成“96%”，确是 0.96% 请写成“0.96%”`,
      );
    });
  });

  it('xlsx: a plain 0.96 is refused at its cell; the same number formatted as % reads as 96%', async () => {
    await inTempDir(async (dir) => {
      const plain = await workbook(dir, (ws, col) => {
        ws.getCell(3, col('实际完成值')).value = 0.96;
      });
      const r = jixiao(['score', GOALS, plain]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('指标 第3行 实际完成值: 实际完成值 0.96 没有写百分号');
      const formatted = await workbook(dir, (ws, col) => {
        const cell = ws.getCell(3, col('实际完成值'));
        cell.value = 0.96;
        cell.numFmt = '0%';
      });
      const ok = jixiao(['score', GOALS, formatted, '--format', 'json']);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toBe(jixiao(['score', GOALS, YEAR_END, '--format', 'json']).stdout);
    });
  });
});

describe('a negative actual', () => {
  it('YAML: -1086家 is refused with the indicator named (it scored a silent 0 before)', () => {
    withTempDir((dir) => {
      writeFileSync(join(dir, 'a.yaml'), yaml.replace('actual: 1086家', 'actual: -1086家'));
      const r = jixiao(['score', GOALS, 'a.yaml'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        `项目 ${P1}（2025年安全生产专项经费） 指标“每年检查企业个数”: 实际完成值“-1086家”是负数；完成的数量、金额或比率不能小于 0，请填写实际完成的值`,
      );
    });
  });

  it('xlsx: refused at its cell', async () => {
    await inTempDir(async (dir) => {
      const path = await workbook(dir, (ws, col) => {
        ws.getCell(2, col('实际完成值')).value = '-1086家';
      });
      const r = jixiao(['score', GOALS, path]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('指标 第2行 实际完成值: 实际完成值“-1086家”是负数');
    });
  });
});

describe("cells over Excel's 32,767 characters", () => {
  const long = `原因${'很长'.repeat(20_000)}`; // 40,002 characters

  it('an actuals workbook with one is refused, naming the sheet, row and column', async () => {
    await inTempDir(async (dir) => {
      const path = await workbook(dir, (ws, col) => {
        ws.getCell(2, col('偏差原因')).value = long;
      });
      const r = jixiao(['score', GOALS, path]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('指标 第2行 偏差原因: 单元格有 40,002 个字符，超过 Excel 单元格上限 32,767 个字符');
    });
  });

  it('a goal workbook with one is refused at its cell', async () => {
    await inTempDir(async (dir) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await xlsxOf()) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      ws.getCell('B5').value = long;
      const path = join(dir, 'goals.xlsx');
      writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
      const r = jixiao(['check', path]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        `goals.xlsx ${ws.name}!B5: 单元格有 40,002 个字符，超过 Excel 单元格上限 32,767 个字符`,
      );
    });
  });

  it('a reason that long is cut in the xlsx 自评表 with a note saying so; the html report keeps all of it', async () => {
    await inTempDir(async (dir) => {
      writeFileSync(join(dir, 'a.yaml'), yaml.replace('actual: 1086家', `actual: 1086家, reason: ${long}`));
      const args = ['report', GOALS, 'a.yaml', '--project', P1];
      const x = jixiao([...args, '--format', 'xlsx', '-o', 'x'], { cwd: dir });
      expect(x.status, x.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'x', `${P1}-self-evaluation.xlsx`));
      const texts = wb.worksheets.flatMap((ws) => {
        const out: string[] = [];
        ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value))));
        return out;
      });
      const cell = texts.find((t) => t.includes('原因很长很长'));
      expect(cell?.length).toBe(32_767);
      expect(cell).toMatch(
        /很长……（以下从略：原文共 [\d,]+ 字，超过 Excel 单元格上限 32,767 字；全文见 html、md 或 docx 格式的报告）$/,
      );
      const h = jixiao([...args, '-o', 'h'], { cwd: dir });
      expect(h.status, h.stderr).toBe(0);
      expect(readFileSync(join(dir, 'h', `${P1}-self-evaluation.html`), 'utf8')).toContain(long);
    });
  });
});
