import { spawnSync } from 'node:child_process';
import { ROOT } from './cli.js';

/**
 * Start-up cost: run a child node process in which resolving any file of the named packages fails at once
 * ("LOADED:<package>"), to prove a command does not import modules it does not use (mathjs 0.5–0.9 s,
 * exceljs ~0.5 s, playwright …).
 */
export function runGuarded(args: string[], forbidden: string[]): { status: number | null; out: string } {
  const hook = `const forbidden = ${JSON.stringify(forbidden)};
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  for (const p of forbidden) if (result.url.includes('/node_modules/' + p + '/')) throw new Error('LOADED:' + p);
  return result;
}`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
  const guard = `data:text/javascript,${encodeURIComponent(register)}`;
  const r = spawnSync(process.execPath, ['--import', guard, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}
