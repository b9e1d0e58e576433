/**
 * Workbench latency: an edit on the page → the new score from the server (POST /api/score, the core re-scoring
 * that project), and the save of one cell into the actuals file (POST /api/save). Measured through the real
 * server (dist/server), on the seed and on a 200-project department; the server's own time is in `serverMs`.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startServer } from '../dist/server/server.js';
import { syntheticData } from './synthetic.js';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'samples/lunan-2025');
const EDITS = 200;

function post(
  port: number,
  token: string,
  path: string,
  body: unknown,
): Promise<{ ms: number; data: { serverMs?: number; version?: string } }> {
  const text = JSON.stringify(body);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: {
          Host: `127.0.0.1:${port}`,
          Origin: `http://127.0.0.1:${port}`,
          'X-Jixiao-Token': token,
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`${path} ${res.statusCode}: ${Buffer.concat(chunks)}`));
          resolve({ ms: performance.now() - t0, data: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number) * 10) / 10;
};

export interface WorkbenchRow {
  name: string;
  p50: number;
  p95: number;
  /** Round trip through HTTP, for comparison with the server's own time. */
  roundTripP95: number;
  goalMs: number | null;
}

async function measure(
  label: string,
  dir: string,
  code: string,
  rows: number,
  executed: number,
): Promise<WorkbenchRow[]> {
  const server = await startServer({ dir, port: 0 });
  try {
    const fields: Record<string, string> = { 'budget.executed': '45' };
    const server_: number[] = [];
    const trip: number[] = [];
    // Each edit changes one cell, as typing does; the first rounds warm the code up and are not counted.
    for (let i = 0; i < EDITS + 20; i++) {
      fields[`indicators.${i % rows}.actual`] = `${90 + (i % 10)}`;
      const r = await post(server.port, server.token, '/api/score', { code, fields });
      if (i >= 20) {
        server_.push(r.data.serverMs ?? 0);
        trip.push(r.ms);
      }
    }
    let version = 'none';
    const saves: number[] = [];
    const saveTrip: number[] = [];
    let old: string | null = String(executed);
    for (let i = 0; i < 40; i++) {
      const value = `${50 - (i % 5)}`;
      const t0 = performance.now();
      const r = await post(server.port, server.token, '/api/save', {
        code,
        base: version,
        changes: [{ field: 'budget.executed', old, new: value }],
      });
      saves.push(performance.now() - t0);
      saveTrip.push(r.ms);
      version = r.data.version ?? version;
      old = value;
    }
    return [
      {
        name: `workbench edit → new score, ${label}`,
        p50: pct(server_, 50),
        p95: pct(server_, 95),
        roundTripP95: pct(trip, 95),
        goalMs: 50,
      },
      {
        name: `workbench save of one cell, ${label}`,
        p50: pct(saves, 50),
        p95: pct(saves, 95),
        roundTripP95: pct(saveTrip, 95),
        goalMs: null,
      },
    ];
  } finally {
    await server.close();
  }
}

export async function benchWorkbench(): Promise<WorkbenchRow[]> {
  const seed = mkdtempSync(join(tmpdir(), 'jixiao-bench-wb-'));
  const big = mkdtempSync(join(tmpdir(), 'jixiao-bench-wb200-'));
  try {
    copyFileSync(join(SAMPLE, 'goals.json'), join(seed, 'goals.json'));
    copyFileSync(join(SAMPLE, 'actuals-year-end.yaml'), join(seed, 'actuals.yaml'));
    const { goals, actuals } = syntheticData(200);
    writeFileSync(join(big, 'goals.json'), JSON.stringify(goals));
    writeFileSync(join(big, 'actuals.yaml'), stringify(actuals));
    return [
      ...(await measure('seed (7 indicators)', seed, '13020225P00001210004M', 7, 48.6)),
      ...(await measure(
        '200-project department (10 indicators each)',
        big,
        goals.projects[137]?.code ?? '',
        10,
        actuals.projects[137]?.budget.executed ?? 0,
      )),
    ];
  } finally {
    rmSync(seed, { recursive: true, force: true });
    rmSync(big, { recursive: true, force: true });
  }
}
