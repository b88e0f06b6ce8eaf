import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as catalogProfile from './0001_catalog_profile.js';
import * as smartpickSettings from './0002_smartpick_settings.js';
import * as network from './0003_network.js';
import * as userSettings from './0004_user_settings.js';
import * as smartpickSettingsMoved from './0005_smartpick_settings_to_user_settings.js';
import * as season from './0006_season.js';
import * as interactionPurpose from './0007_interaction_purpose.js';
import * as oneBudget from './0008_one_budget.js';
import * as accounts from './0009_accounts.js';
import * as owners from './0010_owners.js';
import * as simulationJobs from './0011_simulation_jobs.js';
import * as cohorts from './0012_cohorts.js';
import * as advisorSharing from './0013_advisor_sharing.js';

/**
 * Every migration, applied in key order. Forward-only: a migration is never edited or removed once it has
 * shipped, because local databases in users' home directories already recorded it. To change the schema,
 * add the next file (e.g. `0002_saved_lists.ts`) and list it here.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_catalog_profile': catalogProfile,
  '0002_smartpick_settings': smartpickSettings,
  '0003_network': network,
  '0004_user_settings': userSettings,
  '0005_smartpick_settings_to_user_settings': smartpickSettingsMoved,
  '0006_season': season,
  '0007_interaction_purpose': interactionPurpose,
  '0008_one_budget': oneBudget,
  '0009_accounts': accounts,
  '0010_owners': owners,
  '0011_simulation_jobs': simulationJobs,
  '0012_cohorts': cohorts,
  '0013_advisor_sharing': advisorSharing,
};

/** The table that records which migrations ran, with their timestamps (Kysely's default name). */
export const MIGRATION_TABLE = 'kysely_migration';

/**
 * Brings the schema up to date. Safe to call on every start: applied migrations are skipped, and
 * Kysely's migration lock keeps two processes from applying the same one.
 *
 * @param schema the PostgreSQL schema the tables live in. The migration table is pinned to it because
 *   Kysely otherwise looks for its table in any schema, and would find another test schema's.
 */
export async function migrateToLatest(
  // Any Kysely: migrations run against the schema as it was at each step, not today's DatabaseSchema.
  db: Kysely<any>,
  schema: string,
): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    migrationTableName: MIGRATION_TABLE,
    migrationTableSchema: schema,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const which = failed ? `migration ${failed}` : 'migration';
    throw new Error(`Database ${which} failed: ${errorMessage(result.error)}`, { cause: result.error });
  }
  return result;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
