import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { type DatabaseOptions, isMemoryDataDir } from './database-options.js';
import { migrateToLatest } from './migrations/index.js';
import { PglitePool } from './pglite-pool.js';
import { createRepositories, type Repositories } from './repositories.js';
import type { DatabaseSchema } from './schema.js';

export type DatabaseEngine = 'pglite' | 'postgres';

export interface Database extends Repositories {
  engine: DatabaseEngine;
  /** For queries no repository offers yet; prefer adding a repository method. */
  kysely: Kysely<DatabaseSchema>;
  /**
   * Runs `fn` in one transaction: everything it writes through the repositories it is given is committed
   * together, or — if it throws — rolled back and the error rethrown. Use only the given repositories
   * inside `fn`: on PGlite the outer ones wait for the connection the transaction holds.
   */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Idempotent. Waits for running queries; on PGlite, flushes the data directory to disk. */
  close(): Promise<void>;
}

/**
 * Opens the database and brings its schema up to date: PostgreSQL when `databaseUrl` is given, otherwise
 * PGlite in `dataDir`.
 *
 * @example
 * const db = await openDatabase({ dataDir: 'memory://' });
 * await db.programs.upsertMany(programs);
 * await db.close();
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl });
    // An idle client whose server goes away emits 'error' on the pool, and an unhandled 'error' event
    // would crash the process. pg has already dropped that client; the next query reports the outage.
    pool.on('error', () => {});
    return connectDatabase({ engine: 'postgres', pool, schema: options.schema });
  }
  if (options.dataDir) {
    if (isMemoryDataDir(options.dataDir)) {
      const pglite = await PGlite.create(options.dataDir);
      return connectDatabase({ engine: 'pglite', pool: new PglitePool(pglite), schema: options.schema });
    }
    await mkdir(options.dataDir, { recursive: true });
    const release = await lockDataDir(options.dataDir);
    try {
      const pglite = await PGlite.create(options.dataDir);
      const db = await connectDatabase({
        engine: 'pglite',
        pool: new PglitePool(pglite),
        schema: options.schema,
      });
      return { ...db, close: () => db.close().finally(release) };
    } catch (error) {
      await release();
      throw error;
    }
  }
  throw new Error(
    'openDatabase needs a databaseUrl or a dataDir (use "memory://" for an in-memory database)',
  );
}

export interface ConnectOptions {
  engine: DatabaseEngine;
  /** Owned from now on: closing the database ends it. */
  pool: PostgresPool;
  schema?: string | undefined;
}

/** Wraps a pool in a migrated `Database`. Exported for the test helpers, which bring their own PGlite. */
export async function connectDatabase({ engine, pool, schema }: ConnectOptions): Promise<Database> {
  const tableSchema = schema ?? 'public';
  const kysely: Kysely<DatabaseSchema> = new Kysely<DatabaseSchema>({
    dialect: new PostgresDialect({
      pool,
      // Pinning search_path on every connection makes unqualified table names mean the same thing on
      // both engines, whatever the server's default search_path (which starts with "$user").
      onCreateConnection: async (connection) => {
        await connection.executeQuery(sql`set search_path to ${sql.id(tableSchema)}`.compile(kysely));
      },
    }),
  });
  try {
    if (schema) await kysely.schema.createSchema(schema).ifNotExists().execute();
    await migrateToLatest(kysely, tableSchema);
  } catch (error) {
    await kysely.destroy();
    throw error;
  }

  let closed: Promise<void> | null = null;
  return {
    engine,
    kysely,
    ...createRepositories(kysely),
    transaction: (fn) => kysely.transaction().execute((trx) => fn(createRepositories(trx))),
    close: () => {
      closed ??= kysely.destroy();
      return closed;
    },
  };
}
