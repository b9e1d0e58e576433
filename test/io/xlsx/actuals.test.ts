import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoreDocument } from '../../../src/core/scoring/index.js';
import { UserError } from '../../../src/errors.js';
import { loadActuals } from '../../../src/io/actuals.js';
import { loadGoals } from '../../../src/io/goals.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import { readActualsTable } from '../../../src/io/xlsx/actuals.js';
import { actualsWorkbook } from '../../../src/io/xlsx/template.js';
import { ROOT, SAMPLE } from '../../helpers/cli.js';
import { fillWorkbook, headers, inTempDir } from './fill.js';

const goals = loadGoals(join(SAMPLE, 'goals.json'));
const yaml = loadActuals(join(SAMPLE, 'actuals-year-end.yaml'));
const rules = await loadRuleSet('national');
const template = await actualsWorkbook(goals, 'year-end');
const filled = await fillWorkbook(template, yaml);

/** The UserError a read throws, described as the CLI prints it. */
async function failure(path: string): Promise<string> {
  const err = await readActualsTable(path, goals).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return (err as UserError).describe();
}

/** Edit a copy of the filled workbook and save it into `dir`. */
async function edited(dir: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(filled as unknown as ArrayBuffer);
  edit(wb);
  const path = join(dir, 'edited.xlsx');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

describe('readActualsTable: the filled template', () => {
  it('reads back what was typed in, and scores exactly as the YAML does', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'filled.xlsx');
      writeFileSync(path, filled);
      const doc = await readActualsTable(path, goals);
      expect(doc.period).toBe('year-end');
      expect(doc.projects.map((p) => p.code)).toEqual(yaml.projects.map((p) => p.code));
      expect(doc.projects[2]?.indicators[4]).toMatchObject({ grade: '部分达成', score: 8.5 });
      expect(doc.projects[5]?.indicators[0]?.override).toEqual(yaml.projects[5]?.indicators[0]?.override);
      expect(scoreDocument(goals, doc, rules)).toEqual(scoreDocument(goals, yaml, rules));
    });
  });

  it('reads the same workbook re-saved by LibreOffice Calc (committed fixture)', async () => {
    const doc = await readActualsTable(join(ROOT, 'test/fixtures/xlsx/libreoffice-resaved.xlsx'), goals);
    expect(scoreDocument(goals, doc, rules)).toEqual(scoreDocument(goals, yaml, rules));
  });

  it('reads period and as-of date from the 说明 sheet of a mid-year workbook', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'mid.xlsx');
      const mid = { ...yaml, period: 'mid-year' as const, asOf: '2025-06-30' };
      writeFileSync(path, await fillWorkbook(await actualsWorkbook(goals, 'mid-year', '2025-06-30'), mid));
      const doc = await readActualsTable(path, goals);
      expect(doc).toMatchObject({ period: 'mid-year', asOf: '2025-06-30' });
    });
  });

  it('never modifies the input file, even when it has problems', async () => {
    await inTempDir(async (dir) => {
      const path = await edited(dir, (wb) => {
        const ws = wb.getWorksheet('资金');
        if (ws) ws.getCell(2, headers(ws)('全年执行数')).value = '四十八万';
      });
      const before = createHash('sha256').update(readFileSync(path)).digest('hex');
      await failure(path);
      await readActualsTable(join(ROOT, 'test/fixtures/xlsx/libreoffice-resaved.xlsx'), goals);
      expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
    });
  });
});

