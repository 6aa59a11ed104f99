/**
 * Request security for `siilab serve`:
 * - a content-security policy and no-sniff/referrer headers on every response;
 * - the `Host` header must name this server (a loopback name or address — localhost, 127.x.x.x,
 *   [::1] — or, when bound to another address, that host name or address) and, on a real socket,
 *   the port the request arrived on; anything else gets 421, so a page on another site cannot reach
 *   the server by DNS rebinding (evil.example resolving to 127.0.0.1);
 * - state-changing requests (POST, PUT, PATCH, DELETE) whose `Origin` is another site's, or that
 *   carry no Origin but `Sec-Fetch-Site: cross-site`, get 403 (a loopback origin on another port,
 *   such as the Vite dev server, is this machine's and is accepted);
 * - on a non-loopback address an access token on every request (pages included): `?token=` once,
 *   then an HttpOnly SameSite=Strict cookie; anything else gets 401.
 */
import { timingSafeEqual, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serverMessages } from '../messages/server.js';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const IPV4_LOOPBACK = /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** localhost, 127.x.x.x or ::1 (brackets and a trailing dot tolerated, case-insensitive). */
export const isLoopback = (host: string): boolean => {
  const h = bare(host);
  return h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1' || IPV4_LOOPBACK.test(h);
};

export const newToken = (): string => randomBytes(24).toString('base64url');

