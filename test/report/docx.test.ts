import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportDocuments } from '../../src/report/documents.js';
import { docxReport } from '../../src/report/docx/index.js';
import { fmtScoreBy } from '../../src/report/format.js';
import type { SelfEvaluationView } from '../../src/report/self-evaluation-view.js';
import { jixiao, SAMPLE, SEED_CODES, withTempDir } from '../helpers/cli.js';
import { officeMissing, officeToPdf, pdfPages, pdfText } from '../helpers/office.js';
import { loadSample, RELIEF, type Sample } from './fixture.js';

let sample: Sample;
beforeAll(async () => {
  sample = await loadSample();
});

const part = (docx: Uint8Array, name: string) => strFromU8(unzipSync(docx)[name] ?? new Uint8Array());

describe('report --format docx (Word)', () => {
  it('writes the 自评表 as one Word table with the form’s merged cells, A4, page numbers and a chart picture', async () => {
    const docs = reportDocuments('self-evaluation', sample);
    const relief = docs.find((d) => d.base === `${RELIEF}-self-evaluation`);
    if (!relief) throw new Error('no document for the relief project');
    const bytes = await docxReport(relief);
    // Deterministic: the same inputs give the same bytes (no creation date, fixed zip times, hashed media names).
    expect(Buffer.from(await docxReport(relief)).equals(Buffer.from(bytes))).toBe(true);
    const files = unzipSync(bytes);
    const body = part(bytes, 'word/document.xml');
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838"');
    // 项目资金 runs down five rows; the tier cells down their indicators; 项目名称 across seven columns.
    expect(body).toMatch(/<w:gridSpan w:val="7"\/>/);
    const view = relief.view as SelfEvaluationView;
    const merged = view.indicators.flatMap((i) => [i.tier1Cell, i.tier2Cell]).filter((c) => c && c.rowspan > 1);
    expect(merged.length).toBeGreaterThan(0);
    expect(body.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(2 + merged.length);
    expect(body).toContain('项目支出绩效自评表');
    expect(body).toContain('评分说明');
    expect(body).toContain('一、基本情况');
    const p = sample.project(RELIEF);
    expect(body).toContain(fmtScoreBy(p.total, sample.ruleSet.rounding.total));
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(1);
    const footer = Object.keys(files).find((f) => /^word\/footer\d*\.xml$/.test(f)) ?? '';
    expect(part(bytes, footer)).toMatch(/PAGE[\s\S]*NUMPAGES/);
    const fonts = part(bytes, 'word/fontTable.xml');
    for (const [zh, en] of [
      ['仿宋', 'FangSong'],
      ['宋体', 'SimSun'],
      ['黑体', 'SimHei'],
    ]) {
      expect(fonts).toContain(`<w:font w:name="${zh}"><w:altName w:val="${en}"/>`);
    }
    expect(part(bytes, 'word/styles.xml')).toContain('w:eastAsia="仿宋"');
  });

  it.skipIf(officeMissing)(
    'opens in LibreOffice: every project’s name and total in the PDF text',
    () => {
      withTempDir((dir) => {
        const r = jixiao([
          'report',
          join(SAMPLE, 'goals.json'),
          join(SAMPLE, 'actuals-year-end.yaml'),
          '-f',
          'docx',
          '-o',
          dir,
        ]);
        expect(r.status, r.stderr).toBe(0);
        const files = [...SEED_CODES.map((c) => join(dir, `${c}-self-evaluation.docx`)), join(dir, 'department.docx')];
        const pdfs = officeToPdf(files, join(dir, 'pdf'));
        const flat = (pdf: string) => pdfText(pdf, { raw: true }).replace(/\s+/g, '');
        const department = flat(pdfs.at(-1) as string);
        for (const [k, code] of SEED_CODES.entries()) {
          const p = sample.project(code);
          const total = fmtScoreBy(p.total, sample.ruleSet.rounding.total);
          const text = flat(pdfs[k] as string);
          expect(text, code).toContain(p.name.replace(/\s+/g, ''));
          expect(text, code).toContain(`自评总分${total}分`);
          expect(text, code).toContain(`第1页共${pdfPages(pdfs[k] as string)}页`);
          // The whole form on page 1: its 总分 row with the total and grade (it used to spill onto page 2).
          const first = pdfText(pdfs[k] as string, { first: 1, last: 1 }).replace(/\s+/g, '');
          expect(first, code).toMatch(new RegExp(`总分100\\.00${total.replace('.', '\\.')}等级：`));
          expect(department, code).toContain(p.name.replace(/\s+/g, ''));
          expect(department, code).toContain(total);
        }
        expect(
          readFileSync(files[0] as string)
            .subarray(0, 2)
            .toString(),
        ).toBe('PK');
      });
    },
    180_000,
  );

  it.skipIf(officeMissing)(
    'monitoring and the department monitoring summary open in LibreOffice too',
    () => {
      withTempDir((dir) => {
        const args = ['report', join(SAMPLE, 'goals.json'), join(SAMPLE, 'actuals-mid-year.yaml'), '-k', 'monitoring'];
        expect(jixiao([...args, '-f', 'docx', '-o', dir]).status).toBe(0);
        const [one, summary] = officeToPdf(
          [join(dir, `${RELIEF}-monitoring.docx`), join(dir, 'department-monitoring.docx')],
          join(dir, 'pdf'),
        );
        const text = pdfText(one as string, { raw: true }).replace(/\s+/g, '');
        const m = sample.monitoring.projects.find((x) => x.code === RELIEF);
        expect(text).toContain('项目支出绩效运行监控表');
        expect(text).toContain(
          `全年预计总分${fmtScoreBy(m?.forecast.total ?? Number.NaN, sample.ruleSet.rounding.total)}`,
        );
        expect(pdfText(summary as string, { raw: true }).replace(/\s+/g, '')).toContain('部门整体绩效运行监控汇总表');
      });
    },
    180_000,
  );
});
