import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { jsonOnce } from './json-once.js';

describe('jsonOnce', () => {
  const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Program ${i}` })) };
  const small = { ok: true };
  const app = new Hono().get('/big', (c) => jsonOnce(c, big)).get('/small', (c) => jsonOnce(c, small));

  it('gzips a large answer for a client that accepts gzip, and sends it plain otherwise', async () => {
    const zipped = await app.request('/big', { headers: { 'accept-encoding': 'br, gzip;q=0.8' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'))).toEqual(big);

    for (const encoding of ['', 'gzip;q=0', 'br']) {
      const plain = await app.request('/big', { headers: { 'accept-encoding': encoding } });
      expect(plain.headers.get('content-encoding'), encoding).toBeNull();
      expect(await plain.json()).toEqual(big);
    }
  });

  it('sends a small answer plain whatever the client accepts', async () => {
    const response = await app.request('/small', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(small);
  });
});
