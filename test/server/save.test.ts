import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActuals } from '../../src/io/actuals.js';
import { sampleServer } from './helpers.js';

const CODE = '13020225P00001210004M';
type Ctx = Awaited<ReturnType<typeof sampleServer>>;

describe('saving from the workbench edits the actuals file the CLI reads', () => {
  let s: Ctx;
  beforeAll(async () => {
    s = await sampleServer({ actuals: true });
  });
  afterAll(() => s.close());

  it('changes only the cells sent; comments, order and other entries stay as written', async () => {
    const file = join(s.dir, 'actuals.yaml');
    const before = readFileSync(file, 'utf8');
    const { version } = (await s.get(`/api/project?code=${CODE}`)).json() as { version: string };
    const r = await s.post('/api/save', {
      code: CODE,
      base: version,
      changes: [
        { field: 'indicators.4.actual', old: '365天', new: '360天' },
        { field: 'indicators.4.reason', old: null, new: '<script>alert(1)</script> 检修停工: 5天 # 注' },
      ],
    });
    expect(r.status).toBe(200);
    const after = readFileSync(file, 'utf8');
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed).toEqual([
      '      - { name: 安全生产天数, actual: 360天, reason: "<script>alert(1)</script> 检修停工: 5天 # 注" }',
    ]);
    const doc = loadActuals(file);
    expect(doc.projects[0]?.indicators[4]?.reason).toBe('<script>alert(1)</script> 检修停工: 5天 # 注');
  });

  it('refuses a change whose cell another writer changed, and keeps both writers’ other cells', async () => {
    const { version } = (await s.get(`/api/project?code=${CODE}`)).json() as { version: string };
    // Tab A changes one cell …
    const a = await s.post('/api/save', {
      code: CODE,
      base: version,
      changes: [{ field: 'indicators.0.evidence', old: '2025年度执法检查台账', new: '台账A' }],
    });
    expect(a.status).toBe(200);
    // … tab B, still on the old version, changes another: merged, and told so.
    const b = await s.post('/api/save', {
      code: CODE,
      base: version,
      changes: [{ field: 'indicators.1.evidence', old: null, new: '台账B' }],
    });
    expect(b.status).toBe(200);
    expect(b.json().merged).toBe(true);
    // … and tab B's view of the first cell is stale: a conflict, nothing written.
    const text = readFileSync(join(s.dir, 'actuals.yaml'), 'utf8');
    const c = await s.post('/api/save', {
      code: CODE,
      base: version,
      changes: [{ field: 'indicators.0.evidence', old: '2025年度执法检查台账', new: '台账C' }],
    });
    expect(c.status).toBe(409);
    expect(c.json().conflicts).toEqual([{ field: 'indicators.0.evidence', current: '台账A' }]);
    expect(readFileSync(join(s.dir, 'actuals.yaml'), 'utf8')).toBe(text);
    const ind = loadActuals(join(s.dir, 'actuals.yaml')).projects[0]?.indicators;
    expect([ind?.[0]?.evidence, ind?.[1]?.evidence]).toEqual(['台账A', '台账B']);
  });

  it('refuses a value the CLI could not read, and writes nothing', async () => {
    const text = readFileSync(join(s.dir, 'actuals.yaml'), 'utf8');
    const r = await s.post('/api/save', {
      code: CODE,
      base: 'x',
      changes: [{ field: 'budget.executed', old: '48.6', new: '四十八' }],
    });
    expect(r.status).toBe(400);
    expect(r.json().error).toContain('不是数字');
    expect(readFileSync(join(s.dir, 'actuals.yaml'), 'utf8')).toBe(text);
  });
});
