import { type Database, databaseOptionsFromEnv, openDatabase } from '../db/index.js';
import type { CliIo } from './cli-io.js';

/** Opens the same database the server uses (DATABASE_URL, MATCHWISE_DATA_DIR or ~/.matchwise/data), runs fn, closes it. */
export async function withDatabase<T>(io: CliIo, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseOptionsFromEnv(io.env, io.homeDir));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
