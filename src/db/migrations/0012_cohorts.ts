import { type Kysely, sql } from 'kysely';

/**
 * Cohorts (hosted mode): groups whose members pool program research. Unlike every other applicant table these
 * rows are seen by several owners — every member of the cohort — so they carry no owner_id; row-level security
 * admits a row when the connection's owner (`matchwise.owner_id`) is a member of its cohort, or the operator.
 *
 * Membership policies cannot ask "is this owner a member?" with a query on cohort_members itself: the query
 * would apply the same policy again, without end. `matchwise_in_cohort` asks it with the operator setting on
 * for its own body only (put back before it returns), so its one fixed query passes the
 * policy's operator branch first. SECURITY DEFINER would not help: FORCE subjects the tables' owner — the
 * role that would define the function — to the policies too.
 *
 * Invitation links are looked up by the SHA-256 of their token through `matchwise_invitation`, the one way a
 * non-member reaches a cohort's row: knowing the token is the permission.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cohorts')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().check(sql`name <> ''`))
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('cohort_members')
    .addColumn('cohort_id', 'uuid', (col) => col.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('joined_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('cohort_members_pkey', ['cohort_id', 'user_id'])
    .execute();
  // "My cohorts" is asked on every SmartPick run: by member first.
  await db.schema.createIndex('cohort_members_user_idx').on('cohort_members').columns(['user_id']).execute();

  await db.schema
    .createTable('cohort_invitations')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('cohort_id', 'uuid', (col) => col.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('cohort_facts')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('cohort_id', 'uuid', (col) => col.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('acgme_id', 'text', (col) => col.notNull())
    .addColumn('program_name', 'text', (col) => col.notNull())
    .addColumn('fact_key', 'text', (col) => col.notNull())
    .addColumn('value', 'jsonb', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source <> ''`))
    .addColumn('as_of', 'text', (col) => col.notNull())
    .addColumn('shared_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    // A member's newer share of the same fact replaces their older one.
    .addUniqueConstraint('cohort_facts_one_per_member', ['cohort_id', 'user_id', 'acgme_id', 'fact_key'])
    .execute();
  await db.schema
    .createIndex('cohort_facts_program_idx')
    .on('cohort_facts')
    .columns(['cohort_id', 'acgme_id'])
    .execute();

  await db.schema
    .createTable('cohort_fact_confirmations')
    .addColumn('fact_id', 'uuid', (col) => col.notNull().references('cohort_facts.id').onDelete('cascade'))
    .addColumn('cohort_id', 'uuid', (col) => col.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('confirmed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('cohort_fact_confirmations_pkey', ['fact_id', 'user_id'])
    .execute();

  const me = sql`current_setting('matchwise.owner_id', true)`;
  const operator = sql`current_setting('matchwise.operator', true) = 'on'`;
  // set_config(…, true) is this transaction's only, and is put back before returning: the operator setting is on
  // for the function's own query and nothing else. (A SET clause on the function would say it more simply, but
  // PostgreSQL lets only a superuser attach a custom setting to a function.)
  await sql`create function matchwise_in_cohort(cohort uuid) returns boolean
    language plpgsql volatile
    as $$
    declare
      before text := coalesce(current_setting('matchwise.operator', true), '');
      found boolean;
    begin
      perform set_config('matchwise.operator', 'on', true);
      select exists (select 1 from cohort_members m
        where m.cohort_id = cohort and m.user_id = current_setting('matchwise.owner_id', true)) into found;
      perform set_config('matchwise.operator', before, true);
      return found;
    end $$`.execute(db);
  await sql`create function matchwise_invitation(hash text)
    returns table (id uuid, cohort_id uuid, cohort_name text, expires_at timestamptz, revoked_at timestamptz)
    language plpgsql volatile
    as $$
    declare
      before text := coalesce(current_setting('matchwise.operator', true), '');
    begin
      perform set_config('matchwise.operator', 'on', true);
      return query select i.id, i.cohort_id, c.name, i.expires_at, i.revoked_at
        from cohort_invitations i join cohorts c on c.id = i.cohort_id where i.token_hash = hash;
      perform set_config('matchwise.operator', before, true);
    end $$`.execute(db);

  for (const table of [
    'cohorts',
    'cohort_members',
    'cohort_invitations',
    'cohort_facts',
    'cohort_fact_confirmations',
  ]) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  }
  // The operator branch comes first in each: matchwise_in_cohort's own query passes on it.
  await sql`create policy members_see on cohorts for select
    using (${operator} or created_by = ${me} or matchwise_in_cohort(id))`.execute(db);
  await sql`create policy creator_adds on cohorts for insert
    with check (${operator} or created_by = ${me})`.execute(db);

  await sql`create policy members_see on cohort_members for select
    using (${operator} or user_id = ${me} or matchwise_in_cohort(cohort_id))`.execute(db);
  // One joins and leaves only oneself (the service checks the invitation before joining).
  await sql`create policy self_joins on cohort_members for insert
    with check (${operator} or user_id = ${me})`.execute(db);
  await sql`create policy self_leaves on cohort_members for delete
    using (${operator} or user_id = ${me})`.execute(db);

  const member = (column: string) => sql`${operator} or matchwise_in_cohort(${sql.ref(column)})`;
  await sql`create policy members_only on cohort_invitations
    using (${member('cohort_id')}) with check (${member('cohort_id')})`.execute(db);

  for (const table of ['cohort_facts', 'cohort_fact_confirmations']) {
    await sql`create policy members_see on ${sql.table(table)} for select
      using (${member('cohort_id')})`.execute(db);
    // A member writes only their own shares and confirmations, and only in their cohorts.
    const ownInCohort = sql`${operator} or (user_id = ${me} and matchwise_in_cohort(cohort_id))`;
    await sql`create policy members_write_own on ${sql.table(table)} for insert
      with check (${ownInCohort})`.execute(db);
    await sql`create policy members_change_own on ${sql.table(table)} for update
      using (${ownInCohort}) with check (${ownInCohort})`.execute(db);
    await sql`create policy members_remove_own on ${sql.table(table)} for delete
      using (${ownInCohort})`.execute(db);
  }
}
