import { type Kysely, sql } from 'kysely';

/**
 * Rank-list simulations run as queued jobs in hosted mode, by whichever server process takes them off the
 * queue (pg-boss, its own schema), so what a page polls — status, progress, result — is kept here, where every
 * process reads it. A job belongs to the user who started it (`owner_id`); nobody else can see or cancel it.
 * Local mode keeps its jobs in memory and leaves this table empty.
 *
 * Row-level security as on every owned table (0010_owners.ts): a connection sees only the rows of the owner in
 * its `matchwise.owner_id` setting, or all of them with `matchwise.operator` on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('simulation_jobs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('owner_id', 'text', (col) => col.notNull().check(sql`owner_id <> ''`))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('running', 'done', 'failed', 'canceled')`),
    )
    .addColumn('completed_runs', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('total_runs', 'integer', (col) => col.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // The limit on running jobs counts one owner's running rows.
  await db.schema
    .createIndex('simulation_jobs_owner_status')
    .on('simulation_jobs')
    .columns(['owner_id', 'status'])
    .execute();
  await sql`alter table simulation_jobs enable row level security`.execute(db);
  await sql`alter table simulation_jobs force row level security`.execute(db);
  const ownerOrOperator = sql`owner_id = current_setting('matchwise.owner_id', true)
    or current_setting('matchwise.operator', true) = 'on'`;
  await sql`create policy owner_rows on simulation_jobs
    using (${ownerOrOperator}) with check (${ownerOrOperator})`.execute(db);
}
