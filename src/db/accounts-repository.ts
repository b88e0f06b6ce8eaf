import { type Generated, type Kysely, sql } from 'kysely';

/** The tables of migration 0009: nobody owns them, they are how an owner is found. */
export type AccountTables = {
  users: {
    id: string;
    email: string;
    password_hash: string;
    created_at: Date | string;
    password_changed_at: Date | string;
  };
  sessions: {
    id: string;
    user_id: string;
    created_at: Date | string;
    last_seen_at: Date | string;
    expires_at: Date | string;
  };
  login_failures: {
    id: Generated<number>;
    kind: 'account' | 'address';
    key: string;
    failed_at: Date | string;
  };
  password_reset_tokens: {
    id: string;
    user_id: string;
    created_at: Date | string;
    expires_at: Date | string;
    used_at: Date | string | null;
  };
};

export interface UserRecord {
  id: string;
  email: string;
  passwordHash: string;
  createdAt: Date;
}

export interface SessionRecord {
  userId: string;
  email: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

export type LoginFailureKind = 'account' | 'address';

/**
 * Accounts, sessions, failed logins and reset links. Session and reset ids given here are already hashes:
 * the secrets themselves never reach the database.
 */
export interface AccountsRepository {
  /** Null when the email (compared case-insensitively) is taken. */
  addUser(user: { id: string; email: string; passwordHash: string; at: Date }): Promise<UserRecord | null>;
  userByEmail(email: string): Promise<UserRecord | null>;
  userById(id: string): Promise<UserRecord | null>;
  listUsers(): Promise<(UserRecord & { sessions: number })[]>;
  setPasswordHash(userId: string, passwordHash: string, at: Date): Promise<void>;

  addSession(session: { id: string; userId: string; at: Date; expiresAt: Date }): Promise<void>;
  /** The live session with this id (expired ones are not returned). */
  session(id: string, now: Date): Promise<SessionRecord | null>;
  touchSession(id: string, now: Date, expiresAt: Date): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Deletes the user's sessions but `keep` (when given); returns how many went. */
  deleteUserSessions(userId: string, keep?: string): Promise<number>;

  recordFailure(kind: LoginFailureKind, key: string, at: Date): Promise<void>;
  /** Failures for `key` since `since`, oldest first (their times). */
  failuresSince(kind: LoginFailureKind, key: string, since: Date): Promise<Date[]>;
  clearFailures(kind: LoginFailureKind, key: string): Promise<void>;
  /** Forgets failures older than `before`, so the table stays small. */
  pruneFailures(before: Date): Promise<void>;

  addResetToken(token: { id: string; userId: string; at: Date; expiresAt: Date }): Promise<void>;
  /**
   * Marks the token used and returns its user, in one statement so two uses racing cannot both pass. Null when
   * it is unknown, already used or expired; `reason` says which, for the refusal's wording.
   */
  useResetToken(
    id: string,
    now: Date,
  ): Promise<{ userId: string } | { reason: 'unknown' | 'used' | 'expired' }>;
}

/** @param db any Kysely over the account tables, e.g. `database.kysely.withTables<AccountTables>()`. */
export function createAccountsRepository(db: Kysely<AccountTables>): AccountsRepository {
  const toUser = (row: { id: string; email: string; password_hash: string; created_at: Date | string }) => ({
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    createdAt: new Date(row.created_at),
  });
  const userColumns = ['id', 'email', 'password_hash', 'created_at'] as const;

  return {
    async addUser({ id, email, passwordHash, at }) {
      const row = await db
        .insertInto('users')
        .values({ id, email, password_hash: passwordHash, created_at: at, password_changed_at: at })
        .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
        .returning(userColumns)
        .executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async userByEmail(email) {
      const row = await db
        .selectFrom('users')
        .select(userColumns)
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async userById(id) {
      const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async listUsers() {
      const rows = await db
        .selectFrom('users')
        .leftJoin('sessions', 'sessions.user_id', 'users.id')
        .select([
          'users.id',
          'users.email',
          'users.password_hash',
          'users.created_at',
          (eb) => eb.fn.count<string>('sessions.id').as('sessions'),
        ])
        .groupBy(['users.id', 'users.email', 'users.password_hash', 'users.created_at'])
        .orderBy('users.email')
        .execute();
      return rows.map((row) => ({ ...toUser(row), sessions: Number(row.sessions) }));
    },
    async setPasswordHash(userId, passwordHash, at) {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash, password_changed_at: at })
        .where('id', '=', userId)
        .execute();
    },

    async addSession({ id, userId, at, expiresAt }) {
      await db
        .insertInto('sessions')
        .values({ id, user_id: userId, created_at: at, last_seen_at: at, expires_at: expiresAt })
        .execute();
    },
    async session(id, now) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.user_id', 'users.email', 'sessions.expires_at', 'sessions.last_seen_at'])
        .where('sessions.id', '=', id)
        .where('sessions.expires_at', '>', now)
        .executeTakeFirst();
      return row
        ? {
            userId: row.user_id,
            email: row.email,
            expiresAt: new Date(row.expires_at),
            lastSeenAt: new Date(row.last_seen_at),
          }
        : null;
    },
    async touchSession(id, now, expiresAt) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: now, expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },
    async deleteSession(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteUserSessions(userId, keep) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keep !== undefined) query = query.where('id', '<>', keep);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async recordFailure(kind, key, at) {
      await db.insertInto('login_failures').values({ kind, key, failed_at: at }).execute();
    },
    async failuresSince(kind, key, since) {
      const rows = await db
        .selectFrom('login_failures')
        .select('failed_at')
        .where('kind', '=', kind)
        .where('key', '=', key)
        .where('failed_at', '>=', since)
        .orderBy('failed_at')
        .execute();
      return rows.map((row) => new Date(row.failed_at));
    },
    async clearFailures(kind, key) {
      await db.deleteFrom('login_failures').where('kind', '=', kind).where('key', '=', key).execute();
    },
    async pruneFailures(before) {
      await db.deleteFrom('login_failures').where('failed_at', '<', before).execute();
    },

    async addResetToken({ id, userId, at, expiresAt }) {
      await db
        .insertInto('password_reset_tokens')
        .values({ id, user_id: userId, created_at: at, expires_at: expiresAt, used_at: null })
        .execute();
    },
    async useResetToken(id, now) {
      const used = await db
        .updateTable('password_reset_tokens')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      if (used) return { userId: used.user_id };
      const row = await db
        .selectFrom('password_reset_tokens')
        .select(['used_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return { reason: 'unknown' };
      return { reason: row.used_at === null ? 'expired' : 'used' };
    },
  };
}
