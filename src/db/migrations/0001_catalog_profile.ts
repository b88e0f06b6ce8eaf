import { type Kysely, sql } from 'kysely';

/**
 * The program catalog, the applicant profile and the import history.
 *
 * Migrations take `Kysely<any>` on purpose: they describe the schema as it was when they were written,
 * so they must not depend on `DatabaseSchema`, which follows the latest migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('programs')
    .addColumn('acgme_id', 'text', (col) => col.primaryKey())
    .addColumn('nrmp_code', 'text')
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('institution', 'text')
    .addColumn('city', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('census_division', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('specialty', 'text', (col) => col.notNull())
    .addColumn('positions', 'integer')
    .addColumn('program_type', 'text')
    .addColumn('facts', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('synthetic', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('origin', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.createIndex('programs_state_idx').on('programs').column('state').execute();
  await db.schema.createIndex('programs_specialty_idx').on('programs').column('specialty').execute();

  await db.schema
    .createTable('profiles')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('data', 'jsonb', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('import_reports')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('filename', 'text', (col) => col.notNull())
    .addColumn('report', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
