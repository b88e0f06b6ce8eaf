/**
 * The routes that take an uploaded file (catalog import, contacts import) decode its base64 body with Node's
 * `Buffer.from(text, 'base64')`. Browsers have no Buffer; this stand-in does that one thing with `atob` and
 * refuses anything else, so a new use of Buffer in the shared code fails loudly in the browser edition.
 */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function installBufferFrom(): void {
  if ('Buffer' in globalThis) return;
  Object.defineProperty(globalThis, 'Buffer', {
    configurable: true,
    value: {
      from(value: unknown, encoding?: string): Uint8Array {
        if (typeof value === 'string' && encoding === 'base64') return base64ToBytes(value);
        throw new Error('Only Buffer.from(text, "base64") is available in the browser edition');
      },
    },
  });
}
