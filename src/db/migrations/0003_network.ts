import { type Kysely, sql } from 'kysely';

/**
 * The Network: contacts, their interactions, letters of recommendation, events, and what the user did with
 * playbook tasks (tasks themselves are recomputed, only their states are stored). ISO dates are text
 * (YYYY-MM-DD) so both drivers hand back exactly what was written; nested parts are jsonb.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('title', 'text')
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('circle', 'text', (col) => col.notNull())
    .addColumn('circle_overridden', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('affiliation_acgme_id', 'text')
    .addColumn('affiliation_institution', 'text')
    .addColumn('met_how', 'text')
    .addColumn('met_where', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('linkedin_url', 'text')
    .addColumn('tags', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('start_date', 'text', (col) => col.notNull())
    .addColumn('end_date', 'text', (col) => col.notNull())
    .addColumn('place', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('programs_attending', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('prep', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('contact_ids', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();

  await db.schema
    .createTable('interactions')
    // Insertion order breaks ties between interactions on the same day (the timeline shows the later log first).
    .addColumn('seq', 'bigserial', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('direction', 'text', (col) => col.notNull())
    .addColumn('is_request', 'boolean', (col) => col.notNull())
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('end_date', 'text')
    .addColumn('acgme_id', 'text')
    .addColumn('event_id', 'text', (col) => col.references('events.id').onDelete('set null'))
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('interactions_contact_id').on('interactions').column('contact_id').execute();

  await db.schema
    .createTable('letters')
    .addColumn('seq', 'bigserial', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('writer_contact_id', 'text', (col) =>
      col.notNull().references('contacts.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('requested_on', 'text')
    .addColumn('agreed_on', 'text')
    .addColumn('uploaded_on', 'text')
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('task_states')
    .addColumn('task_id', 'text', (col) => col.primaryKey())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('until', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
