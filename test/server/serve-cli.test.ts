import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, ROOT } from '../helpers/cli.js';
import { raw } from './helpers.js';

describe('jixiao serve (the real binary)', () => {
  it('prints 127.0.0.1 with a random token, answers only with it, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-serve-'));
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/bin.js'), 'serve', dir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c) => {
          out += c;
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
          if (m) resolve(m[0]);
        });
        child.on('exit', () => reject(new Error(`exited: ${out}`)));
      });
      const u = new URL(url);
      const port = Number(u.port);
      const token = u.searchParams.get('token') ?? '';
      expect(token).toHaveLength(32);
      const host = { Host: `127.0.0.1:${port}` };
      expect((await raw(port, { path: `/?token=${token}`, headers: host })).status).toBe(200);
      expect((await raw(port, { path: '/', headers: host })).status).toBe(401);
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad port in Chinese', () => {
    const r = jixiao(['serve', tmpdir(), '--port', '八千']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--port 应为 0–65535 的整数');
  });
});
