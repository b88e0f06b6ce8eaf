import { randomUUID } from 'node:crypto';
import { err, type FieldIssue, ok, type Result } from '../../core/shared/result.js';
import type { AccountsRepository } from '../../db/accounts-repository.js';
import type { Actor } from '../actor.js';
import { ACCOUNT_RULE, ADDRESS_RULE, type ThrottleRule, waitBeforeNextTry } from './login-throttle.js';
import { decoyPasswordHash, hashPassword, passwordIssues, verifyPassword } from './passwords.js';
import { newSecret, secretId } from './secrets.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface AccountsPolicy {
  /** A session unused this long ends; every use (at most once per `touchEveryMs`) pushes it out again. */
  sessionIdleMs: number;
  touchEveryMs: number;
  resetLinkMs: number;
  account: ThrottleRule;
  address: ThrottleRule;
}

export const DEFAULT_ACCOUNTS_POLICY: AccountsPolicy = {
  sessionIdleMs: 14 * DAY,
  touchEveryMs: 5 * 60_000,
  resetLinkMs: DAY,
  account: ACCOUNT_RULE,
  address: ADDRESS_RULE,
};

/** The signed-in user a session token stands for. */
export interface SignedIn extends Actor {
  readonly email: string;
  /** The session's id as stored (the token's hash): "log out everywhere else" keeps this one. */
  readonly sessionId: string;
}

export interface NewSession {
  /** The secret for the cookie; only its hash is stored. */
  token: string;
  expiresAt: Date;
  user: { id: string; email: string };
}

export type LoginFailure =
  | { kind: 'wrong-credentials' }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'invalid'; issues: FieldIssue[] };

export type PasswordFailure =
  | { kind: 'wrong-password' }
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'throttled'; retryAfterSeconds: number };

export type ResetFailure = { kind: 'link'; reason: 'unknown' | 'used' | 'expired' } | PasswordInvalid;
type PasswordInvalid = { kind: 'invalid'; issues: FieldIssue[] };

export interface AccountsService {
  /**
   * Checks the password and opens a new session (a fresh token every time: a session id planted before login is
   * never the one after it). `address` is the client's, for the per-address slow-down.
   */
  login(email: string, password: string, address: string): Promise<Result<NewSession, LoginFailure>>;
  /** The user a cookie's token stands for, or null (unknown, expired, logged out). */
  authenticate(token: string): Promise<SignedIn | null>;
  logout(token: string): Promise<void>;
  /** Ends every session of the user, this one included. Returns how many ended. */
  logoutEverywhere(userId: string): Promise<number>;
  /** Needs the current password; ends the user's other sessions (a stolen session dies with the old password). */
  changePassword(
    user: SignedIn,
    current: string,
    next: string,
  ): Promise<Result<{ endedSessions: number }, PasswordFailure>>;
  /** Sets the password from a one-time reset link and ends every session of the account. */
  resetPassword(token: string, password: string): Promise<Result<{ email: string }, ResetFailure>>;

