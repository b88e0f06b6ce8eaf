import { type Kysely, sql } from 'kysely';

/** The "My list" choices (budget override, signals, pins, excludes, stars, fee schedule), one row per profile. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('smartpick_settings')
    .addColumn('profile_id', 'text', (col) => col.primaryKey())
    .addColumn('data', 'jsonb', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
