import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { defaultSmartPickSettings } from '../../core/smartpick/settings-schema.js';
import { LOCAL_OWNER_ID } from '../local-owner.js';
import { PglitePool } from '../pglite-pool.js';
import { createRepositories } from '../repositories.js';
import type { DatabaseSchema } from '../schema.js';
import { MIGRATION_TABLE, MIGRATIONS, migrateToLatest } from './index.js';

describe('migration 0005: SmartPick settings move into user_settings', () => {
  it('keeps the settings a user saved before the move', async () => {
    const kysely = new Kysely<DatabaseSchema>({
      dialect: new PostgresDialect({ pool: new PglitePool(await PGlite.create('memory://')) }),
    });
    try {
      const migrator = new Migrator({
        db: kysely,
        provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
        migrationTableName: MIGRATION_TABLE,
      });
      expect((await migrator.migrateTo('0004_user_settings')).error).toBeUndefined();
      const saved = { ...defaultSmartPickSettings(), signals: 7, pins: ['1209900101'] };
      await sql`insert into smartpick_settings (profile_id, data) values ('default', ${JSON.stringify(saved)}::jsonb)`.execute(
        kysely,
      );

      await migrateToLatest(kysely, 'public');

      expect(await createRepositories(kysely, LOCAL_OWNER_ID).smartpickSettings.get()).toEqual(saved);
      const tables = (await kysely.introspection.getTables()).map((table) => table.name);
      expect(tables).not.toContain('smartpick_settings');
    } finally {
      await kysely.destroy();
    }
  });
});
