import { type Kysely, sql } from 'kysely';

/** Settings documents by kind (e.g. "network"), one per profile and kind, so the next one needs no new table. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_settings')
    .addColumn('profile_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('data', 'jsonb', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('user_settings_pkey', ['profile_id', 'kind'])
    .execute();
}
