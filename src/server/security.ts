/**
 * Request security for `siilab serve`: a content-security policy and no-sniff/referrer headers on
 * every response; on a non-loopback address an access token on every request (pages included):
 * `?token=` once, then an HttpOnly SameSite=Strict cookie; anything else gets 401.
 */
import { timingSafeEqual, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || host.startsWith('127.');

export const newToken = (): string => randomBytes(24).toString('base64url');

const COOKIE = 'siilab_token';

function cookieToken(req: FastifyRequest): string | null {
  const raw = req.headers.cookie ?? '';
  for (const part of raw.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function installSecurity(app: FastifyInstance, token: string | null): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (!token) return;
    const q = (req.query as Record<string, unknown> | undefined)?.token;
    if (typeof q === 'string' && same(q, token)) {
      reply.header('Set-Cookie', `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
      return;
    }
    const c = cookieToken(req);
    if (c && same(c, token)) return;
    reply.code(401).type('application/json').send({ error: 'This siilab server needs its access token: open the link with ?token=… that it printed at start.' });
    return reply;
  });
}
