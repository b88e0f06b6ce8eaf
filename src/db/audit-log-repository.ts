import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';

/** Who did what to the owner's data: advisors' views and comments, grants and revocations. */
export interface AuditEntry {
  at: Date;
  actorId: string;
  actorEmail: string;
  /** e.g. "advisor.viewed-list", "advisor.commented", "grant.revoked". */
  action: string;
  detail: string;
}

export interface AuditLogRepository {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first, at most `limit` entries. */
  list(limit?: number): Promise<AuditEntry[]>;
}

/** One owner's audit log: append-only from the application (no update, no delete). */
export function createAuditLogRepository(db: Kysely<DatabaseSchema>, ownerId: string): AuditLogRepository {
  return {
    async record(entry) {
      await db
        .insertInto('audit_log')
        .values({
          owner_id: ownerId,
          at: entry.at,
          actor_id: entry.actorId,
          actor_email: entry.actorEmail,
          action: entry.action,
          detail: entry.detail,
        })
        .execute();
    },
    async list(limit = 500) {
      const rows = await db
        .selectFrom('audit_log')
        .select(['at', 'actor_id', 'actor_email', 'action', 'detail'])
        .where('owner_id', '=', ownerId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        at: new Date(row.at),
        actorId: row.actor_id,
        actorEmail: row.actor_email,
        action: row.action,
        detail: row.detail,
      }));
    },
  };
}
