import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { parseStoredRow } from './parse-stored-row.js';
import { DEFAULT_PROFILE_ID } from './profiles-repository.js';
import type { DatabaseSchema } from './schema.js';

export interface SettingsRepository<T> {
  /** The saved settings, or the defaults when none were saved. */
  get(profileId?: string): Promise<T>;
  /** Validates with the core schema (throws when invalid), then creates or replaces. */
  save(settings: T, profileId?: string): Promise<T>;
}

/**
 * One settings document of `kind` per profile of one owner in the user_settings table, validated both ways by
 * `schema`.
 */
export function createSettingsRepository<S extends z.ZodType>(
  db: Kysely<DatabaseSchema>,
  ownerId: string,
  kind: string,
  schema: S,
  defaults: () => z.infer<S>,
): SettingsRepository<z.infer<S>> {
  return {
    async get(profileId = DEFAULT_PROFILE_ID) {
      const row = await db
        .selectFrom('user_settings')
        .select('data')
        .where('owner_id', '=', ownerId)
        .where('profile_id', '=', profileId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return row ? parseStoredRow(schema, row.data, `${kind} settings ${profileId}`) : defaults();
    },

    async save(settings, profileId = DEFAULT_PROFILE_ID) {
      const valid = schema.parse(settings);
      const data = JSON.stringify(valid);
      await db
        .insertInto('user_settings')
        .values({ owner_id: ownerId, profile_id: profileId, kind, data })
        .onConflict((oc) =>
          oc.columns(['owner_id', 'profile_id', 'kind']).doUpdateSet({ data, updated_at: sql<Date>`now()` }),
        )
        .execute();
      return valid;
    },
  };
}
