import { hash, verify } from '@node-rs/argon2';
import type { FieldIssue } from '../../core/shared/result.js';

/**
 * argon2id with the package's defaults (19 MiB, 2 passes: OWASP's baseline), its parameters stored in the hash
 * itself, so raising them later still verifies old hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password or an unreadable hash; never throws on bad input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Compared against when no account has the email, so a wrong email costs the same time as a wrong password
 * and the answer's timing does not tell which accounts exist.
 */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash('matchwise-no-such-account');
  return decoyHash;
}

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 reads any length; the cap only keeps a request from making the server hash megabytes. */
export const PASSWORD_MAX_LENGTH = 256;

/** Why a new password is refused, naming `path`; empty when it is acceptable. */
export function passwordIssues(password: string, path: string): FieldIssue[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [{ path, message: `At least ${PASSWORD_MIN_LENGTH} characters` }];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [{ path, message: `At most ${PASSWORD_MAX_LENGTH} characters` }];
  }
  return [];
}
