import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { readDataVersion } from './data-version.js';
import { type DatabaseOptions, isMemoryDataDir } from './database-options.js';
import { LOCAL_OWNER_ID } from './local-owner.js';
import { migrateToLatest } from './migrations/index.js';
import { PglitePool } from './pglite-pool.js';
import { createRepositories, type Repositories } from './repositories.js';
import type { DatabaseSchema } from './schema.js';
import { type SessionScope, scopedPostgresDialect } from './session-scope.js';

export type DatabaseEngine = 'pglite' | 'postgres';

/**
 * One owner's data: every repository filters its reads by the owner and writes the owner on every insert, so
 * code holding it cannot reach another owner's rows. Services and routes receive this, never the
 * {@link Database}: local mode hands them `db.forOwner(LOCAL_OWNER_ID)`, hosted mode the acting user's.
 */
export interface OwnerDatabase extends Repositories {
  readonly engine: DatabaseEngine;
  readonly ownerId: string;
  /**
   * Runs `fn` in one transaction: everything it writes through the repositories it is given is committed
   * together, or — if it throws — rolled back and the error rethrown. Use only the given repositories
   * inside `fn`: on PGlite the outer ones wait for the connection the transaction holds.
   */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * Changes whenever anything is written (see readDataVersion), prefixed with the owner, so a cache keyed by
   * it is per owner whatever else its key holds. Another owner's write moves it too: that cache misses, never
   * serves another owner's data.
   */
  dataVersion(): Promise<string>;
}

/**
 * The whole database. Transitional: it still is the local owner's data too (the `OwnerDatabase` it extends)
 * while services and routes move to `forOwner`; that goes once they have.
 */
export interface Database extends OwnerDatabase {
  engine: DatabaseEngine;
  /** The repositories of one owner's data (cheap: call it per request). */
  forOwner(ownerId: string): OwnerDatabase;
  /**
   * For tables nobody owns (accounts, sessions). Owned tables need an owner: through this, on PostgreSQL,
   * row-level security shows none of their rows.
   */
  kysely: Kysely<DatabaseSchema>;
  /**
   * Operator-level access to every owner's rows (row-level security lets it through): for operator commands
   * that must see all owners, never for serving a user. Named so its uses are easy to find and review.
   */
  operatorKysely(): Kysely<DatabaseSchema>;
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
  // PGlite is one session as a superuser, which row-level security never restricts: one Kysely serves every
  // owner, and the repositories' owner filter is the wall. On PostgreSQL each scope (an owner, the operator,
  // nobody) is a Kysely of its own over the one pool, stating its scope on every connection it borrows.
  const kyselyFor =
    engine === 'pglite'
      ? singleKysely(pool, tableSchema)
      : (scope: SessionScope) =>
          new Kysely<DatabaseSchema>({ dialect: scopedPostgresDialect(pool, tableSchema, scope) });
  const operator = kyselyFor({ operator: true });
  const unowned = kyselyFor({ ownerId: '' });
  try {
    if (schema) await operator.schema.createSchema(schema).ifNotExists().execute();
    await migrateToLatest(operator, tableSchema);
  } catch (error) {
    await operator.destroy();
    throw error;
  }

  const owners = new OwnerKyselyCache((ownerId) => kyselyFor({ ownerId }));
  let closed: Promise<void> | null = null;
  const database: Omit<Database, keyof OwnerDatabase> & Pick<Database, 'engine'> = {
    engine,
    kysely: unowned,
    operatorKysely: () => operator,
    forOwner(ownerId) {
      if (!ownerId) throw new Error('forOwner needs an owner id');
      const kysely = owners.get(ownerId);
      return {
        engine,
        ownerId,
        ...createRepositories(kysely, ownerId),
        transaction: (fn) => kysely.transaction().execute((trx) => fn(createRepositories(trx, ownerId))),
        dataVersion: async () => `${ownerId}:${await readDataVersion(kysely)}`,
      };
    },
    close: () => {
      // Every Kysely shares the one pool: destroying one ends it.
      closed ??= operator.destroy();
      return closed;
    },
  };
  return { ...database.forOwner(LOCAL_OWNER_ID), ...database };
}

/**
 * Owners' Kysely instances, kept for the owners seen last: building one is cheap, but reusing it keeps its
 * connection bookkeeping. Bounded, so a server with many users does not keep one per user forever.
 */
class OwnerKyselyCache {
  readonly #build: (ownerId: string) => Kysely<DatabaseSchema>;
  readonly #kept = new Map<string, Kysely<DatabaseSchema>>();

  constructor(build: (ownerId: string) => Kysely<DatabaseSchema>) {
    this.#build = build;
  }

  get(ownerId: string): Kysely<DatabaseSchema> {
    let kysely = this.#kept.get(ownerId);
    if (kysely) this.#kept.delete(ownerId);
    else kysely = this.#build(ownerId);
    this.#kept.set(ownerId, kysely);
    if (this.#kept.size > KEPT_OWNER_INSTANCES) this.#kept.delete(this.#kept.keys().next().value as string);
    return kysely;
  }
}

const KEPT_OWNER_INSTANCES = 256;

/** PGlite's one Kysely, whatever the scope asked for. */
function singleKysely(
  pool: PostgresPool,
  tableSchema: string,
): (scope: SessionScope) => Kysely<DatabaseSchema> {
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
  return () => kysely;
}
