import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { caseFiles, OUT } from '../fixtures/xlsx/make-cases.js';
import { jixiao, SAMPLE } from '../helpers/cli.js';
import { inTempDir } from '../io/xlsx/fill.js';

const CONSISTENT = [
  'anhui_xiaoxian_2023_hexi_village_breeding_subsidy',
  'hubei_district_2020_yangtze_fishing_ban_fuel_subsidy',
];

/** The shared cases as .xlsx, a corrupt file and a workbook that is no 自评表, in one folder. */
async function folder(dir: string): Promise<{ dir: string; names: string[] }> {
  const d = join(dir, 'tables');
  mkdirSync(d);
  const names = caseFiles().map((n) => `${n.replace(/\.json$/, '')}.xlsx`);
  for (const n of names) copyFileSync(join(OUT, n), join(d, n));
  writeFileSync(join(d, 'corrupt.xlsx'), Buffer.from('PK\x03\x04 not really a zip'));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('通讯录').addRows([
    ['姓名', '电话'],
    ['张三', '123'],
  ]);
  await wb.xlsx.writeFile(join(d, 'contacts.xlsx'));
  writeFileSync(join(d, '~$lock.xlsx'), 'Excel lock file');
  return { dir: d, names: [...names, 'contacts.xlsx', 'corrupt.xlsx'].sort() };
}

interface BatchJson {
  summary: { tables: number; consistent: number; gaps: number; unreadable: number };
  tables: ({ file: string; error: { message: string } } | { file: string; project: string; total: number })[];
}

describe('jixiao review FILE|DIR… (batch)', () => {
  it('re-scores every readable table of a folder, names the unreadable ones, and exits 3', async () => {
    await inTempDir(async (dir) => {
      const { dir: d, names } = await folder(dir);
      const r = jixiao(['review', d, '--format', 'json', '--year', '2022']);
      expect(r.status, r.stderr).toBe(3);
      const out = JSON.parse(r.stdout) as BatchJson;
      // File order, each with its file and either the re-score or the located error; the lock file is skipped.
      expect(out.tables.map((t) => t.file)).toEqual(names.map((n) => join(d, n)));
      const errors = out.tables.filter((t) => 'error' in t);
      expect(errors.map((t) => t.file.split('/').at(-1))).toEqual(['contacts.xlsx', 'corrupt.xlsx']);
      expect(JSON.stringify(errors)).toContain('找不到指标表头');
      expect(JSON.stringify(errors)).toContain('无法解压');
      expect(out.tables.filter((t) => 'project' in t)).toHaveLength(caseFiles().length);
      expect(out.summary).toEqual({ tables: names.length, consistent: 2, gaps: caseFiles().length - 2, unreadable: 2 });
      expect(r.stderr).toContain(`共 ${names.length} 张自评表：2 张与规则一致`);
    });
  });

  it('exit 0 when every table agrees with the rule, 1 when any differs; the table format lists each file', () => {
    const files = CONSISTENT.map((n) => join(OUT, `${n}.xlsx`));
    const ok = jixiao(['review', ...files]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('共 2 张自评表：2 张与规则一致，0 张有差异，0 张无法读取');
    const gaps = jixiao(['review', ...files, join(OUT, 'sichuan_anju_2021_food_supervision_subsidy.xlsx')]);
    expect(gaps.status).toBe(1);
    expect(gaps.stdout).toMatch(/sichuan_anju.*有差异/s);
    expect(gaps.stdout).toContain('+46.00');
  });

  it('writes the summary as csv (with a BOM for Excel) and as a printable xlsx sheet', async () => {
    await inTempDir(async (dir) => {
      const { dir: d, names } = await folder(dir);
      const csv = join(dir, 'summary.csv');
      expect(jixiao(['review', d, '-f', 'csv', '-o', csv, '--year', '2022']).status).toBe(3);
      const text = readFileSync(csv, 'utf8');
      expect(text.startsWith('\uFEFF文件,项目名称,单位,自评总分,复核总分')).toBe(true);
      expect(text).toContain('食品监管补助资金');
      const xlsx = join(dir, 'summary.xlsx');
      expect(jixiao(['review', d, '-f', 'xlsx', '-o', xlsx, '--year', '2022']).status).toBe(3);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      const ws = wb.getWorksheet('复核汇总');
      expect(ws?.getCell('A2').value).toBe('文件');
      expect(ws?.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, orientation: 'landscape' });
      expect(ws?.getColumn(1).values.filter((v) => typeof v === 'string' && v.endsWith('.xlsx'))).toHaveLength(
        names.length,
      );
      expect(jixiao(['review', d, '-f', 'xlsx']).stderr).toContain('--format xlsx 需要用 -o 指定输出文件');
    });
  });
});

describe('jixiao review: an actuals workbook is not a 自评表', () => {
  it('names the template workbook and its 指标 sheet as csv for what they are, and the run goes on (exit 3)', async () => {
    await inTempDir(async (dir) => {
      const xlsx = join(dir, '填报表.xlsx');
      expect(jixiao(['template', join(SAMPLE, 'goals.json'), '-o', xlsx]).status).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      const rows: string[] = [];
      wb.getWorksheet('指标')?.eachRow((row) => {
        rows.push(
          (row.values as unknown[])
            .slice(1)
            .map((v) => String(v ?? ''))
            .join(','),
        );
      });
      const csv = join(dir, '指标.csv');
      writeFileSync(csv, `${rows.join('\n')}\n`);
      const good = join(OUT, `${CONSISTENT[0]}.xlsx`);
      const r = jixiao(['review', xlsx, csv, good, '--format', 'json', '--year', '2023']);
      expect(r.status, r.stderr).toBe(3);
      const out = JSON.parse(r.stdout) as BatchJson;
      const [a, b, c] = out.tables;
      expect(a && 'error' in a && a.error.message).toContain(
        '填报表.xlsx 是实际完成情况填报表（含“资金”“指标”工作表，由 jixiao template 生成），不是项目支出绩效自评表',
      );
      expect(b && 'error' in b && b.error.message).toContain('指标.csv 是实际完成情况填报表的“指标”表');
      expect(c && 'project' in c).toBe(true);
    });
  });
});