describe('readActualsTable: problems, all in one pass, each naming sheet, row and column', () => {
  it('text in a number cell, an unreadable actual, a value not in a drop-down list', async () => {
    await inTempDir(async (dir) => {
      const path = await edited(dir, (wb) => {
        const funds = wb.getWorksheet('资金');
        const ind = wb.getWorksheet('指标');
        if (!funds || !ind) throw new Error('sheets');
        funds.getCell(3, headers(funds)('全年执行数')).value = '四十八万';
        ind.getCell(14, headers(ind)('实际完成值')).value = '大约1000家左右吧';
        ind.getCell(20, headers(ind)('完成等级')).value = '基本达成';
        ind.getCell(21, headers(ind)('档内得分')).value = '八分';
      });
      const text = await failure(path);
      expect(text).toContain('发现 4 处问题');
      expect(text).toContain('资金 第3行 全年执行数: “四十八万” 不是数字');
      expect(text).toContain('指标 第14行 实际完成值: 无法识别实际完成值“大约1000家左右吧”');
      expect(text).toContain('指标 第20行 完成等级: “基本达成” 不是可选值（达成 / 部分达成 / 未达成）');
      expect(text).toContain('指标 第21行 档内得分: “八分” 不是数字');
    });
  });

  it('a missing sheet', async () => {
    await inTempDir(async (dir) => {
      const path = await edited(dir, (wb) => {
        const ws = wb.getWorksheet('资金');
        if (ws) wb.removeWorksheet(ws.id);
      });
      expect(await failure(path)).toContain('缺少工作表“资金”（现有：说明、指标）');
    });
  });

  it('a renamed column', async () => {
    await inTempDir(async (dir) => {
      const path = await edited(dir, (wb) => {
        const ws = wb.getWorksheet('指标');
        if (ws) ws.getCell(1, headers(ws)('实际完成值')).value = '实际值';
      });
      const text = await failure(path);
      expect(text).toContain('指标 第1行（表头）: 缺少“实际完成值”列');
      expect(text).toContain('列可以调整顺序，但不能改名');
    });
  });

  it('a formula without a cached result, and an unknown project code', async () => {
    await inTempDir(async (dir) => {
      const path = await edited(dir, (wb) => {
        const funds = wb.getWorksheet('资金');
        const ind = wb.getWorksheet('指标');
        if (!funds || !ind) throw new Error('sheets');
        funds.getCell(2, headers(funds)('全年执行数')).value = { formula: 'C2*0.9' } as ExcelJS.CellFormulaValue;
        ind.getCell(5, headers(ind)('项目编码')).value = 'P-UNKNOWN';
      });
      const text = await failure(path);
      expect(text).toContain('资金 第2行 全年执行数: 公式没有计算结果');
      expect(text).toContain('指标 第5行 项目编码: 目标表中没有项目编码 “P-UNKNOWN”');
    });
  });
});

describe('readActualsTable: files that are not a readable workbook', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['random bytes', () => Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251), '不是有效的 .xlsx 文件'],
    ['a truncated zip', () => filled.subarray(0, 3000), '文件已损坏或不完整'],
    ['an empty file', () => new Uint8Array(0), '文件是空的'],
    ['a password-protected (encrypted) workbook', encryptedWorkbook, '工作簿设置了打开密码（已加密）'],
    ['a legacy .xls saved as .xlsx', () => oleFile(['Root Entry', 'Workbook']), '旧版 Excel 97-2003 文件（.xls）'],
  ];
  it.each(cases)('%s: a clear error', async (_name, bytes, message) => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'bad.xlsx');
      writeFileSync(path, bytes());
      expect(await failure(path)).toContain(message);
    });
  });
});

/**
 * Excel saves a workbook with an open password as an OLE compound file (signature D0 CF 11 E0 A1 B1 1A E1)
 * whose directory holds the streams "EncryptionInfo" and "EncryptedPackage" (MS-OFFCRYPTO). LibreOffice 7.4
 * cannot write one headless (a Password property is ignored for OOXML export), so the container is crafted:
 * header and directory entries as Excel lays them out, stream contents left empty.
 */
function encryptedWorkbook(): Uint8Array {
  return oleFile(['Root Entry', '\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']);
}

function oleFile(names: string[]): Uint8Array {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(0x03, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // byte order mark
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt32LE(0, 48); // first directory sector
  const dir = Buffer.alloc(512);
  names.forEach((name, i) => {
    const entry = dir.subarray(i * 128, i * 128 + 128);
    Buffer.from(`${name}\0`, 'utf16le').copy(entry, 0);
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    entry[66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, dir]);
}
