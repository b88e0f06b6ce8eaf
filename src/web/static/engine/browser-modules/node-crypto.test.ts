import { createHash as nodeCreateHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from './node-crypto.js';

describe('the browser stand-in for node:crypto', () => {
  it('gives the ETag digest node:crypto gives, for short and multi-block texts', () => {
    const texts = [
      '',
      'abc',
      '7\n/api/programs?state=NY&page=2',
      'x'.repeat(55),
      'y'.repeat(56),
      'é'.repeat(300),
    ];
    for (const text of texts) {
      for (const encoding of ['base64url', 'hex'] as const) {
        const expected = nodeCreateHash('sha256').update(text).digest(encoding);
        expect(createHash('sha256').update(text).digest(encoding)).toBe(expected);
      }
    }
  });

  it('gives random bytes in the encodings the services ask for: 32 bytes are 43 base64url or 64 hex characters', () => {
    const token = randomBytes(32).toString('base64url');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomBytes(32).toString('hex')).toMatch(/^[0-9a-f]{64}$/);
    expect(randomBytes(32).toString('base64url')).not.toBe(token);
  });

  it('refuses an algorithm it does not implement instead of answering with another', () => {
    expect(() => createHash('md5')).toThrow(/not available in the browser/);
  });
});
