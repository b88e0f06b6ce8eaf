import { type Kysely, sql } from 'kysely';

/**
 * A value that changes whenever anything is written to the database, by this process or any other, on
 * PGlite and PostgreSQL: the current transaction snapshot (`xmin:xmax:in-progress xids`). Reads assign no
 * transaction id, so they leave it alone; every write transaction takes one, which moves `xmax` when it starts
 * and the in-progress list when it commits. Some unrelated changes move it too (a vacuum, a temp table): a cache
 * keyed by it misses more often than it must, never serves a result older than the data.
 *
 * @example
 * const before = await readDataVersion(db.kysely); // …later, a different value means something was written
 */
export async function readDataVersion<DB>(db: Kysely<DB>): Promise<string> {
  const result = await sql<{ version: string }>`select pg_current_snapshot()::text as version`.execute(db);
  return result.rows[0]?.version ?? '';
}
