/** Bytes per btoa call: small enough to stay under argument-count limits of String.fromCharCode. */
const CHUNK = 0x8000;

/**
 * Base64 of raw bytes, built in chunks so a multi-megabyte spreadsheet does not overflow the call stack.
 *
 * @example bytesToBase64(new TextEncoder().encode('acgmeId,name')) // 'YWNnbWVJZCxuYW1l'
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/** A file's content as base64, the way POST /api/imports/preview expects it. */
export async function readFileAsBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