const COOKIE = 'siilab_token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A host name without brackets or a trailing dot, lower-case. */
function bare(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/** Splits a Host header value (`name[:port]`, `[v6][:port]`) into name and port (null when absent); null when malformed. */
export function splitHost(value: string): { name: string; port: number | null } | null {
  const v = value.trim();
  let name: string, rest: string;
  if (v.startsWith('[')) {
    const end = v.indexOf(']');
    if (end < 0) return null;
    name = v.slice(1, end);
    rest = v.slice(end + 1);
  } else {
    const i = v.lastIndexOf(':');
    if (i >= 0 && v.indexOf(':') !== i) return null; // an unbracketed IPv6 address is not a valid Host
    name = i >= 0 ? v.slice(0, i) : v;
    rest = i >= 0 ? v.slice(i) : '';
  }
  if (!name) return null;
  if (rest === '') return { name: bare(name), port: null };
  if (!/^:\d{1,5}$/.test(rest)) return null;
  return { name: bare(name), port: Number(rest.slice(1)) };
}

export interface SecurityOptions {
  /** Required access token (non-loopback addresses), or null. */
  readonly token: string | null;
  /**
   * Host names or addresses besides the loopback ones that requests may be addressed to (the
   * bound host when it is not loopback; for 0.0.0.0/:: the machine's names and addresses).
   */
  readonly allowedHosts?: readonly string[];
}

function cookieToken(req: FastifyRequest): string | null {
  const raw = req.headers.cookie ?? '';
  for (const part of raw.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether a host name (no port) is this server's: loopback, or one of the extra allowed hosts. */
function ownName(name: string, extra: ReadonlySet<string>): boolean {
  return isLoopback(name) || extra.has(name);
}

/** The refusal for a request whose Host is not this server's, or null when it is. */
export function hostProblem(host: string | undefined, localPort: number | undefined, extra: ReadonlySet<string>): string | null {
  const parts = host ? splitHost(host) : null;
  if (!parts || !ownName(parts.name, extra)) return host ?? '';
  // On a real socket the port must be the one the request arrived on (no port in Host means 80).
  if (typeof localPort === 'number' && localPort > 0 && (parts.port ?? 80) !== localPort) return host ?? '';
  return null;
}

/**
 * The refusal for a state-changing request from another site, or null when it may proceed. A page of
 * an extra allowed host (--host on a LAN name) is served from that host, so its Origin equals its
 * Host and passes as the page's own origin; the allowed hosts need no rule here.
 */
export function originProblem(method: string, origin: string | undefined, fetchSite: string | undefined, host: string | undefined): string | null {
  if (!STATE_CHANGING.has(method.toUpperCase())) return null;
  if (origin === undefined) return fetchSite?.toLowerCase() === 'cross-site' ? serverMessages.crossSite() : null;
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return serverMessages.foreignOrigin(origin);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return serverMessages.foreignOrigin(origin);
  const name = bare(u.hostname);
  // The page's own origin (scheme://Host), or a loopback page on this machine (e.g. the Vite dev server).
  if (host && u.host.toLowerCase() === host.trim().toLowerCase()) return null;
  if (isLoopback(name)) return null;
  return serverMessages.foreignOrigin(origin);
}

function allowedList(extra: ReadonlySet<string>): string[] {
  return ['localhost', '127.0.0.1', '[::1]', ...[...extra].map((h) => (h.includes(':') ? `[${h}]` : h))];
}

export function installSecurity(app: FastifyInstance, opts: SecurityOptions | string | null): void {
  const o: SecurityOptions = typeof opts === 'object' && opts !== null ? opts : { token: opts };
  const token = o.token;
  const extra = new Set((o.allowedHosts ?? []).map(bare).filter((h) => h));
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    const badHost = hostProblem(req.headers.host, req.socket?.localPort, extra);
    if (badHost !== null) {
      return refuse(req, reply, 421, serverMessages.foreignHost(badHost, allowedList(extra)));
    }
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const badOrigin = originProblem(req.method, typeof origin === 'string' ? origin : undefined, typeof site === 'string' ? site : undefined, req.headers.host);
    if (badOrigin !== null) {
      reply.code(403).type('application/json').send({ error: badOrigin });
      return reply;
    }
    if (!token) return;
    const q = (req.query as Record<string, unknown> | undefined)?.token;
    if (typeof q === 'string' && same(q, token)) {
      reply.header('Set-Cookie', `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
      return;
    }
    const c = cookieToken(req);
    if (c && same(c, token)) return;
    return refuse(req, reply, 401, typeof q === 'string' ? serverMessages.wrongToken() : serverMessages.needToken());
  });
}

/** Whether the request is a browser asking for a page (Accept names text/html), not an API client. */
export const wantsHtml = (accept: string | string[] | undefined): boolean => /\btext\/html\b/i.test(Array.isArray(accept) ? accept.join(',') : accept ?? '');

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** A refusal as a readable page (no script; the styles are inline, as the policy allows). */
export function refusalPage(status: number, message: string): string {
  const title = escapeHtml(serverMessages.refusedTitle(status));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;background:#f5f7fa;color:#1b2430;margin:0}
header{background:#12304f;color:#fff;padding:.7rem 1.25rem;font-weight:700}main{max-width:40rem;margin:2.5rem auto;padding:1.25rem 1.5rem;background:#fff;border:1px solid #d5dde6;border-radius:8px}
h1{font-size:1.3rem;margin:0 0 .8rem}p{line-height:1.5;font-size:1.05rem}.muted{color:#5a6878;font-size:.9rem}</style></head>
<body><header>siilab</header><main role="main"><h1>${title}</h1><p data-testid="refusal">${escapeHtml(message)}</p>
<p class="muted">HTTP ${status}. Patient data on this server stay on this machine.</p></main></body></html>
`;
}

/** The refusal: a page for a browser, `{ error }` JSON for an API client. */
function refuse(req: FastifyRequest, reply: FastifyReply, status: number, message: string): FastifyReply {
  if (wantsHtml(req.headers.accept)) reply.code(status).type('text/html; charset=utf-8').send(refusalPage(status, message));
  else reply.code(status).type('application/json').send({ error: message });
  return reply;
}

/** 0.0.0.0 and :: (every address): not a name a request can be addressed to. */
export const isWildcard = (host: string): boolean => ['0.0.0.0', '::', '0:0:0:0:0:0:0:0'].includes(bare(host));
