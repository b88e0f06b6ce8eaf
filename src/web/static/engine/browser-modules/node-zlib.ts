import pako from 'pako';

/**
 * `node:zlib` in the browser. gzip is for answers crossing a network (json-once.ts); requests to the in-page
 * engine carry no Accept-Encoding, so it is never asked for. inflateRawSync is what the .xlsx ZIP check
 * (app/import/zip-entries.ts) uses to prove each part unpacks to the size it declares: pako inflates it here,
 * stopping as soon as the output passes `maxOutputLength`, as Node's does, so a zip bomb never fills memory.
 */
export function gzipSync(): never {
  throw new Error('node:zlib gzipSync is not available in the browser edition');
}

export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Uint8Array {
  const limit = options.maxOutputLength ?? Number.POSITIVE_INFINITY;
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflator = new pako.Inflate({ raw: true });
  inflator.onData = (chunk) => {
    length += chunk.byteLength;
    if (length > limit) throw new RangeError(`Cannot inflate to more than ${limit} bytes`);
    chunks.push(chunk);
  };
  inflator.push(data, true);
  if (inflator.err) throw new Error(`Could not inflate: ${inflator.msg}`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
