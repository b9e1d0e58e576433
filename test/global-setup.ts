import { spawnSync } from 'node:child_process';

/**
 * CLI tests run the real binary (dist/cli/bin.js): build it once per test run. Type errors do not stop the
 * emit (typecheck is its own CI step), so a type error fails `npm run typecheck`, not every CLI test.
 */
export default function setup(): void {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) process.stderr.write(`[global-setup] tsc reported errors (build continued):\n${r.stdout}\n`);
}
