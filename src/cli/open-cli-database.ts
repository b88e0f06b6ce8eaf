import {
  type Database,
  databaseOptionsFromEnv,
  LOCAL_OWNER_ID,
  type OwnerDatabase,
  openDatabase,
} from '../db/index.js';
import type { CliIo } from './cli-io.js';

/**
 * Opens the same database the server uses (DATABASE_URL, MATCHWISE_DATA_DIR or ~/.matchwise/data), runs fn on the
 * local owner's data — the one person a local database holds; on a hosted database, data no account owns — and
 * closes it.
 */
export async function withDatabase<T>(io: CliIo, fn: (db: OwnerDatabase) => Promise<T>): Promise<T> {
  return withWholeDatabase(io, (db) => fn(db.forOwner(LOCAL_OWNER_ID)));
}

/** The whole database, for operator commands about accounts (`matchwise users …`), not about one owner's data. */
export async function withWholeDatabase<T>(io: CliIo, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseOptionsFromEnv(io.env, io.homeDir));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
