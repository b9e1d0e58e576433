import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { SAMPLE } from '../helpers/cli.js';

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  json(): Record<string, unknown> & { error?: string };
}

/** A raw HTTP request (node:http, so Host and Origin can be anything a hostile page could send). */
export function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers, json: () => JSON.parse(body) });
        });
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/**
 * A workspace holding the sample's goals (and, optionally, its actuals), served on a free port; or, with `files`,
 * a workspace holding just those files (a goal document in any form).
 */
export async function sampleServer(
  opts: {
    actuals?: boolean;
    midYear?: boolean;
    uploadLimit?: number;
    files?: Record<string, string | Buffer>;
    year?: number;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-ws-'));
  if (opts.files) for (const [name, content] of Object.entries(opts.files)) writeFileSync(join(dir, name), content);
  else copyFileSync(join(SAMPLE, 'goals.json'), join(dir, 'goals.json'));
  if (opts.actuals) copyFileSync(join(SAMPLE, 'actuals-year-end.yaml'), join(dir, 'actuals.yaml'));
  if (opts.midYear) copyFileSync(join(SAMPLE, 'actuals-mid-year.yaml'), join(dir, 'actuals-mid-year.yaml'));
  const server: RunningServer = await startServer({ dir, port: 0, uploadLimit: opts.uploadLimit, year: opts.year });
  const origin = `http://127.0.0.1:${server.port}`;
  const headers = (extra: Record<string, string> = {}) => ({
    Host: `127.0.0.1:${server.port}`,
    Origin: origin,
    'X-Jixiao-Token': server.token,
    ...extra,
  });
  const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
    raw(server.port, {
      method: 'POST',
      path,
      headers: headers({ 'Content-Type': 'application/json', ...extra }),
      body: JSON.stringify(body),
    });
  const get = (path: string) => raw(server.port, { path, headers: headers() });
  return {
    dir,
    server,
    origin,
    headers,
    post,
    get,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
