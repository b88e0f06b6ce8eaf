import { type Kysely, sql } from 'kysely';

/**
 * Advisor sharing (hosted mode). `advisor_grants` holds invitations and the access they become: it links two
 * accounts, the applicant who shares and the advisor who reads, so — like sessions — nobody owns it alone; it
 * is how the application layer decides, on every request, whether an advisor may read an advisee's data
 * (src/app/sharing). Only the SHA-256 hash of an invitation's one-time token is stored.
 *
 * Comments and the audit log are the applicant's data (owner_id = the applicant, whoever wrote the row):
 * advisors write them through the applicant's owner scope after their grant is checked, and row-level
 * security walls them off as on every owned table (0010_owners.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('advisor_grants')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('applicant_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('advisor_id', 'uuid', (col) => col.references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('scopes', 'jsonb', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addCheckConstraint('advisor_grants_accepted_check', sql`(advisor_id is null) = (accepted_at is null)`)
    .execute();
  await db.schema
    .createIndex('advisor_grants_applicant_idx')
    .on('advisor_grants')
    .column('applicant_id')
    .execute();
  await db.schema
    .createIndex('advisor_grants_advisor_idx')
    .on('advisor_grants')
    .column('advisor_id')
    .execute();

  await db.schema
    .createTable('advisor_comments')
    .addColumn('owner_id', 'text', (col) => col.notNull().check(sql`owner_id <> ''`))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('author_id', 'text', (col) => col.notNull())
    .addColumn('author_email', 'text', (col) => col.notNull())
    .addColumn('acgme_id', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('read_at', 'timestamptz')
    .addPrimaryKeyConstraint('advisor_comments_pkey', ['owner_id', 'id'])
    .execute();
  await db.schema
    .createIndex('advisor_comments_owner_program_idx')
    .on('advisor_comments')
    .columns(['owner_id', 'acgme_id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('owner_id', 'text', (col) => col.notNull().check(sql`owner_id <> ''`))
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addColumn('actor_email', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('detail', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('audit_log_owner_at_idx').on('audit_log').columns(['owner_id', 'at']).execute();

  for (const table of ['advisor_comments', 'audit_log']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    const ownerOrOperator = sql`owner_id = current_setting('matchwise.owner_id', true)
      or current_setting('matchwise.operator', true) = 'on'`;
    await sql`create policy owner_rows on ${sql.table(table)}
      using (${ownerOrOperator}) with check (${ownerOrOperator})`.execute(db);
  }
}
