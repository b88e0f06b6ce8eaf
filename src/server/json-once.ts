import { gzipSync } from 'node:zlib';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

interface Encoded {
  text: string;
  gzip: Buffer | null;
}

/** A JSON answer typed with what it carries, as `c.json` types its answers, so the web's types follow it. */
export type JsonAnswer<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;

/** Serialized forms of the objects answered so far; an object no cache holds any more takes its forms with it. */
const encodings = new WeakMap<object, Encoded>();

/** Below this, gzip saves too little to be worth keeping a second copy. */
const GZIP_MIN_BYTES = 1024;

/**
 * Answers `value` as JSON, serializing (and gzipping, for clients that accept it) each object only once: for
 * answers a cache hands out again and again — My list, a page of the catalog — where writing the same
 * hundreds of kilobytes of JSON and compressing them on every request would cost more than finding them.
 * The object must not change after its first answer.
 *
 * @example
 * return jsonOnce(c, cachedRecommendation);
 */
export function jsonOnce<T extends object>(c: Context, value: T): JsonAnswer<T> {
  let encoded = encodings.get(value);
  if (!encoded) {
    const text = JSON.stringify(value);
    encoded = { text, gzip: null };
    encodings.set(value, encoded);
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    vary: 'Accept-Encoding',
  };
  if (acceptsGzip(c.req.header('accept-encoding')) && encoded.text.length >= GZIP_MIN_BYTES) {
    encoded.gzip ??= gzipSync(encoded.text);
    return c.body(new Uint8Array(encoded.gzip), 200, {
      ...headers,
      'content-encoding': 'gzip',
    }) as unknown as JsonAnswer<T>;
  }
  return c.body(encoded.text, 200, headers) as unknown as JsonAnswer<T>;
}

/** `gzip` (or `*`) listed in Accept-Encoding with a weight above 0. */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
