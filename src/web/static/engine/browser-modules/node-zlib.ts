/**
 * `node:zlib` in the browser. gzip is for answers crossing a network (json-once.ts); requests to the in-page
 * engine carry no Accept-Encoding, so it is never asked for. Checking an .xlsx archive (zip-entries.ts) runs
 * only in the reader, which the browser edition replaces (read-import-file.ts).
 */
function unavailable(name: string): never {
  throw new Error(`node:zlib ${name} is not available in the browser edition`);
}

export function gzipSync(): never {
  return unavailable('gzipSync');
}

export function inflateRawSync(): never {
  return unavailable('inflateRawSync');
}
