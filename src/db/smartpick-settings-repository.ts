import { type Kysely, sql } from 'kysely';
import {
  defaultSmartPickSettings,
  type SmartPickSettings,
  smartPickSettingsSchema,
} from '../core/smartpick/settings-schema.js';
import { parseStoredRow } from './parse-stored-row.js';
import { DEFAULT_PROFILE_ID } from './profiles-repository.js';
import type { DatabaseSchema } from './schema.js';

export interface SmartPickSettingsRepository {
  /** The saved settings, or the defaults when none were saved. */
  get(profileId?: string): Promise<SmartPickSettings>;
  /** Validates with the core schema (throws when invalid), then creates or replaces. */
  save(settings: SmartPickSettings, profileId?: string): Promise<SmartPickSettings>;
}

export function createSmartPickSettingsRepository(db: Kysely<DatabaseSchema>): SmartPickSettingsRepository {
  return {
    async get(profileId = DEFAULT_PROFILE_ID) {
      const row = await db
        .selectFrom('smartpick_settings')
        .select('data')
        .where('profile_id', '=', profileId)
        .executeTakeFirst();
      return row
        ? parseStoredRow(smartPickSettingsSchema, row.data, `SmartPick settings ${profileId}`)
        : defaultSmartPickSettings();
    },

    async save(settings, profileId = DEFAULT_PROFILE_ID) {
      const valid = smartPickSettingsSchema.parse(settings);
      const data = JSON.stringify(valid);
      await db
        .insertInto('smartpick_settings')
        .values({ profile_id: profileId, data })
        .onConflict((oc) => oc.column('profile_id').doUpdateSet({ data, updated_at: sql<Date>`now()` }))
        .execute();
      return valid;
    },
  };
}
