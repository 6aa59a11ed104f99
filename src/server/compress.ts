/**
 * Response compression for `siilab serve` with node:zlib (no dependency): text, JSON, JavaScript,
 * CSS, SVG and HTML responses of 1 kB or more are sent with brotli when the browser accepts it,
 * else gzip (`Accept-Encoding`, with q-values), with `Vary: Accept-Encoding`. Already compressed
 * types (PNG, Word, zip) are sent as they are, and so are partial (206) and empty responses. The
 * streamed run progress (NDJSON, written to the raw socket) is not buffered: it never passes here.
 *
 * @example
 * installCompression(app) // GET /assets/index.js with Accept-Encoding: br → Content-Encoding: br
 */
import type { FastifyInstance } from 'fastify';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|x-javascript|x-ndjson|xml|[\w.+-]*\+(?:json|xml))|image\/svg\+xml)/i;
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

/** `br`, `gzip` or null from an Accept-Encoding header (the preferred one the header allows). */
export function chooseEncoding(header: string | string[] | undefined): 'br' | 'gzip' | null {
  const text = Array.isArray(header) ? header.join(',') : header ?? '';
  const q: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q[name] = qp ? Number(qp.slice(2)) || 0 : 1;
  }
  const ok = (e: string) => (q[e] ?? q['*'] ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

export function installCompression(app: FastifyInstance, opts: { threshold?: number } = {}): void {
  const threshold = opts.threshold ?? 1024;
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'HEAD' || reply.statusCode < 200 || reply.statusCode === 204 || reply.statusCode === 206 || reply.statusCode === 304) return payload;
    if (reply.getHeader('content-encoding')) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const enc = chooseEncoding(req.headers['accept-encoding']);
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    if (!enc) return payload;
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      const buf = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
      if (buf.length < threshold) return payload;
      const out = enc === 'br' ? brotliCompressSync(buf, BROTLI) : gzipSync(buf);
      reply.header('content-encoding', enc);
      reply.header('content-length', out.length);
      return out;
    }
    if (payload && typeof (payload as NodeJS.ReadableStream).pipe === 'function') {
      const size = Number(reply.getHeader('content-length'));
      if (Number.isFinite(size) && size < threshold) return payload;
      reply.removeHeader('content-length');
      reply.header('content-encoding', enc);
      return (payload as NodeJS.ReadableStream).pipe(enc === 'br' ? createBrotliCompress(BROTLI) : createGzip());
    }
    return payload;
  });
}
