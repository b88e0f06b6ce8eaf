import { type Kysely, sql } from 'kysely';

/**
 * The application season: one application per catalog program, the interview practice log, interview notes
 * per program and the rank order list. Timeline edits live in user_settings (kind "season-timeline").
 *
 * Applications and notes go with their program (on delete cascade): without the program they cannot be shown
 * or acted on. The rank list keeps ACGME ids in jsonb, so a deleted program stays on it, shown unnamed and
 * flagged, until the applicant removes it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('acgme_id', 'text', (col) =>
      col.primaryKey().references('programs.acgme_id').onDelete('cascade'),
    )
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('applied_on', 'text')
    .addColumn('fee_dollars', 'double precision')
    .addColumn('signaled', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('invited_on', 'text')
    .addColumn('response_deadline', 'text')
    .addColumn('interview', 'jsonb')
    .addColumn('impressions', 'jsonb')
    .addColumn('history', 'jsonb', (col) => col.notNull())
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('interview_practice')
    // Insertion order breaks ties between sessions on the same day (newest shown first).
    .addColumn('seq', 'bigserial', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('question_id', 'text')
    .addColumn('question_text', 'text')
    .addColumn('acgme_id', 'text', (col) => col.references('programs.acgme_id').onDelete('set null'))
    .addColumn('practiced_on', 'text', (col) => col.notNull())
    .addColumn('rating', 'integer', (col) => col.notNull())
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('program_notes')
    .addColumn('acgme_id', 'text', (col) =>
      col.primaryKey().references('programs.acgme_id').onDelete('cascade'),
    )
    .addColumn('what_to_mention', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('rank_lists')
    // One list per profile, like user_settings; couples is null unless couples mode is on.
    .addColumn('profile_id', 'text', (col) => col.primaryKey())
    .addColumn('ranked', 'jsonb', (col) => col.notNull())
    .addColumn('would_not_attend', 'jsonb', (col) => col.notNull())
    .addColumn('couples', 'jsonb')
    .addColumn('minimum_ranked', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
