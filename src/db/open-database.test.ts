import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfile } from '../core/profile/applicant-profile.js';
import { LOCAL_OWNER_ID } from './local-owner.js';
import { MIGRATION_TABLE, MIGRATIONS, migrateToLatest } from './migrations/index.js';
import { type Database, openDatabase } from './open-database.js';
import { describeEachEngine } from './testing/engines.js';
import { testProgram } from './testing/program-fixtures.js';

const report = {
  filename: 'fm-programs.csv',
  totalRows: 1,
  created: 1,
  updated: 0,
  unchanged: 0,
  invalid: 0,
  duplicates: 0,
  errors: [],
};

async function appliedMigrations(db: Database): Promise<{ name: string; timestamp: string }[]> {
  const { rows } = await sql<{ name: string; timestamp: string }>`
    select name, timestamp from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db.kysely);
  return rows;
}

describeEachEngine('openDatabase', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(() => db?.close());

  it('reports which engine it runs on', () => {
    expect(db.engine).toBe(engine.name);
  });

  it('applies every migration and records it in the migrations table', async () => {
    expect((await appliedMigrations(db)).map((m) => m.name)).toEqual(Object.keys(MIGRATIONS));
    // Only this database's own schema: other suites' schemas may exist side by side on PostgreSQL.
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely);
    const tables = (await db.kysely.introspection.getTables()).filter((t) => t.schema === rows[0]?.schema);
    expect(tables.map((t) => t.name).sort()).toEqual([
      'advisor_comments',
      'advisor_grants',
      'applications',
      'audit_log',
      'cohort_fact_confirmations',
      'cohort_facts',
      'cohort_invitations',
      'cohort_members',
      'cohorts',
      'contacts',
      'events',
      'import_reports',
      'interactions',
      'interview_practice',
      'letters',
      'login_failures',
      'password_reset_tokens',
      'profiles',
      'program_notes',
      'programs',
      'rank_lists',
      'sessions',
      'simulation_jobs',
      'task_states',
      'user_settings',
      'users',
    ]);
  });

  it('creates the programs indexes on state and specialty, within an owner', async () => {
    const { rows } = await sql<{ indexname: string }>`
      select indexname from pg_indexes
      where tablename = 'programs' and schemaname = current_schema() order by indexname`.execute(db.kysely);
    expect(rows.map((r) => r.indexname)).toEqual([
      'programs_owner_specialty_idx',
      'programs_owner_state_idx',
      'programs_pkey',
    ]);
  });

  it('does not re-run applied migrations', async () => {
    const before = await appliedMigrations(db);
    const result = await migrateToLatest(db.kysely, (await currentSchema(db)) ?? 'public');
    expect(result.results).toEqual([]);
    expect(await appliedMigrations(db)).toEqual(before);
  });

  describe('transaction', () => {
    it('commits everything the callback wrote', async () => {
      const id = await db.transaction(async (repos) => {
        await repos.programs.upsertMany([testProgram({ acgmeId: '1200000101' })]);
        await repos.profiles.save(emptyProfile(), 'committed');
        return (await repos.imports.record(report)).id;
      });
      expect(await db.programs.get('1200000101')).not.toBeNull();
      expect(await db.profiles.get('committed')).not.toBeNull();
      expect((await db.imports.list()).map((r) => r.id)).toContain(id);
    });

    it('leaves nothing behind when the callback throws, and rethrows its error', async () => {
      const countsBefore = await db.programs.count();
      const importsBefore = await db.imports.list();
      await expect(
        db.transaction(async (repos) => {
          await repos.programs.upsertMany([testProgram({ acgmeId: '1200000102' })]);
          await repos.profiles.save(emptyProfile(), 'rolled-back');
          await repos.imports.record(report);
          throw new Error('the import was cancelled');
        }),
      ).rejects.toThrow('the import was cancelled');
      expect(await db.programs.get('1200000102')).toBeNull();
      expect(await db.profiles.get('rolled-back')).toBeNull();
      expect(await db.programs.count()).toEqual(countsBefore);
      expect(await db.imports.list()).toEqual(importsBefore);
    });

    it('rolls back when a statement inside it fails', async () => {
      await expect(
        db
          .operatorKysely()
          .transaction()
          .execute(async (trx) => {
            await trx
              .insertInto('profiles')
              .values({ owner_id: LOCAL_OWNER_ID, id: 'half-written', data: JSON.stringify(emptyProfile()) })
              .execute();
            await sql`select 1 / 0`.execute(trx);
          }),
      ).rejects.toThrow(/division by zero/);
      expect(await db.profiles.get('half-written')).toBeNull();
    });

    it('refuses to commit a transaction an error already aborted, even if the error was caught', async () => {
      await expect(
        db
          .operatorKysely()
          .transaction()
          .execute(async (trx) => {
            await trx
              .insertInto('profiles')
              .values({ owner_id: LOCAL_OWNER_ID, id: 'aborted', data: JSON.stringify(emptyProfile()) })
              .execute();
            await sql`select 1 / 0`.execute(trx).catch(() => {});
          }),
      ).rejects.toThrow();
      expect(await db.profiles.get('aborted')).toBeNull();
    });

    it('keeps queries made outside the transaction out of it', async () => {
      let insideDone = false;
      const inside = db.transaction(async (repos) => {
        await repos.programs.upsertMany([testProgram({ acgmeId: '1200000104' })]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        insideDone = true;
        throw new Error('rolled back on purpose');
      });
      const outside = db.programs.upsertMany([testProgram({ acgmeId: '1200000105' })]);
      await expect(inside).rejects.toThrow('rolled back on purpose');
      await outside;
      expect(insideDone).toBe(true);
      expect(await db.programs.get('1200000104')).toBeNull();
      expect(await db.programs.get('1200000105')).not.toBeNull();
    });
  });

  it('closes idempotently', async () => {
    const other = await engine.open();
    await Promise.all([other.close(), other.close()]);
    await expect(other.close()).resolves.toBeUndefined();
    await expect(other.programs.count()).rejects.toThrow();
  });
});

async function currentSchema(db: Database): Promise<string | null> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db.kysely);
  return rows[0]?.schema ?? null;
}

describe('openDatabase with a PGlite data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'matchwise-db-')), 'nested', 'data');
  });
  afterAll(async () => {
    await rm(path.dirname(path.dirname(dataDir)), { recursive: true, force: true });
  });

  it('creates the directory, keeps data across close and reopen, and migrates only once', async () => {
    const first = await openDatabase({ dataDir });
    expect(first.engine).toBe('pglite');
    await first.programs.upsertMany([testProgram({ acgmeId: '1200000201', name: 'Kept Across Restarts' })]);
    const saved = await first.profiles.save({ ...emptyProfile(), name: 'Ada' });
    const migrationsAtFirstOpen = await appliedMigrations(first);
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      // A second opener (the CLI while the server runs) is refused instead of corrupting the directory.
      await expect(openDatabase({ dataDir })).rejects.toThrow(/is in use by process/);
      expect((await second.programs.get('1200000201'))?.name).toBe('Kept Across Restarts');
      expect(await second.profiles.get()).toEqual(saved);
      expect(await appliedMigrations(second)).toEqual(migrationsAtFirstOpen);
    } finally {
      await second.close();
    }
  });

  it('keeps its tables in the schema it was given', async () => {
    const db = await openDatabase({ dataDir: 'memory://', schema: 'applicant_a' });
    try {
      await db.profiles.save(emptyProfile());
      const tables = await db.kysely.introspection.getTables();
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set(['applicant_a']));
      expect(await db.profiles.get()).not.toBeNull();
    } finally {
      await db.close();
    }
  });

  it('refuses to open without a URL or a data directory', async () => {
    await expect(openDatabase({})).rejects.toThrow(/databaseUrl or a dataDir/);
  });
});

const databaseUrl = process.env.DATABASE_URL?.trim();

describe.skipIf(!databaseUrl)('openDatabase on PostgreSQL with a schema', () => {
  const schema = `matchwise_reopen_${randomBytes(6).toString('hex')}`;

  afterAll(async () => {
    const db = await openDatabase({ databaseUrl, schema });
    await db.kysely.schema.dropSchema(schema).cascade().execute();
    await db.close();
  });

  it('creates the schema, keeps its tables there, and migrates only once across opens', async () => {
    const first = await openDatabase({ databaseUrl, schema });
    await first.programs.upsertMany([testProgram({ acgmeId: '1200000301' })]);
    const migrationsAtFirstOpen = await appliedMigrations(first);
    const { rows } = await sql<{ table_schema: string }>`
      select table_schema from information_schema.tables where table_name = 'programs'
      and table_schema = ${schema}`.execute(first.kysely);
    expect(rows).toHaveLength(1);
    await first.close();

    const second = await openDatabase({ databaseUrl, schema });
    try {
      expect(await second.programs.get('1200000301')).not.toBeNull();
      expect(await appliedMigrations(second)).toEqual(migrationsAtFirstOpen);
    } finally {
      await second.close();
    }
  });
});
