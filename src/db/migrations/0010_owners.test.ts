import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { usImgProfile } from '../../core/smartpick/test-support.js';
import { LOCAL_OWNER_ID } from '../local-owner.js';
import { PglitePool } from '../pglite-pool.js';
import { createRepositories } from '../repositories.js';
import type { DatabaseSchema } from '../schema.js';
import { MIGRATION_TABLE, MIGRATIONS, migrateToLatest } from './index.js';

const json = (value: unknown) => JSON.stringify(value);

/** One row of every applicant-owned kind, written as a database from before owners (0008) held it. */
async function storeOneOfEverything(db: Kysely<any>): Promise<void> {
  await sql`insert into programs (acgme_id, name, city, state, specialty, origin, facts)
    values ('1203500002', 'Albany Family Medicine', 'Albany', 'NY', 'family-medicine', 'import',
      ${json({ visaJ1: { value: true, source: 'program coordinator, email', asOf: '2026-08-01' } })}::jsonb)`.execute(
    db,
  );
  await sql`insert into profiles (id, data) values ('default', ${json(usImgProfile())}::jsonb)`.execute(db);
  await sql`insert into user_settings (profile_id, kind, data) values ('default', 'network', '{"x":1}'::jsonb)`.execute(
    db,
  );
  await sql`insert into import_reports (filename, report) values ('programs.csv', '{"filename":"programs.csv"}'::jsonb)`.execute(
    db,
  );
  await sql`insert into contacts (id, name, role, circle, created_at)
    values ('c-lee', 'Anna Lee', 'mentor', 'inner', '2026-01-10T09:00:00Z')`.execute(db);
  await sql`insert into events (id, name, start_date, end_date) values ('e-fair', 'AAFP fair', '2026-07-30', '2026-08-01')`.execute(
    db,
  );
  await sql`insert into interactions (id, contact_id, kind, direction, is_request, date, event_id)
    values ('i-met', 'c-lee', 'meeting', 'both', false, '2026-07-31', 'e-fair')`.execute(db);
  await sql`insert into letters (id, writer_contact_id, kind) values ('l-lee', 'c-lee', 'us-family-medicine')`.execute(
    db,
  );
  await sql`insert into task_states (task_id, status) values ('thank-you:i-met', 'done')`.execute(db);
  await sql`insert into applications (acgme_id, stage, history) values ('1203500002', 'applied', '[]'::jsonb)`.execute(
    db,
  );
  await sql`insert into interview_practice (id, acgme_id, practiced_on, rating) values ('p-1', '1203500002', '2026-10-01', 4)`.execute(
    db,
  );
  await sql`insert into program_notes (acgme_id, notes) values ('1203500002', 'Ask about the rural track')`.execute(
    db,
  );
  await sql`insert into rank_lists (profile_id, ranked, would_not_attend, minimum_ranked)
    values ('default', '["1203500002"]'::jsonb, '[]'::jsonb, 10)`.execute(db);
}

const OWNED_TABLES = [
  'applications',
  'contacts',
  'events',
  'import_reports',
  'interactions',
  'interview_practice',
  'letters',
  'profiles',
  'program_notes',
  'programs',
  'rank_lists',
  'task_states',
  'user_settings',
];

describe('migration 0010: every applicant-owned row has an owner', () => {
  it('gives everything a local database held to the local owner, losing nothing, and lets another owner reuse its ids', async () => {
    const kysely = new Kysely<DatabaseSchema>({
      dialect: new PostgresDialect({ pool: new PglitePool(await PGlite.create('memory://')) }),
    });
    try {
      const migrator = new Migrator({
        db: kysely,
        provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
        migrationTableName: MIGRATION_TABLE,
      });
      expect((await migrator.migrateTo('0008_one_budget')).error).toBeUndefined();
      await storeOneOfEverything(kysely);
      const before = Object.fromEntries(
        await Promise.all(
          OWNED_TABLES.map(async (table) => {
            const { rows } = await sql`select * from ${sql.table(table)} order by 1`.execute(kysely);
            return [table, rows] as const;
          }),
        ),
      );

      await migrateToLatest(kysely, 'public');

      for (const table of OWNED_TABLES) {
        const { rows } = await sql<
          Record<string, unknown>
        >`select * from ${sql.table(table)} order by 1`.execute(kysely);
        // Every row is still there, column for column, now with the local owner.
        expect(
          rows.map(({ owner_id, ...rest }) => [owner_id, rest]),
          table,
        ).toEqual((before[table] ?? []).map((row) => [LOCAL_OWNER_ID, row]));
      }

      const local = createRepositories(kysely, LOCAL_OWNER_ID);
      expect((await local.programs.get('1203500002'))?.facts.visaJ1?.value).toBe(true);
      expect((await local.profiles.get())?.profile).toEqual(usImgProfile());
      expect((await local.interactions.listByContact('c-lee')).map((i) => i.eventId)).toEqual(['e-fair']);
      expect((await local.letters.list()).map((l) => l.id)).toEqual(['l-lee']);
      expect((await local.applications.list()).map((a) => a.stage)).toEqual(['applied']);
      expect((await local.interviewPrep.getNotes('1203500002'))?.notes).toBe('Ask about the rural track');
      expect((await local.rankList.get()).ranked).toEqual(['1203500002']);
      expect(await local.taskStates.list()).toEqual([{ taskId: 'thank-you:i-met', status: 'done' }]);

      // Another owner starts empty, and may hold the very same ids (a backup restored into two accounts).
      const other = createRepositories(kysely, 'an-account');
      expect(await other.programs.count()).toEqual({ total: 0, synthetic: 0 });
      expect(await other.contacts.list()).toEqual([]);
      expect(await other.profiles.get()).toBeNull();
      const program = await local.programs.get('1203500002');
      if (!program) throw new Error('the local program is gone');
      await other.programs.upsertMany([{ ...program, name: 'Renamed by another owner' }]);
      expect((await local.programs.get('1203500002'))?.name).toBe('Albany Family Medicine');
      // A reference cannot cross owners: the other owner's application cannot point at the local program.
      await expect(
        sql`insert into applications (owner_id, acgme_id, stage, history)
          values ('a-third-owner', '1203500002', 'saved', '[]'::jsonb)`.execute(kysely),
      ).rejects.toThrow(/foreign key/);
      // Deleting the event clears the interaction's reference and keeps its owner.
      await sql`delete from events where id = 'e-fair'`.execute(kysely);
      expect((await local.interactions.listByContact('c-lee')).map((i) => i.eventId)).toEqual([null]);
    } finally {
      await kysely.destroy();
    }
  });
});
