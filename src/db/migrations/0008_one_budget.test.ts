import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { defaultSmartPickSettings } from '../../core/smartpick/settings-schema.js';
import { usImgProfile } from '../../core/smartpick/test-support.js';
import { LOCAL_OWNER_ID } from '../local-owner.js';
import { PglitePool } from '../pglite-pool.js';
import { createRepositories } from '../repositories.js';
import type { DatabaseSchema } from '../schema.js';
import { MIGRATION_TABLE, MIGRATIONS, migrateToLatest } from './index.js';

describe('migration 0008: one budget, the profile’s', () => {
  it('keeps the later of the two budgets in the profile and none in the settings', async () => {
    const kysely = new Kysely<DatabaseSchema>({
      dialect: new PostgresDialect({ pool: new PglitePool(await PGlite.create('memory://')) }),
    });
    try {
      const migrator = new Migrator({
        db: kysely,
        provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
        migrationTableName: MIGRATION_TABLE,
      });
      expect((await migrator.migrateTo('0007_interaction_purpose')).error).toBeUndefined();
      const store = async (
        id: string,
        profileBudget: number,
        listBudget: number,
        listSavedLater: boolean,
      ) => {
        const profile = { ...usImgProfile(), budget: { kind: 'dollars', dollars: profileBudget } };
        const settings = { ...defaultSmartPickSettings(), budget: { kind: 'dollars', dollars: listBudget } };
        const [profileAt, listAt] = listSavedLater
          ? ['2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z']
          : ['2026-11-02T00:00:00Z', '2026-11-01T00:00:00Z'];
        await sql`insert into profiles (id, data, updated_at) values (${id}, ${JSON.stringify(profile)}::jsonb, ${profileAt})`.execute(
          kysely,
        );
        await sql`insert into user_settings (profile_id, kind, data, updated_at) values (${id}, 'smartpick', ${JSON.stringify(settings)}::jsonb, ${listAt})`.execute(
          kysely,
        );
      };
      // The case: My list saved $2,000, then the profile was changed to $2,500
      await store('default', 2500, 2000, false);
      // The other way round: the profile said $1,500, then My list saved $1,800
      await store('other', 1500, 1800, true);

      await migrateToLatest(kysely, 'public');

      const repos = createRepositories(kysely, LOCAL_OWNER_ID);
      expect((await repos.profiles.get('default'))?.profile.budget).toEqual({
        kind: 'dollars',
        dollars: 2500,
      });
      expect((await repos.profiles.get('other'))?.profile.budget).toEqual({ kind: 'dollars', dollars: 1800 });
      expect((await repos.smartpickSettings.get('default')).budget).toBeNull();
      expect((await repos.smartpickSettings.get('other')).budget).toBeNull();
    } finally {
      await kysely.destroy();
    }
  });
});
