import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoalDocument } from '../../src/model/goals.js';
import { SHARED } from '../helpers/cli.js';
import { seedBlocks } from '../io/xlsx/seed-blocks.js';
import { docxOf, xlsxOf } from '../io/xlsx/seed-files.js';
import { raw, sampleServer } from './helpers.js';

/**
 * The workbench reads goals through the one goals loader the commands use: a goal document lying in the folder,
 * or uploaded, as .txt, .docx, .xlsx or .json, imports the same; a document that states no year takes serve --year.
 */

const XIANGTAN = join(SHARED, 'goal-docs/hunan-xiangtan-sanitation-2023-goals.txt');
const text = readFileSync(XIANGTAN, 'utf8');
/** The same table in each form a user may have it, built when a test needs it. */
type Content = string | Buffer;
const FORMS: [string, () => Promise<Content>][] = [
  ['目标.txt', async () => text],
  ['目标.docx', () => docxOf(seedBlocks(text))],
  ['目标.xlsx', () => xlsxOf(seedBlocks(text))],
];

interface WorkspaceView {
  goals: { year: number; indicatorCount: number; projects: { name: string; budget: string; indicators: number }[] };
}

const expected = { year: 2023, indicatorCount: 7, projects: [{ budget: '250.00', indicators: 7 }] };

describe('the workbench reads a goal document in any form', () => {
  it.each(FORMS)('%s lying in the folder', async (name, make) => {
    const s = await sampleServer({ files: { [name]: await make() } });
    try {
      const r = await s.get('/api/workspace');
      expect(r.status, r.body).toBe(200);
      expect((r.json() as unknown as WorkspaceView).goals).toMatchObject(expected);
    } finally {
      await s.close();
    }
  });

  const UPLOADS: [string, () => Promise<Content>][] = [...FORMS, ['goals.json', async () => '']];

  it.each(UPLOADS)('%s uploaded', async (name: string, make: () => Promise<Content>) => {
    const s = await sampleServer({ files: {} });
    try {
      let bytes: Content = await make();
      if (name === 'goals.json') {
        const first = await raw(s.server.port, {
          method: 'POST',
          path: `/api/upload?name=${encodeURIComponent('目标.txt')}`,
          headers: s.headers({ 'Content-Type': 'application/octet-stream' }),
          body: text,
        });
        expect(first.status).toBe(200);
        bytes = readFileSync(join(s.dir, 'goals.json'));
      }
      const r = await raw(s.server.port, {
        method: 'POST',
        path: `/api/upload?name=${encodeURIComponent(name)}`,
        headers: s.headers({ 'Content-Type': 'application/octet-stream' }),
        body: bytes,
      });
      expect(r.status, r.body).toBe(200);
      expect((r.json() as unknown as WorkspaceView).goals).toMatchObject(expected);
      const doc = JSON.parse(readFileSync(join(s.dir, 'goals.json'), 'utf8')) as GoalDocument;
      expect(doc.projects.map((p) => [p.name, p.budget.total, p.indicators.length])).toEqual([
        ['雾炮车降尘抑尘服务', 250, 7],
      ]);
    } finally {
      await s.close();
    }
  });

  it('takes serve --year for a document that states none, and refuses one that states another', async () => {
    const noYear = readFileSync(join(import.meta.dirname, '../fixtures/documents/no-year.txt'));
    const given = await sampleServer({ files: { '目标.txt': noYear }, year: 2026 });
    const missing = await sampleServer({ files: { '目标.txt': noYear } });
    const other = await sampleServer({ files: { '目标.txt': text }, year: 2024 });
    try {
      expect(((await given.get('/api/workspace')).json() as unknown as WorkspaceView).goals.year).toBe(2026);
      expect((await missing.get('/api/workspace')).body).toContain('请用 --year 指定年度');
      expect((await other.get('/api/workspace')).body).toContain('文档写明的年度是 2023 年，与 --year 2024 不一致');
      expect(existsSync(join(other.dir, 'goals.json'))).toBe(false);
    } finally {
      await Promise.all([given.close(), missing.close(), other.close()]);
    }
  });
});
