import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActuals } from '../../src/io/actuals.js';
import type { ActualsDocument } from '../../src/model/actuals.js';
import { jixiao, SAMPLE, SEED, SEED_CODES } from '../helpers/cli.js';
import { fillWorkbook } from '../io/xlsx/fill.js';

/**
 * The seed's workbook with only project 1 filled in, as a new user leaves it: `--project` scores that project,
 * `--allow-incomplete` scores all with the unfilled ones marked, and every filled row scores as in a full run.
 */
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');
const [P1, P2, P3] = SEED_CODES as [string, string, string];

interface Project {
  code: string;
  total: number;
  grade: string | null;
  incomplete: { unfilled: number; invalid: number; budget: string | null; project: number } | null;
  budget: { state: string; score: number };
  indicators: { name: string; status: string; score: number; problems: { message: string }[] }[];
}
interface Out {
  complete: boolean;
  projects: Project[];
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout) as Out;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-incomplete-'));
const template = join(dir, 'template.xlsx');
const path = (name: string) => join(dir, name);
let full: Out;

/** The template filled in from the sample's actuals, after `edit`. */
async function workbook(name: string, edit: (doc: ActualsDocument) => ActualsDocument): Promise<string> {
  writeFileSync(path(name), await fillWorkbook(readFileSync(template), edit(loadActuals(YEAR_END))));
  return path(name);
}
const only = (codes: string[]) => (doc: ActualsDocument) => ({
  ...doc,
  projects: doc.projects.filter((p) => codes.includes(p.code)),
});

beforeAll(async () => {
  expect(jixiao(['template', SEED, '-o', template]).status).toBe(0);
  const all = await workbook('all.xlsx', (doc) => doc);
  const r = jixiao(['score', SEED, all, '--format', 'json']);
  expect(r.status).toBe(0);
  full = json(r);
  await workbook('p1.xlsx', only([P1]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the seed workbook with only project 1 filled in', () => {
  it('without an option: every unfilled project named once, the way out shown, exit 2, nothing on stdout', () => {
    const r = jixiao(['score', SEED, path('p1.xlsx')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.match(/该项目尚未填写/g)).toHaveLength(7);
    expect(r.stderr).toContain('加 --allow-incomplete');
    expect(r.stderr).not.toContain(P1);
  });

  it('--project gives that project’s full table, its scores those of a full run', () => {
    const t = jixiao(['score', SEED, path('p1.xlsx'), '--project', P1]);
    expect(t.status).toBe(0);
    expect(t.stderr).toBe('');
    expect(t.stdout).toContain(`${P1}  2025年安全生产专项经费`);
    expect(t.stdout).toContain('总分 99.72（优）');
    expect(t.stdout).not.toContain(P2);
    const r = jixiao(['score', SEED, path('p1.xlsx'), '--project', P1, '--format', 'json']);
    expect(json(r).projects).toEqual([full.projects[0]]);
    expect(json(r).complete).toBe(true);
  });

  it('--allow-incomplete gives every project, the unfilled ones marked and never graded, exit 0', () => {
    const r = jixiao(['score', SEED, path('p1.xlsx'), '--allow-incomplete', '--format', 'json']);
    expect(r.status).toBe(0);
    const out = json(r);
    expect(out.complete).toBe(false);
    expect(out.projects.map((p) => p.code)).toEqual(SEED_CODES);
    expect(out.projects[0]).toEqual(full.projects[0]);
    for (const p of out.projects.slice(1)) {
      expect(p.grade).toBeNull();
      expect(p.total).toBe(0);
      expect(p.incomplete).toEqual({ unfilled: p.indicators.length, invalid: 0, budget: 'unfilled', project: 1 });
      expect(p.indicators.every((i) => i.status === 'unfilled' || i.status === 'not-applicable')).toBe(true);
    }
    const t = jixiao(['score', SEED, path('p1.xlsx'), '--allow-incomplete']);
    expect(t.status).toBe(0);
    expect(t.stdout).toContain('总分 99.72（优）');
    expect(t.stdout.match(/未完成评分：\d+ 个指标未填写，全年执行数未填写/g)).toHaveLength(7);
    expect(t.stderr).toContain('未完成评分的项目（7 个');
  });

  it('takes several projects, repeated or comma-separated, and refuses a code the goal table lacks', async () => {
    // The helper fills rows in order: projects 1 and 2 are the first rows of the 指标 sheet.
    await workbook('p1-p2.xlsx', only([P1, P2]));
    const a = jixiao(['score', SEED, path('p1-p2.xlsx'), '--project', P1, '--project', P2, '--format', 'json']);
    const b = jixiao(['score', SEED, path('p1-p2.xlsx'), '--project', `${P2}，${P1}`, '--format', 'json']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(json(a).projects).toEqual([full.projects[0], full.projects[1]]);
    const c = jixiao(['score', SEED, path('p1-p2.xlsx'), '--project', P3, '--allow-incomplete', '--format', 'json']);
    expect(json(c).projects.map((p) => p.incomplete?.budget)).toEqual(['unfilled']);
    const bad = jixiao(['score', SEED, path('p1.xlsx'), '--project', 'P404']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--project：目标表中没有项目编码 “P404”');
    expect(bad.stderr).toContain(`可选：${P1}（2025年安全生产专项经费）`);
  });
});

describe('a project partly filled in', () => {
  it('scores every filled row as a full run does, and says what is missing and wrong, row by row', async () => {
    const file = await workbook('partial.xlsx', (doc) => {
      const p1 = structuredClone(doc.projects[0]);
      if (!p1) throw new Error('sample');
      // Row 2 left blank; row 3 given in the wrong unit.
      p1.indicators[1] = { name: p1.indicators[1]?.name ?? '' };
      p1.indicators[2] = { ...p1.indicators[2], name: p1.indicators[2]?.name ?? '', actual: '12万元' };
      return { ...doc, projects: [p1] };
    });
    const strict = jixiao(['score', SEED, file, '--project', P1]);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toMatch(/第2项指标|指标“.*”: 缺少实际完成值/);
    expect(strict.stderr).toContain('12万元');
    const r = jixiao(['score', SEED, file, '--project', P1, '--allow-incomplete', '--format', 'json']);
    expect(r.status).toBe(0);
    const [p] = json(r).projects;
    const f = full.projects[0] as Project;
    expect(p?.incomplete).toEqual({ unfilled: 1, invalid: 1, budget: null, project: 0 });
    expect(p?.grade).toBeNull();
    expect(p?.indicators.map((i) => i.status).slice(0, 3)).toEqual(['met', 'unfilled', 'invalid']);
    p?.indicators.forEach((i, k) => {
      if (k !== 1 && k !== 2) expect(i.score).toBe(f.indicators[k]?.score);
    });
    expect(p?.indicators[2]?.problems[0]?.message).toContain('12万元');
    expect(p?.budget.score).toBe(f.budget.score);
    const t = jixiao(['score', SEED, file, '--project', P1, '--allow-incomplete']);
    expect(t.stdout).toContain('未完成评分：1 个指标未填写，1 个指标填写有误');
  });
});
