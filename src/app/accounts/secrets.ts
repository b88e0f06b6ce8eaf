import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: a session cookie's value or a reset link's token. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of a secret: reading the table does not hand out live sessions or links. */
export function secretId(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
