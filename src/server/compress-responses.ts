import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

const JSON_TYPE = /^application\/(?:problem\+)?json\b/i;

/**
 * gzip (or deflate) for JSON answers of at least `threshold` bytes, when the client accepts it.
 *
 * Hono's `c.json()` sends no Content-Length, so `compress()` alone cannot tell a 200-byte answer from a
 * 300 KB one and would compress both; JSON bodies are already whole strings, so measuring them costs nothing.
 *
 * @example
 * app.use('/api/*', compressLargeResponses());
 */
export function compressLargeResponses({ threshold = 1024 }: { threshold?: number } = {}): MiddlewareHandler {
  const gzip = compress({ threshold });
  return (c, next) =>
    gzip(c, async () => {
      await next();
      const type = c.res.headers.get('Content-Type') ?? '';
      if (!c.res.body || c.res.headers.has('Content-Length') || !JSON_TYPE.test(type)) return;
      const bytes = await c.res.arrayBuffer();
      const measured = new Response(bytes, c.res);
      measured.headers.set('Content-Length', String(bytes.byteLength));
      c.res = measured;
    });
}
