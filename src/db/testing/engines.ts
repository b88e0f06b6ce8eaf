import { randomBytes } from 'node:crypto';
import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import { describe, it } from 'vitest';
import { MEMORY_DATA_DIR } from '../database-options.js';
import { LOCAL_OWNER_ID } from '../local-owner.js';
import { connectDatabase, type Database, type OwnerDatabase, openDatabase } from '../open-database.js';
import { PglitePool } from '../pglite-pool.js';

/**
 * A database as tests use it: the whole database (for `createApp`, `forOwner`) that is also the local owner's
 * data, so a test can seed and read what the local app serves without naming the owner each time.
 */
export type TestDatabase = Database & OwnerDatabase;

/** The database with the local owner's repositories spread over it (see {@link TestDatabase}). */
export function asTestDatabase(db: Database): TestDatabase {
  return { ...db, ...db.forOwner(LOCAL_OWNER_ID) };
}

export interface TestEngine {
  name: 'pglite' | 'postgres';
  /**
   * A fresh, migrated database no other test sees: in-memory PGlite, or a new random schema on PostgreSQL
   * (dropped by `close()`). Opening costs about a second on PGlite: open once per describe block.
   */
  open(): Promise<TestDatabase>;
}

export const POSTGRES_REQUIRED_MESSAGE =
  'PostgreSQL suite is required under CI=true but DATABASE_URL is not set';
export const POSTGRES_SKIPPED_MESSAGE = 'PostgreSQL suite skipped: set DATABASE_URL to run it';

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export function testEngines(): TestEngine[] {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  return databaseUrl ? [pgliteEngine, postgresEngine(databaseUrl)] : [pgliteEngine];
}

/**
 * Declares the same suite once per engine, titled `title [pglite]`, `title [postgres]`.
 *
 * Without DATABASE_URL the PostgreSQL suite cannot run. Under CI that is a configuration error and a
 * failing test says so, so a green build never means "only PGlite was tested"; locally it shows as
 * skipped, with one console warning per test process.
 *
 * @example
 * describeEachEngine('profiles', (engine) => {
 *   let db: Database;
 *   beforeAll(async () => { db = await engine.open(); });
 *   afterAll(() => db.close());
 *   it('starts with no profile', async () => expect(await db.profiles.get()).toBeNull());
 * });
 */
export function describeEachEngine(title: string, fn: (engine: TestEngine) => void): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine.name}]`, () => fn(engine));
  }
  if (process.env.DATABASE_URL?.trim()) return;
  if (process.env.CI === 'true') {
    describe(`${title} [postgres]`, () => {
      it(POSTGRES_REQUIRED_MESSAGE, () => {
        throw new Error(POSTGRES_REQUIRED_MESSAGE);
      });
    });
    return;
  }
  warnPostgresSkippedOnce();
  describe(`${title} [postgres]`, () => {
    it.skip(POSTGRES_SKIPPED_MESSAGE, () => {});
  });
}

let warnedPostgresSkipped = false;
function warnPostgresSkippedOnce(): void {
  if (warnedPostgresSkipped) return;
  warnedPostgresSkipped = true;
  console.warn(POSTGRES_SKIPPED_MESSAGE);
}

/**
 * Creating an in-memory PGlite runs initdb (seconds); cloning a migrated one takes about a second. So the
 * first open in a test process builds a template and every open clones it. The template stays open for
 * the life of the process: it holds no OS resources, and closing it would race the clones.
 */
let pgliteTemplate: Promise<PGliteInterface> | null = null;

function migratedPgliteTemplate(): Promise<PGliteInterface> {
  pgliteTemplate ??= (async () => {
    const template = await PGlite.create(MEMORY_DATA_DIR);
    // Migrate through a pool that is never ended, so the template outlives this Kysely instance.
    await connectDatabase({ engine: 'pglite', pool: new PglitePool(template) });
    return template;
  })();
  return pgliteTemplate;
}

const pgliteEngine: TestEngine = {
  name: 'pglite',
  async open() {
    const clone = await (await migratedPgliteTemplate()).clone();
    return asTestDatabase(await connectDatabase({ engine: 'pglite', pool: new PglitePool(clone) }));
  },
};

function postgresEngine(databaseUrl: string): TestEngine {
  return {
    name: 'postgres',
    async open() {
      const schema = `matchwise_test_${randomBytes(6).toString('hex')}`;
      const db = await openDatabase({ databaseUrl, schema });
      let closed: Promise<void> | null = null;
      const dropSchemaAndClose = async () => {
        try {
          await db.kysely.schema.dropSchema(schema).ifExists().cascade().execute();
        } finally {
          await db.close();
        }
      };
      return {
        ...asTestDatabase(db),
        close: () => {
          closed ??= dropSchemaAndClose();
          return closed;
        },
      };
    },
  };
}
