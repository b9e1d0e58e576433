import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, sampleServer } from './helpers.js';

type Ctx = Awaited<ReturnType<typeof sampleServer>>;

describe('jixiao serve refuses what a hostile page or a stray request could send', () => {
  let s: Ctx;
  beforeAll(async () => {
    s = await sampleServer({ actuals: true, uploadLimit: 64 * 1024 });
  });
  afterAll(() => s.close());

  it('listens on 127.0.0.1 only', () => {
    const addr = s.server.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
    expect(s.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('requires the token on every request: pages, assets, API, files', async () => {
    for (const path of ['/', '/assets/app.js', '/api/workspace', '/api/projects', '/files/goals.json']) {
      const none = await raw(s.server.port, { path, headers: { Host: `127.0.0.1:${s.server.port}` } });
      expect(none.status, path).toBe(401);
      expect(none.json().error).toContain('访问令牌');
      const wrong = await raw(s.server.port, {
        path: `${path}?token=${'x'.repeat(32)}`,
        headers: { Host: `127.0.0.1:${s.server.port}` },
      });
      expect(wrong.status, path).toBe(401);
    }
    expect((await s.get('/api/workspace')).status).toBe(200);
    const page = await raw(s.server.port, {
      path: `/?token=${s.server.token}`,
      headers: { Host: `localhost:${s.server.port}` },
    });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    for (const host of [
      'evil.example:80',
      `evil.example:${s.server.port}`,
      `127.0.0.1:${s.server.port + 1}`,
      '0x7f000001',
    ]) {
      const r = await raw(s.server.port, { path: '/api/workspace', headers: { ...s.headers(), Host: host } });
      expect(r.status, host).toBe(421);
    }
  });

  it('refuses a foreign Origin, and a POST with no Origin', async () => {
    const body = { code: '13020225P00001210004M', fields: {} };
    const foreign = await s.post('/api/score', body, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const otherPort = await s.post('/api/score', body, { Origin: `http://127.0.0.1:${s.server.port + 1}` });
    expect(otherPort.status).toBe(403);
    const crossSite = await s.post('/api/score', body, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const headers = s.headers();
    delete (headers as Record<string, string>).Origin;
    const noOrigin = await raw(s.server.port, {
      method: 'POST',
      path: '/api/score',
      headers,
      body: JSON.stringify(body),
    });
    expect(noOrigin.status).toBe(403);
    expect((await s.post('/api/score', body)).status).toBe(200);
  });

  it('refuses an oversized upload (declared or streamed) and writes nothing', async () => {
    const big = Buffer.alloc(65 * 1024, 'a');
    const before = readdirSync(s.dir).sort();
    const declared = await raw(s.server.port, {
      method: 'POST',
      path: '/api/upload?name=big.txt',
      headers: s.headers({ 'Content-Type': 'application/octet-stream' }),
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(declared.json().error).toContain('文件太大');
    const chunked = await raw(s.server.port, {
      method: 'POST',
      path: '/api/upload?name=big.txt',
      headers: s.headers({ 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' }),
      body: big,
    });
    expect(chunked.status).toBe(413);
    expect(readdirSync(s.dir).sort()).toEqual(before);
  });

  it('stores an upload under its base name inside the workspace, or refuses the name', async () => {
    const up = (name: string) =>
      raw(s.server.port, {
        method: 'POST',
        path: `/api/upload?name=${encodeURIComponent(name)}`,
        headers: s.headers({ 'Content-Type': 'application/octet-stream' }),
        body: 'x',
      });
    for (const name of ['evil.exe', '.hidden.txt', 'con.txt', 'a<b>.txt', ''])
      expect((await up(name)).status, name).toBe(400);
    const outside = join(tmpdir(), 'escape-h17.txt');
    const r = await up('../../escape-h17.txt');
    // The name is cut to its base: the file (not a goal document) is refused by the importer, inside the folder.
    expect(r.status).toBe(400);
    expect(existsSync(outside)).toBe(false);
  });

  it('refuses paths outside the workspace, however written', async () => {
    mkdirSync(join(s.dir, 'out'), { recursive: true });
    writeFileSync(join(tmpdir(), 'h17-secret.txt'), 'TOP-SECRET-CONTENT');
    symlinkSync(join(tmpdir(), 'h17-secret.txt'), join(s.dir, 'out', 'link.txt'));
    symlinkSync(tmpdir(), join(s.dir, 'tmp-link'));
    for (const path of [
      '/files/%2e%2e/%2e%2e/etc/passwd',
      '/files/..%2f..%2fetc%2fpasswd',
      '/files/%2Fetc%2Fpasswd',
      '/files/out/link.txt',
      '/files/tmp-link/h17-secret.txt',
      '/files/C:%5CWindows%5Cwin.ini',
      '/files/a%00b',
    ]) {
      const r = await s.get(`${path}`);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body, path).not.toContain('TOP-SECRET-CONTENT');
      expect(r.body).not.toContain('root:');
    }
    expect((await s.get('/files/goals.json')).status).toBe(200);
  });

  it('never shows a stack trace: bad JSON, unknown fields, unknown project', async () => {
    const bad = await raw(s.server.port, {
      method: 'POST',
      path: '/api/score',
      headers: s.headers({ 'Content-Type': 'application/json' }),
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(bad.json().error).toBe('请求内容不是有效的 JSON');
    const field = await s.post('/api/save', {
      code: '13020225P00001210004M',
      base: 'x',
      changes: [{ field: '__proto__.x', old: null, new: '1' }],
    });
    expect(field.status).toBe(400);
    const unknown = await s.get('/api/project?code=NOPE');
    expect(unknown.status).toBe(404);
    for (const r of [bad, field, unknown]) expect(r.body).not.toMatch(/\n\s+at |\.ts:\d+|node:internal/);
  });
});
