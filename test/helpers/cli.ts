import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(ROOT, '../shared');
export const SEED = join(SHARED, 'seed/lunan-emergency-2025-goals.txt');
export const SAMPLE = join(ROOT, 'samples/lunan-2025');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built binary, as a user would. */
export function jixiao(
  args: string[],
  opts: { cwd?: string; input?: string; env?: Record<string, string> } = {},
): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/bin.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temp folder removed after `fn`. */
export function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The seed document's eight 项目编码, in document order. */
export const SEED_CODES = [
  '13020225P00001210004M',
  '13020225P00001610003Q',
  '13020225P00895810002P',
  '13020225P00001810002G',
  '13020225P00001410005L',
  '13020225P00002010003X',
  '13020225P00002410003L',
  '13020225P000022100039',
];
