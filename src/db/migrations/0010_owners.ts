import { type Kysely, sql } from 'kysely';

/**
 * Every applicant-owned row gets an owner (hosted mode serves many applicants from one database). Rows stored
 * before owners existed belong to the local owner, the id local mode acts as — spelled out here rather than
 * imported, because a migration must keep meaning what it meant when it shipped.
 *
 * Keys that assumed one user become per owner: two applicants may both have program 1201200001, a profile
 * "default", or a contact restored from the same backup. References between owned tables carry the owner, so
 * a row can only point at its own owner's rows.
 *
 * Row-level security is the second wall behind the repositories' owner filter: each owned table admits only
 * the rows whose owner_id is the connection's `matchwise.owner_id` setting (or every row when
 * `matchwise.operator` is 'on', for migrations and operator commands). FORCE makes it hold for the tables'
 * owner too — the role the app connects as. PGlite runs as a superuser, which row-level security never
 * restricts, so there only the repositories' filter holds (one person's database: nobody to wall off).
 */
const LOCAL_OWNER_ID = '00000000-0000-0000-0000-000000000001';

/** Owned tables as of this migration (the catalog is per owner too: see src/db/README.md). */
const OWNED_TABLES = [
  'programs',
  'profiles',
  'import_reports',
  'user_settings',
  'contacts',
  'interactions',
  'letters',
  'events',
  'task_states',
  'applications',
  'interview_practice',
  'program_notes',
  'rank_lists',
] as const;

/** Primary keys that become per owner (import_reports keeps its identity column: its ids are never shared). */
const PER_OWNER_KEYS: Record<string, readonly string[]> = {
  programs: ['acgme_id'],
  profiles: ['id'],
  user_settings: ['profile_id', 'kind'],
  contacts: ['id'],
  interactions: ['id'],
  letters: ['id'],
  events: ['id'],
  task_states: ['task_id'],
  applications: ['acgme_id'],
  interview_practice: ['id'],
  program_notes: ['acgme_id'],
  rank_lists: ['profile_id'],
};

export async function up(db: Kysely<any>): Promise<void> {
  // References first: they hang on the primary keys about to be replaced.
  for (const [table, constraint] of [
    ['interactions', 'interactions_contact_id_fkey'],
    ['interactions', 'interactions_event_id_fkey'],
    ['letters', 'letters_writer_contact_id_fkey'],
    ['applications', 'applications_acgme_id_fkey'],
    ['interview_practice', 'interview_practice_acgme_id_fkey'],
    ['program_notes', 'program_notes_acgme_id_fkey'],
  ] as const) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(constraint)}`.execute(db);
  }

  for (const table of OWNED_TABLES) {
    // The default fills existing rows in place; dropping it means every later insert must name its owner.
    await sql`alter table ${sql.table(table)}
      add column owner_id text not null default ${sql.lit(LOCAL_OWNER_ID)}
      constraint ${sql.id(`${table}_owner_id_check`)} check (owner_id <> '')`.execute(db);
    await sql`alter table ${sql.table(table)} alter column owner_id drop default`.execute(db);
    const key = PER_OWNER_KEYS[table];
    if (key) {
      await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_pkey`)}`.execute(db);
      await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_pkey`)}
        primary key (owner_id, ${sql.join(key.map((column) => sql.id(column)))})`.execute(db);
    }
  }

  await sql`alter table interactions add constraint interactions_contact_fkey
    foreign key (owner_id, contact_id) references contacts (owner_id, id) on delete cascade`.execute(db);
  // SET NULL on the event id alone: the owner stays (PostgreSQL 15+, PGlite's too).
  await sql`alter table interactions add constraint interactions_event_fkey
    foreign key (owner_id, event_id) references events (owner_id, id) on delete set null (event_id)`.execute(
    db,
  );
  await sql`alter table letters add constraint letters_writer_fkey
    foreign key (owner_id, writer_contact_id) references contacts (owner_id, id) on delete cascade`.execute(
    db,
  );
  await sql`alter table applications add constraint applications_program_fkey
    foreign key (owner_id, acgme_id) references programs (owner_id, acgme_id) on delete cascade`.execute(db);
  await sql`alter table interview_practice add constraint interview_practice_program_fkey
    foreign key (owner_id, acgme_id) references programs (owner_id, acgme_id) on delete set null (acgme_id)`.execute(
    db,
  );
  await sql`alter table program_notes add constraint program_notes_program_fkey
    foreign key (owner_id, acgme_id) references programs (owner_id, acgme_id) on delete cascade`.execute(db);

  // Indexes led by the owner, as every query now filters by it.
  await db.schema.dropIndex('programs_state_idx').execute();
  await db.schema.dropIndex('programs_specialty_idx').execute();
  await db.schema.dropIndex('interactions_contact_id').execute();
  await db.schema
    .createIndex('programs_owner_state_idx')
    .on('programs')
    .columns(['owner_id', 'state'])
    .execute();
  await db.schema
    .createIndex('programs_owner_specialty_idx')
    .on('programs')
    .columns(['owner_id', 'specialty'])
    .execute();
  await db.schema
    .createIndex('interactions_owner_contact_idx')
    .on('interactions')
    .columns(['owner_id', 'contact_id'])
    .execute();
  await db.schema
    .createIndex('import_reports_owner_idx')
    .on('import_reports')
    .columns(['owner_id', 'created_at'])
    .execute();

  for (const table of OWNED_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`create policy owner_rows on ${sql.table(table)}
      using (${ownerOrOperator()}) with check (${ownerOrOperator()})`.execute(db);
  }
}

function ownerOrOperator() {
  return sql`owner_id = current_setting('matchwise.owner_id', true)
    or current_setting('matchwise.operator', true) = 'on'`;
}
