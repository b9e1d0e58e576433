import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { jixiao, SAMPLE } from '../helpers/cli.js';
import { inTempDir } from '../io/xlsx/fill.js';

/**
 * The terminal table, the JSON, the html 自评表 and the xlsx 自评表 of the sample say the same thing, figure for
 * figure: every project's budget score, indicator scores in table order, and total (all through the binary).
 */
const GOALS = join(SAMPLE, 'goals.json');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');

interface Out {
  projects: {
    code: string;
    name: string;
    total: number;
    grade: string;
    budget: { score: number };
    indicators: { score: number }[];
  }[];
}

const f2 = (x: number) => x.toFixed(2);

/** The 得分 column of a project's terminal table: the budget row, then each indicator row. */
function terminalScores(text: string, code: string, name: string): { scores: string[]; section: string } {
  const start = text.indexOf(`${code}  ${name}\n`);
  const end = text.indexOf('\n\n', start);
  const section = text.slice(start, end < 0 ? undefined : end);
  const scores = section
    .split('\n')
    .map((l) => l.split('│'))
    .filter((cells) => cells.length === 8)
    .map((cells) => (cells[5] ?? '').trim())
    .filter((x) => /^\d+\.\d\d$/.test(x));
  return { scores, section };
}

describe('terminal, JSON, html and xlsx agree on the sample', () => {
  const json = JSON.parse(jixiao(['score', GOALS, YEAR_END, '--format', 'json']).stdout) as Out;
  const table = jixiao(['score', GOALS, YEAR_END]).stdout;

  it('has eight projects to compare', () => {
    expect(json.projects).toHaveLength(8);
  });

  it('the terminal prints the JSON figures', () => {
    for (const p of json.projects) {
      const { scores, section } = terminalScores(table, p.code, p.name);
      expect(scores).toEqual([p.budget.score, ...p.indicators.map((i) => i.score)].map(f2));
      expect(section).toContain(`总分 ${f2(p.total)}（${p.grade}）`);
      expect(table).toMatch(new RegExp(`${p.code} │ [^\\n]*│ ${f2(p.total).replace('.', '\\.')} +│ ${p.grade}`));
    }
  });

  it('the html and xlsx 自评表 print the JSON figures', async () => {
    await inTempDir(async (dir) => {
      expect(jixiao(['report', GOALS, YEAR_END, '-o', join(dir, 'h')]).status).toBe(0);
      expect(jixiao(['report', GOALS, YEAR_END, '-f', 'xlsx', '-o', join(dir, 'x')]).status).toBe(0);
      for (const p of json.projects) {
        const expected = [p.budget.score, ...p.indicators.map((i) => i.score)];
        const html = readFileSync(join(dir, 'h', `${p.code}-self-evaluation.html`), 'utf8');
        const cells = [...html.matchAll(/<td class="num score">([^<]+)<\/td>/g)].map((m) => m[1]);
        expect(cells).toEqual(expected.map(f2));
        expect(html).toContain(f2(p.total));
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(join(dir, 'x', `${p.code}-self-evaluation.xlsx`));
        const ws = wb.worksheets[0];
        if (!ws) throw new Error('no sheet');
        const rows: number[] = [Number(ws.getCell('H6').value)];
        let total: number | null = null;
        ws.eachRow((row, r) => {
          const g = row.getCell(7).value;
          if (r <= 12 || typeof g !== 'number') return;
          if (row.getCell(1).text === '总分') total = g;
          else rows.push(g);
        });
        expect(rows).toEqual(expected);
        expect(total).toBe(p.total);
      }
    });
  });
});
