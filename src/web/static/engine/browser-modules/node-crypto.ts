import { sha256 } from './sha256.js';

/** `node:crypto` in the browser: the functions the server's and the services' modules use. */
export function randomUUID(): string {
  return globalThis.crypto.randomUUID();
}

type Digest = { digest(encoding: 'base64url' | 'hex'): string };

function encode(bytes: Uint8Array, encoding: 'base64url' | 'hex'): string {
  if (encoding === 'hex') return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Random bytes from the browser's CSPRNG, with the one Buffer method the services call on them (secret tokens for
 * hosted accounts and invitations: code the static edition bundles but, being local, never runs).
 */
export function randomBytes(size: number): { toString(encoding: 'base64url' | 'hex'): string } {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(size));
  return { toString: (encoding) => encode(bytes, encoding) };
}

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
      return encode(sha256(joined), encoding);
    },
  };
  return hash;
}
