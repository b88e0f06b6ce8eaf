import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drLee } from '../core/network/test-support.js';
import { usImgProfile } from '../core/smartpick/test-support.js';
import { LOCAL_OWNER_ID } from './local-owner.js';
import { connectDatabase } from './open-database.js';
import { describeEachEngine, type TestDatabase } from './testing/engines.js';
import { testProgram } from './testing/program-fixtures.js';

/**
 * Tables nobody owns: the migration log, and accounts (read before anyone is signed in, so they cannot be walled
 * by the signed-in owner). A new table must be added here or carry an owner_id: the test below says which.
 */
const UNOWNED_TABLES = [
  'kysely_migration',
  'kysely_migration_lock',
  'users',
  'sessions',
  'login_failures',
  'password_reset_tokens',
  // Links two accounts (applicant and advisor); src/app/sharing checks it before acting as the applicant.
  'advisor_grants',
];

/**
 * Tables several owners see — every member of a cohort (0012_cohorts.ts) — so walled by membership rather than
 * by an owner_id: they need forced row-level security all the same.
 */
const MEMBERS_TABLES = [
  'cohorts',
  'cohort_members',
  'cohort_invitations',
  'cohort_facts',
  'cohort_fact_confirmations',
];

const ANNA = 'owner-anna';
const BEN = 'owner-ben';

describeEachEngine('owners', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(() => db?.close());

  it('keeps each owner to its own rows, even under the same ids', async () => {
    const anna = db.forOwner(ANNA);
    const ben = db.forOwner(BEN);
    await anna.programs.upsertMany([testProgram({ acgmeId: '1203500002', name: 'Anna’s Albany' })]);
    await anna.contacts.insert(drLee);
    await ben.contacts.insert({ ...drLee, name: 'Ben’s Dr. Lee' });

    expect(await ben.programs.count()).toEqual({ total: 0, synthetic: 0 });
    expect(await ben.programs.get('1203500002')).toBeNull();
    expect((await ben.contacts.list()).map((c) => c.name)).toEqual(['Ben’s Dr. Lee']);
    // Ben's writes aimed at Anna's ids reach only his own rows.
    expect(await ben.programs.deleteSynthetic()).toBe(0);
    expect(await ben.contacts.update({ ...drLee, id: 'c-only-anna' })).toBeNull();
    expect(await ben.contacts.delete(drLee.id)).toBe(true);
    expect((await anna.contacts.get(drLee.id))?.name).toBe(drLee.name);
    expect((await anna.programs.get('1203500002'))?.name).toBe('Anna’s Albany');
    // Transactions stay with their owner too.
    await ben.transaction((repos) => repos.programs.upsertMany([testProgram({ acgmeId: '1203500002' })]));
    expect((await anna.programs.get('1203500002'))?.name).toBe('Anna’s Albany');
  });

  it('keys the data version by owner, so a cache keyed by it is per owner', async () => {
    const [anna, ben] = await Promise.all([db.forOwner(ANNA).dataVersion(), db.forOwner(BEN).dataVersion()]);
    expect(anna.startsWith(`${ANNA}:`)).toBe(true);
    expect(ben.startsWith(`${BEN}:`)).toBe(true);
  });

  it('gives every table an owner with row-level security forced on it, or names it as nobody’s', async () => {
    const { rows } = await sql<{
      name: string;
      owned: boolean;
      rls: boolean;
      forced: boolean;
      policies: number;
    }>`
      select c.relname as name,
        exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'owner_id' and not a.attisdropped) as owned,
        c.relrowsecurity as rls, c.relforcerowsecurity as forced,
        (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = current_schema()
      order by c.relname`.execute(db.kysely);
    const unclassified = rows
      .filter((t) => !t.owned && !UNOWNED_TABLES.includes(t.name) && !MEMBERS_TABLES.includes(t.name))
      .map((t) => t.name);
    expect(unclassified, 'tables with neither an owner_id nor a place in UNOWNED_TABLES').toEqual([]);
    const unwalled = rows
      .filter((t) => (t.owned || MEMBERS_TABLES.includes(t.name)) && !(t.rls && t.forced && t.policies > 0))
      .map((t) => t.name);
    expect(unwalled, 'owned tables without forced row-level security').toEqual([]);
    expect(rows.filter((t) => t.owned).length).toBeGreaterThanOrEqual(13);
  });

  it.runIf(engine.name === 'postgres')(
    'walls owned rows off on PostgreSQL even from a query that forgets the owner',
    async () => {
      await db
        .forOwner(ANNA)
        .profiles.save((await import('../core/smartpick/test-support.js')).usImgProfile());
      // db.kysely has no owner: row-level security shows it none of Anna's rows, and refuses a row for her.
      const seen = await db.kysely.selectFrom('profiles').select('owner_id').execute();
      expect(seen).toEqual([]);
      await expect(
        db.kysely
          .insertInto('task_states')
          .values({ owner_id: ANNA, task_id: 'forged', status: 'done' })
          .execute(),
      ).rejects.toThrow(/row-level security/);
      // The operator sees every owner's rows, explicitly.
      const all = await db.operatorKysely().selectFrom('profiles').select('owner_id').execute();
      expect(all.map((r) => r.owner_id)).toContain(ANNA);
    },
  );
});

const databaseUrl = process.env.DATABASE_URL?.trim();
describe.runIf(databaseUrl)('pooled connections [postgres]', () => {
  it('never carry one owner’s setting into the next borrower, nor back into the pool', async () => {
    // One connection, so every borrow below is the same server session.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const schema = `matchwise_test_${randomBytes(6).toString('hex')}`;
    const db = await connectDatabase({ engine: 'postgres', pool, schema });
    try {
      const setting = sql<{
        owner: string | null;
      }>`select current_setting('matchwise.owner_id', true) as owner`;
      await db.forOwner(ANNA).programs.upsertMany([testProgram({ acgmeId: '1203500002' })]);
      expect((await db.forOwner(BEN).programs.list()).length).toBe(0);
      expect((await setting.execute(db.kysely)).rows[0]?.owner).toBe('');
      await db.forOwner(ANNA).programs.count();
      // Returned to the pool, the session holds no owner (cleared on release, before the next borrow).
      await new Promise((resolve) => setTimeout(resolve, 50));
      const raw = await pool.connect();
      try {
        const { rows } = await raw.query(
          "select current_setting('matchwise.owner_id', true) as owner, current_setting('matchwise.operator', true) as operator",
        );
        expect(rows[0]).toEqual({ owner: '', operator: '' });
      } finally {
        raw.release();
      }
    } finally {
      await db.operatorKysely().schema.dropSchema(schema).ifExists().cascade().execute();
      await db.close();
    }
  });
});
