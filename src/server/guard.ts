import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Why a request is refused before any route sees it (Chinese, shown to the user; never a stack trace). */
export interface Refusal {
  status: number;
  message: string;
}

/**
 * The workbench listens on 127.0.0.1 only, but any web page the user opens can still send requests there.
 * Three checks keep those pages out:
 * - Host must name this server (127.0.0.1:PORT or localhost:PORT): a DNS-rebinding page arrives with its own
 *   host name and is refused, so it can never read a response.
 * - Origin, when the browser sends one, must be this server; a request that changes anything (POST) must carry
 *   it, so a cross-site form or fetch is refused even though the token is unknown to it anyway.
 * - The random token printed with the address must come with every request (query `token` or header
 *   `X-Jixiao-Token`), compared in constant time.
 */
export function guard(req: IncomingMessage, port: number, token: string): Refusal | null {
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host ?? '';
  if (!allowed.includes(host.toLowerCase())) return { status: 421, message: '拒绝访问：请求的主机名不是本机工作台' };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowed.map((h) => `http://${h}`).includes(origin.toLowerCase()))
    return { status: 403, message: '拒绝访问：请求来自其他网站' };
  if (req.method !== 'GET' && req.method !== 'HEAD' && origin === undefined)
    return { status: 403, message: '拒绝访问：修改数据的请求须来自工作台页面' };
  if (req.headers['sec-fetch-site'] === 'cross-site') return { status: 403, message: '拒绝访问：请求来自其他网站' };
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const given = req.headers['x-jixiao-token'] ?? url.searchParams.get('token') ?? '';
  if (!sameToken(String(given), token))
    return { status: 401, message: '拒绝访问：缺少或错误的访问令牌，请使用启动时显示的完整地址' };
  return null;
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Headers on every response: nothing from the network, no framing, no token leaking through Referer. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
