import { type Kysely, type Selectable, sql } from 'kysely';
import { type Application, applicationSchema } from '../core/season/application.js';
import { parameterBatches } from './batched-insert.js';
import { parseStoredRow } from './parse-stored-row.js';
import type { ApplicationsTable, DatabaseSchema } from './schema.js';

export interface ApplicationRepository {
  /** Every application, in no particular order (callers sort by program name). */
  list(): Promise<Application[]>;
  get(acgmeId: string): Promise<Application | null>;
  /**
   * Inserts the ones not stored yet; returns the ACGME ids that were added (others are left untouched).
   * Batched under the parameter limit; atomic: runs in a transaction of its own unless called inside one.
   */
  insertMissing(applications: readonly Application[]): Promise<string[]>;
  /** Replaces the stored application with the same ACGME id; null when there is none. */
  update(application: Application): Promise<Application | null>;
  delete(acgmeId: string): Promise<boolean>;
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

function toRow(application: Application) {
  const a = applicationSchema.parse(application);
  return {
    acgme_id: a.acgmeId,
    stage: a.stage,
    applied_on: a.appliedOn,
    fee_dollars: a.feeDollars,
    signaled: a.signaled,
    invited_on: a.invitedOn,
    response_deadline: a.responseDeadline,
    interview: json(a.interview),
    impressions: json(a.impressions),
    history: JSON.stringify(a.history),
    notes: a.notes,
  };
}

function fromRow(row: Selectable<ApplicationsTable>): Application {
  return parseStoredRow(
    applicationSchema,
    {
      acgmeId: row.acgme_id,
      stage: row.stage,
      appliedOn: row.applied_on,
      feeDollars: row.fee_dollars,
      signaled: row.signaled,
      invitedOn: row.invited_on,
      responseDeadline: row.response_deadline,
      interview: row.interview,
      impressions: row.impressions,
      history: row.history,
      notes: row.notes,
    },
    `application ${row.acgme_id}`,
  );
}

/** One owner's applications: every read filters by `ownerId`, every write stores it. */
export function createApplicationRepository(
  db: Kysely<DatabaseSchema>,
  ownerId: string,
): ApplicationRepository {
  const owned = () => db.selectFrom('applications').selectAll().where('owner_id', '=', ownerId);
  return {
    async list() {
      const rows = await owned().orderBy('acgme_id').execute();
      return rows.map(fromRow);
    },

    async get(acgmeId) {
      const row = await owned().where('acgme_id', '=', acgmeId).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async insertMissing(applications) {
      const batches = parameterBatches(applications.map((a) => ({ ...toRow(a), owner_id: ownerId })));
      const write = async (trx: Kysely<DatabaseSchema>) => {
        const added: string[] = [];
        for (const batch of batches) {
          const rows = await trx
            .insertInto('applications')
            .values(batch)
            .onConflict((oc) => oc.columns(['owner_id', 'acgme_id']).doNothing())
            .returning('acgme_id')
            .execute();
          added.push(...rows.map((row) => row.acgme_id));
        }
        return added;
      };
      if (db.isTransaction || batches.length <= 1) return write(db);
      return db.transaction().execute(write);
    },

    async update(application) {
      const { acgme_id, ...row } = toRow(application);
      const result = await db
        .updateTable('applications')
        .set({ ...row, updated_at: sql<Date>`now()` })
        .where('owner_id', '=', ownerId)
        .where('acgme_id', '=', acgme_id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? applicationSchema.parse(application) : null;
    },

    async delete(acgmeId) {
      const result = await db
        .deleteFrom('applications')
        .where('owner_id', '=', ownerId)
        .where('acgme_id', '=', acgmeId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
