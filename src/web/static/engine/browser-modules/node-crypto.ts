import { sha256 } from './sha256.js';

/** `node:crypto` in the browser: the two functions the server's modules use. */
export function randomUUID(): string {
  return globalThis.crypto.randomUUID();
}

type Digest = { digest(encoding: 'base64url' | 'hex'): string };

/** SHA-256 only (the programs route's ETag); the same digest node:crypto gives for the same text. */
export function createHash(algorithm: string): { update(text: string): { digest: Digest['digest'] } } {
  if (algorithm !== 'sha256') throw new Error(`createHash(${algorithm}) is not available in the browser`);
  const parts: Uint8Array[] = [];
  const hash = {
    update(text: string) {
      parts.push(new TextEncoder().encode(text));
      return hash;
    },
    digest(encoding: 'base64url' | 'hex') {
      const total = parts.reduce((sum, part) => sum + part.length, 0);
      const joined = new Uint8Array(total);
      let at = 0;
      for (const part of parts) {
        joined.set(part, at);
        at += part.length;
      }
      const bytes = sha256(joined);
      if (encoding === 'hex') return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    },
  };
  return hash;
}
