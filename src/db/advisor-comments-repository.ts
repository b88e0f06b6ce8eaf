import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';

/** An advisor's comment on one of the applicant's programs or list entries, stored as the applicant's data. */
export interface AdvisorComment {
  id: string;
  authorId: string;
  authorEmail: string;
  acgmeId: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface AdvisorCommentRepository {
  add(comment: Omit<AdvisorComment, 'readAt'>): Promise<AdvisorComment>;
  /** Newest first; one program's when `acgmeId` is given. */
  list(filter?: { acgmeId?: string; authorId?: string }): Promise<AdvisorComment[]>;
  unreadCount(): Promise<number>;
  /** Null when there is no such comment (of this owner). Marking twice keeps the first time. */
  markRead(id: string, at: Date): Promise<AdvisorComment | null>;
}

/** One owner's comments: every read filters by `ownerId`, every write stores it. */
export function createAdvisorCommentRepository(
  db: Kysely<DatabaseSchema>,
  ownerId: string,
): AdvisorCommentRepository {
  const toComment = (row: DatabaseSchema['advisor_comments']): AdvisorComment => ({
    id: row.id,
    authorId: row.author_id,
    authorEmail: row.author_email,
    acgmeId: row.acgme_id,
    body: row.body,
    createdAt: new Date(row.created_at),
    readAt: row.read_at === null ? null : new Date(row.read_at),
  });
  return {
    async add(comment) {
      await db
        .insertInto('advisor_comments')
        .values({
          owner_id: ownerId,
          id: comment.id,
          author_id: comment.authorId,
          author_email: comment.authorEmail,
          acgme_id: comment.acgmeId,
          body: comment.body,
          created_at: comment.createdAt,
        })
        .execute();
      return { ...comment, readAt: null };
    },
    async list(filter = {}) {
      let query = db.selectFrom('advisor_comments').selectAll().where('owner_id', '=', ownerId);
      if (filter.acgmeId !== undefined) query = query.where('acgme_id', '=', filter.acgmeId);
      if (filter.authorId !== undefined) query = query.where('author_id', '=', filter.authorId);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toComment);
    },
    async unreadCount() {
      const row = await db
        .selectFrom('advisor_comments')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('owner_id', '=', ownerId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async markRead(id, at) {
      await db
        .updateTable('advisor_comments')
        .set({ read_at: at })
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .where('read_at', 'is', null)
        .execute();
      const row = await db
        .selectFrom('advisor_comments')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toComment(row) : null;
    },
  };
}
