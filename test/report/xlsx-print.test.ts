import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { jixiao, SAMPLE } from '../helpers/cli.js';
import { officeMissing, officeToPdf, pdfPages, pdfText } from '../helpers/office.js';
import { inTempDir } from '../io/xlsx/fill.js';

/** A cell's text as Excel shows it: numbers under their format (0.00, 0.00%), text as written. */
function shown(c: ExcelJS.Cell): string {
  if (typeof c.value !== 'number') return c.text;
  const fmt = c.numFmt ?? '';
  const decimals = /0\.(0+)/.exec(fmt)?.[1]?.length ?? 0;
  if (fmt.endsWith('%')) return `${(c.value * 100).toFixed(decimals)}%`;
  return fmt ? c.value.toFixed(decimals) : String(c.value);
}

/**
 * Every workbook `report --format xlsx` writes, printed by LibreOffice: each sheet one page wide on A4, the
 * expected page count, and every cell's whole text in the PDF — a row too short for its wrapped text prints
 * only the lines that fit, so a cut cell is missing from the PDF's text.
 */
async function checkPrint(dir: string, pages: (file: string) => number): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => join(dir, f));
  const pdfs = officeToPdf(files, join(dir, 'pdf'));
  for (const [k, file] of files.entries()) {
    const pdf = pdfs[k] as string;
    const flat = pdfText(pdf, { raw: true }).replace(/\s+/g, '');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cut: string[] = [];
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup, `${file} ${ws.name}`).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.isMerged && c.master !== c) return;
          const t = shown(c).replace(/\s+/g, '');
          if (t && !flat.includes(t)) cut.push(`${ws.name}!${c.address} ${t.slice(0, 30)}`);
        }),
      );
    }
    expect(cut, file).toEqual([]);
    expect(pdfPages(pdf), file).toBe(pages(file));
    // One page wide: the form's first and last column headers print on its first page.
    const first = pdfText(pdf, { raw: true }).split('\f')[0]?.replace(/\s+/g, '') ?? '';
    if (file.endsWith('-self-evaluation.xlsx')) expect(first).toMatch(/一级指标.*偏差原因分析及改进措施/);
    if (file.endsWith('-monitoring.xlsx') && !file.includes('department'))
      expect(first).toMatch(/一级指标.*偏差原因分析/);
  }
}

describe.skipIf(officeMissing)('report --format xlsx prints on A4 (LibreOffice)', () => {
  it('year-end: the 自评表 on one page and 计分说明 on one more, the department summary in three', async () => {
    await inTempDir(async (dir) => {
      const r = jixiao([
        'report',
        join(SAMPLE, 'goals.json'),
        join(SAMPLE, 'actuals-year-end.yaml'),
        '-f',
        'xlsx',
        '-o',
        dir,
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(dir).filter((f) => f.endsWith('.xlsx'))).toHaveLength(9);
      await checkPrint(dir, (f) => (f.endsWith('department.xlsx') ? 3 : 2));
    });
  }, 240_000);

  it('mid-year: the 监控表 on one page and the 监控报告 on one more, the summary in three', async () => {
    await inTempDir(async (dir) => {
      const args = ['report', join(SAMPLE, 'goals.json'), join(SAMPLE, 'actuals-mid-year.yaml'), '-k', 'monitoring'];
      expect(jixiao([...args, '-f', 'xlsx', '-o', dir]).status).toBe(0);
      await checkPrint(dir, (f) => (f.endsWith('department-monitoring.xlsx') ? 3 : 2));
    });
  }, 240_000);
});
