import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from '../errors.js';
import { guard, SECURITY_HEADERS } from './guard.js';
import { type Route, routes } from './routes.js';
import { Workspace } from './workspace.js';

export interface ServeOptions {
  /** The workspace folder. */
  dir: string;
  /** 0: any free port. */
  port?: number;
  rules?: string;
  /** The year for a goal document that states none (serve --year). */
  year?: number;
  /** Largest upload accepted, in bytes (default 20 MB). */
  uploadLimit?: number;
  /** Fixed token (tests); by default 24 random bytes. */
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/** A request failed in a way the user can act on: status and Chinese text (and problems), never a stack. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;

/** Start the workbench on 127.0.0.1 only; the printed URL carries the token every request must present. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const ws = new Workspace(opts.dir, opts.rules, opts.year);
  const table = routes(ws, { uploadLimit: opts.uploadLimit ?? DEFAULT_UPLOAD_LIMIT, token: () => token });
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res, port, token, table).catch(() => send(res, 500, { error: '内部错误' }));
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new UserError(`端口 ${opts.port} 已被占用，请用 --port 换一个`)
          : new UserError(`无法启动工作台：${err.code ?? err.message}`),
      ),
    );
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, port: number, token: string, table: Route[]) {
  const refused = guard(req, port, token);
  if (refused) {
    req.resume();
    return send(res, refused.status, { error: refused.message });
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = table.find(
    (r) => r.method === req.method && (r.path === url.pathname || (r.prefix && url.pathname.startsWith(r.path))),
  );
  if (!route) {
    req.resume();
    return send(res, 404, { error: '没有这个页面' });
  }
  try {
    await route.run(req, res, url);
  } catch (err) {
    if (res.headersSent) return res.destroy();
    if (err instanceof HttpError) return send(res, err.status, { error: err.message });
    if (err instanceof UserError) return send(res, 400, { error: err.message, problems: err.problems });
    // Anything else is our bug: the page says so in Chinese; the details stay in the server's terminal.
    process.stderr.write(`内部错误：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return send(res, 500, { error: '内部错误（请报告此问题；详情见启动工作台的终端窗口）' });
  }
}

/** A JSON response (or text/html, bytes) with the security headers. */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  const data = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body, null, 0);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(data);
}

/** The request body, refused past `limit` bytes (413) without reading the rest into memory. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.reject(new HttpError(413, `文件太大：最大 ${Math.round(limit / 1024 / 1024)} MB`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new HttpError(413, `文件太大：最大 ${Math.round(limit / 1024 / 1024)} MB`));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A JSON body (at most 2 MB: one project's cells are a few KB). */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req, 2 * 1024 * 1024);
  try {
    const v: unknown = JSON.parse(body.toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {}
  throw new HttpError(400, '请求内容不是有效的 JSON');
}
