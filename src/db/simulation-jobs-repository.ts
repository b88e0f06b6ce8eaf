import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from './schema.js';

export type StoredJobStatus = 'running' | 'done' | 'failed' | 'canceled';

/** A queued simulation as every server process sees it (hosted mode). */
export interface StoredSimulationJob {
  id: string;
  ownerId: string;
  status: StoredJobStatus;
  completedRuns: number;
  totalRuns: number;
  /** The finished job's answer, as the API returns it; null until done. */
  result: unknown;
  error: string | null;
  createdAt: Date;
}

export interface NewSimulationJob {
  id: string;
  totalRuns: number;
}

export interface SimulationJobsRepository {
  /**
   * Records a new running job unless its owner already has `maxRunning` running (queued ones count): false
   * when refused. Checked and inserted under a lock on the owner, so two processes admitting at once cannot
   * both squeeze past the limit. Forgets the owner's jobs finished before `forgetBefore` on the way.
   */
  admit(job: NewSimulationJob, maxRunning: number, forgetBefore: Date): Promise<boolean>;
  get(id: string): Promise<StoredSimulationJob | null>;
  /** The owner's running jobs (to reconcile with the queue, which may have given up on one). */
  running(): Promise<StoredSimulationJob[]>;
  /**
   * Records progress while the job is running and answers its status, so the process running it learns of a
   * cancel made through any other process; null when the job is gone.
   */
  progress(id: string, completedRuns: number): Promise<StoredJobStatus | null>;
  /** Ends a running job (done with its result, failed with the reason, or canceled); false if it had ended. */
  finish(
    id: string,
    end: { status: 'done'; result: unknown } | { status: 'failed'; error: string } | { status: 'canceled' },
  ): Promise<boolean>;
}

/**
 * One owner's simulation jobs. Every query filters by the owner, and runs in a transaction that states the
 * owner (`matchwise.owner_id`) for row-level security on PostgreSQL (0011_simulation_jobs.ts), whatever scope
 * the connection it is given has: the queue's worker acts for a job's owner without a request.
 */
export function createSimulationJobsRepository(
  db: Kysely<DatabaseSchema>,
  ownerId: string,
): SimulationJobsRepository {
  const asOwner = <T>(fn: (trx: Kysely<DatabaseSchema>) => Promise<T>): Promise<T> => {
    const run = async (trx: Kysely<DatabaseSchema>) => {
      await sql`select set_config('matchwise.owner_id', ${ownerId}, true)`.execute(trx);
      return fn(trx);
    };
    return db.isTransaction ? run(db) : db.transaction().execute(run);
  };
  const owned = (trx: Kysely<DatabaseSchema>) =>
    trx.selectFrom('simulation_jobs').selectAll().where('owner_id', '=', ownerId);

  return {
    admit({ id, totalRuns }, maxRunning, forgetBefore) {
      return asOwner(async (trx) => {
        const lockKey = `matchwise.simulation_jobs:${ownerId}`;
        await sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`.execute(trx);
        await trx
          .deleteFrom('simulation_jobs')
          .where('owner_id', '=', ownerId)
          .where('finished_at', '<', forgetBefore)
          .execute();
        const { running } = await trx
          .selectFrom('simulation_jobs')
          .select((eb) => eb.fn.countAll<string>().as('running'))
          .where('owner_id', '=', ownerId)
          .where('status', '=', 'running')
          .executeTakeFirstOrThrow();
        if (Number(running) >= maxRunning) return false;
        await trx
          .insertInto('simulation_jobs')
          .values({ id, owner_id: ownerId, status: 'running', total_runs: totalRuns })
          .execute();
        return true;
      });
    },
    async get(id) {
      const row = await asOwner((trx) => owned(trx).where('id', '=', id).executeTakeFirst());
      return row ? toJob(row) : null;
    },
    async running() {
      const rows = await asOwner((trx) =>
        owned(trx).where('status', '=', 'running').orderBy('created_at').execute(),
      );
      return rows.map(toJob);
    },
    async progress(id, completedRuns) {
      const row = await asOwner((trx) =>
        trx
          .updateTable('simulation_jobs')
          .set({
            // Only a running job moves; any other keeps its runs, and the status it answers says why.
            completed_runs: sql<number>`case when status = 'running' then ${completedRuns} else completed_runs end`,
            updated_at: sql<Date>`now()`,
          })
          .where('owner_id', '=', ownerId)
          .where('id', '=', id)
          .returning('status')
          .executeTakeFirst(),
      );
      return row ? (row.status as StoredJobStatus) : null;
    },
    async finish(id, end) {
      const ended = await asOwner((trx) =>
        trx
          .updateTable('simulation_jobs')
          .set({
            status: end.status,
            result: end.status === 'done' ? JSON.stringify(end.result) : null,
            error: end.status === 'failed' ? end.error : null,
            ...(end.status === 'done' ? { completed_runs: sql<number>`total_runs` } : {}),
            updated_at: sql<Date>`now()`,
            finished_at: sql<Date>`now()`,
          })
          .where('owner_id', '=', ownerId)
          .where('id', '=', id)
          .where('status', '=', 'running')
          .executeTakeFirst(),
      );
      return ended.numUpdatedRows > 0n;
    },
  };
}

function toJob(row: {
  id: string;
  owner_id: string;
  status: string;
  completed_runs: number;
  total_runs: number;
  result: unknown;
  error: string | null;
  created_at: Date;
}): StoredSimulationJob {
  return {
    id: row.id,
    ownerId: row.owner_id,
    // The column's check constraint admits only these.
    status: row.status as StoredJobStatus,
    completedRuns: row.completed_runs,
    totalRuns: row.total_runs,
    result: row.result ?? null,
    error: row.error,
    createdAt: new Date(row.created_at),
  };
}
