import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { goalsOptions } from '../goals-year.js';

export interface ServeCommandOptions {
  port: string;
  open?: boolean;
  rules: string;
  /** The year for a goal document that states none. */
  year?: string;
}

/**
 * `jixiao serve [DIR]`: the evaluator's workbench on 127.0.0.1. Prints the address with its token and runs until
 * Ctrl+C; a browser opens only with --open.
 */
export async function runServe(dir: string | undefined, opts: ServeCommandOptions): Promise<void> {
  const { year } = goalsOptions(opts.year);
  const root = resolve(dir ?? '.');
  if (existsSync(root) && !statSync(root).isDirectory()) throw new UserError(`${dir} 不是文件夹`);
  mkdirSync(root, { recursive: true });
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port 应为 0–65535 的整数，收到“${opts.port}”`);
  const { startServer } = await import('../../server/server.js');
  const running = await startServer({ dir: root, port, rules: opts.rules, ...(year === undefined ? {} : { year }) });
  process.stdout.write(
    `jixiao 工作台已启动：${running.url}\n工作文件夹：${root}\n（只在本机可访问；地址中的令牌是访问凭证，请勿外传。按 Ctrl+C 停止。）\n`,
  );
  if (opts.open) openBrowser(running.url);
  await new Promise<void>((done) => {
    const stop = () => {
      void running.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write('无法自动打开浏览器，请手动打开上面的地址\n'));
  child.unref();
}
