import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGoalDocument } from '../../src/io/goal-document/index.js';
import { readDocxGoals } from '../../src/io/goal-tables/docx.js';
import { readXlsxGoals } from '../../src/io/goal-tables/xlsx.js';
import type { GoalDocument } from '../../src/model/goals.js';
import { SHARED } from '../helpers/cli.js';
import { inTempDir } from './xlsx/fill.js';
import { seedBlocks } from './xlsx/seed-blocks.js';
import { docxOf, xlsxOf } from './xlsx/seed-files.js';

/**
 * The three real goal documents of other units (shared/goal-docs) import as published: every project and row,
 * budgets in 万元, and each target read as the table printed it. The same tables as .docx and .xlsx import equal.
 */

const DIR = join(SHARED, 'goal-docs');
const text = (file: string) => readFileSync(join(DIR, file), 'utf8');
const withoutLines = (d: GoalDocument) =>
  JSON.parse(JSON.stringify({ ...d, source: null }, (k, v) => (k === 'line' ? undefined : v))) as unknown;

interface Expected {
  file: string;
  year: number;
  projects: { name: string; unitCode: string | null; unitName: string; budget: object; rows: number }[];
}

const documents: Expected[] = [
  {
    file: 'hunan-nanyue-2018-poverty-goals.txt',
    year: 2018,
    projects: [
      {
        name: '2018年南岳镇资产收益扶贫项目',
        unitCode: '607001',
        unitName: '衡阳市南岳区南岳镇人民政府',
        budget: { total: 214.06, fiscal: 214.06, other: 0 },
        rows: 11,
      },
      {
        name: '2018年市级专项扶贫资金基础设施(人大代表扶贫基地)',
        unitCode: '610001',
        unitName: '湖南省润山润水生态农业发展有限公司',
        budget: { total: 10, fiscal: 10, other: 0 },
        rows: 16,
      },
    ],
  },
  {
    file: 'hunan-xiangxi-special-school-2023-goals.txt',
    year: 2023,
    projects: [
      {
        name: '学生伙食费',
        unitCode: '505006',
        unitName: '州民族特殊教育学校',
        budget: { total: 30, fiscal: null, other: null },
        rows: 10,
      },
    ],
  },
  {
    file: 'hunan-xiangtan-sanitation-2023-goals.txt',
    year: 2023,
    projects: [
      {
        name: '雾炮车降尘抑尘服务',
        unitCode: null,
        unitName: '湘潭市环境卫生管理处',
        budget: { total: 250, fiscal: null, other: null, unit: '万' },
        rows: 7,
      },
    ],
  },
];

describe.each(documents)('$file', ({ file, year, projects }) => {
  const doc = parseGoalDocument(text(file), { source: file });

  it('imports every project with its unit, budget in 万元 and every indicator row', () => {
    expect(doc.year).toBe(year);
    expect(doc.projects.map((p) => ({ ...p, indicators: p.indicators.length }))).toMatchObject(
      projects.map(({ rows, ...p }) => ({ ...p, year, indicators: rows, codeGenerated: true })),
    );
    for (const p of doc.projects) expect(p.code).toMatch(/^auto-[0-9a-f]{16}$/);
  });

  it('imports the same from a renamed copy (the year comes from the document, never its name)', () => {
    expect(parseGoalDocument(text(file), { source: 'goals.txt' }).projects).toEqual(doc.projects);
  });

  it('imports the same tables from .docx and .xlsx', async () => {
    const blocks = seedBlocks(text(file));
    const fromDocx = await inTempDir(async (dir) => {
      writeFileSync(join(dir, 'goals.docx'), await docxOf(blocks));
      return readDocxGoals(join(dir, 'goals.docx'));
    });
    expect(withoutLines(fromDocx)).toEqual(withoutLines(doc));
    const fromXlsx = await inTempDir(async (dir) => {
      writeFileSync(join(dir, 'goals.xlsx'), await xlsxOf(blocks));
      return readXlsxGoals(join(dir, 'goals.xlsx'));
    });
    expect(withoutLines(fromXlsx)).toEqual(withoutLines(doc));
  });
});
