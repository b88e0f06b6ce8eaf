import { type Kysely, sql } from 'kysely';
import { type ApplicantProfile, applicantProfileSchema } from '../core/profile/applicant-profile.js';
import { parseStoredRow } from './parse-stored-row.js';
import type { DatabaseSchema } from './schema.js';

export interface SavedProfile {
  profile: ApplicantProfile;
  /** ISO 8601 timestamp of the last save. */
  updatedAt: string;
}

/** Matchwise is single-user and local-first: one profile, under this id, unless a caller says otherwise. */
export const DEFAULT_PROFILE_ID = 'default';

export interface ProfileRepository {
  get(id?: string): Promise<SavedProfile | null>;
  /** Validates with the core schema (throws on an invalid profile), then creates or replaces it. */
  save(profile: ApplicantProfile, id?: string): Promise<SavedProfile>;
}

/** One owner's profiles: every read filters by `ownerId`, every write stores it. */
export function createProfileRepository(db: Kysely<DatabaseSchema>, ownerId: string): ProfileRepository {
  return {
    async get(id = DEFAULT_PROFILE_ID) {
      const row = await db
        .selectFrom('profiles')
        .select(['data', 'updated_at'])
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return {
        profile: parseStoredRow(applicantProfileSchema, row.data, `profile ${id}`),
        updatedAt: row.updated_at.toISOString(),
      };
    },

    async save(profile, id = DEFAULT_PROFILE_ID) {
      const valid = applicantProfileSchema.parse(profile);
      const data = JSON.stringify(valid);
      const row = await db
        .insertInto('profiles')
        .values({ owner_id: ownerId, id, data })
        .onConflict((oc) =>
          oc.columns(['owner_id', 'id']).doUpdateSet({ data, updated_at: sql<Date>`now()` }),
        )
        .returning('updated_at')
        .executeTakeFirstOrThrow();
      return { profile: valid, updatedAt: row.updated_at.toISOString() };
    },
  };
}