  // Operator commands (matchwise users …): no session, run by whoever runs the server.
  addUser(email: string, password: string): Promise<Result<{ id: string; email: string }, FieldIssue[]>>;
  listUsers(): Promise<{ id: string; email: string; createdAt: Date; sessions: number }[]>;
  /** A one-time token for `/reset#token`, valid for the policy's resetLinkMs; null for an unknown email. */
  issueResetToken(email: string): Promise<{ token: string; expiresAt: Date } | null>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createAccountsService(
  repo: AccountsRepository,
  now: () => Date = () => new Date(),
  policy: AccountsPolicy = DEFAULT_ACCOUNTS_POLICY,
): AccountsService {
  const accountKey = (email: string) => email.trim().toLowerCase();

  /** Seconds to wait before the next try; `address` null counts the account's failures only. */
  async function waitSeconds(email: string, address: string | null, at: Date): Promise<number> {
    const [byAccount, byAddress] = await Promise.all([
      repo.failuresSince('account', accountKey(email), new Date(at.getTime() - policy.account.windowMs)),
      address === null
        ? []
        : repo.failuresSince('address', address, new Date(at.getTime() - policy.address.windowMs)),
    ]);
    const waitMs = Math.max(
      waitBeforeNextTry(byAccount, policy.account, at),
      waitBeforeNextTry(byAddress, policy.address, at),
    );
    return Math.ceil(waitMs / 1000);
  }

  async function recordFailure(email: string, address: string, at: Date) {
    await Promise.all([
      repo.recordFailure('account', accountKey(email), at),
      repo.recordFailure('address', address, at),
    ]);
    // Cheap housekeeping on the rare path: nothing older than the longest window is ever read.
    const oldest = Math.max(policy.account.windowMs, policy.address.windowMs);
    await repo.pruneFailures(new Date(at.getTime() - oldest));
  }

  async function openSession(user: { id: string; email: string }, at: Date): Promise<NewSession> {
    const token = newSecret();
    const expiresAt = new Date(at.getTime() + policy.sessionIdleMs);
    await repo.addSession({ id: secretId(token), userId: user.id, at, expiresAt });
    return { token, expiresAt, user: { id: user.id, email: user.email } };
  }

  return {
    async login(email, password, address) {
      const at = now();
      if (!email.trim() || !password) {
        return err({
          kind: 'invalid',
          issues: [
            ...(email.trim() ? [] : [{ path: 'email', message: 'Enter your email' }]),
            ...(password ? [] : [{ path: 'password', message: 'Enter your password' }]),
          ],
        });
      }
      const wait = await waitSeconds(email, address, at);
      if (wait > 0) return err({ kind: 'throttled', retryAfterSeconds: wait });
      const user = await repo.userByEmail(email.trim());
      const matches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!user || !matches) {
        await recordFailure(email, address, at);
        return err({ kind: 'wrong-credentials' });
      }
      await repo.clearFailures('account', accountKey(email));
      return ok(await openSession(user, at));
    },

    async authenticate(token) {
      if (!token) return null;
      const id = secretId(token);
      const at = now();
      const session = await repo.session(id, at);
      if (!session) return null;
      if (at.getTime() - session.lastSeenAt.getTime() >= policy.touchEveryMs) {
        await repo.touchSession(id, at, new Date(at.getTime() + policy.sessionIdleMs));
      }
      return { userId: session.userId, email: session.email, sessionId: id };
    },

    async logout(token) {
      if (token) await repo.deleteSession(secretId(token));
    },

    logoutEverywhere: (userId) => repo.deleteUserSessions(userId),

    async changePassword(user, current, next) {
      const at = now();
      const wait = await waitSeconds(user.email, null, at);
      if (wait > 0) return err({ kind: 'throttled', retryAfterSeconds: wait });
      const stored = await repo.userById(user.userId);
      if (!stored || !(await verifyPassword(stored.passwordHash, current))) {
        // A stolen session must not get unlimited guesses at the password either.
        await repo.recordFailure('account', accountKey(user.email), at);
        return err({ kind: 'wrong-password' });
      }
      const issues = passwordIssues(next, 'next');
      if (issues.length > 0) return err({ kind: 'invalid', issues });
      await repo.setPasswordHash(user.userId, await hashPassword(next), at);
      const endedSessions = await repo.deleteUserSessions(user.userId, user.sessionId);
      return ok({ endedSessions });
    },

    async resetPassword(token, password) {
      const issues = passwordIssues(password, 'password');
      if (issues.length > 0) return err({ kind: 'invalid', issues });
      const passwordHash = await hashPassword(password);
      const at = now();
      const used = await repo.useResetToken(secretId(token), at);
      if ('reason' in used) return err({ kind: 'link', reason: used.reason });
      await repo.setPasswordHash(used.userId, passwordHash, at);
      await repo.deleteUserSessions(used.userId);
      const user = await repo.userById(used.userId);
      return ok({ email: user?.email ?? '' });
    },

    async addUser(email, password) {
      const trimmed = email.trim();
      const issues: FieldIssue[] = [
        ...(EMAIL.test(trimmed) ? [] : [{ path: 'email', message: 'Not an email address' }]),
        ...passwordIssues(password, 'password'),
      ];
      if (issues.length > 0) return err(issues);
      const added = await repo.addUser({
        id: randomUUID(),
        email: trimmed,
        passwordHash: await hashPassword(password),
        at: now(),
      });
      if (!added) return err([{ path: 'email', message: `An account for ${trimmed} already exists` }]);
      return ok({ id: added.id, email: added.email });
    },

    async listUsers() {
      const users = await repo.listUsers();
      return users.map(({ id, email, createdAt, sessions }) => ({ id, email, createdAt, sessions }));
    },

    async issueResetToken(email) {
      const user = await repo.userByEmail(email.trim());
      if (!user) return null;
      const at = now();
      const token = newSecret();
      const expiresAt = new Date(at.getTime() + policy.resetLinkMs);
      await repo.addResetToken({ id: secretId(token), userId: user.id, at, expiresAt });
      return { token, expiresAt };
    },
  };
}
