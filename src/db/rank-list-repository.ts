import { type Kysely, sql } from 'kysely';
import { emptyRankList, type RankList, rankListSchema } from '../core/season/rank-list.js';
import { parseStoredRow } from './parse-stored-row.js';
import { DEFAULT_PROFILE_ID } from './profiles-repository.js';
import type { DatabaseSchema } from './schema.js';

export interface StoredRankList extends RankList {
  /** Null until the list is first saved. */
  updatedAt: string | null;
}

export interface RankListRepository {
  /** The saved list, or an empty one. */
  get(profileId?: string): Promise<StoredRankList>;
  /** Validates with the core schema (throws when invalid), then creates or replaces. */
  save(list: RankList, profileId?: string): Promise<StoredRankList>;
}

/** One owner's rank lists: every read filters by `ownerId`, every write stores it. */
export function createRankListRepository(db: Kysely<DatabaseSchema>, ownerId: string): RankListRepository {
  const get = async (profileId = DEFAULT_PROFILE_ID): Promise<StoredRankList> => {
    const row = await db
      .selectFrom('rank_lists')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('profile_id', '=', profileId)
      .executeTakeFirst();
    if (!row) return { ...emptyRankList(), updatedAt: null };
    const list = parseStoredRow(
      rankListSchema,
      {
        ranked: row.ranked,
        wouldNotAttend: row.would_not_attend,
        couples: row.couples,
        minimumRanked: row.minimum_ranked,
      },
      `rank list ${profileId}`,
    );
    return { ...list, updatedAt: new Date(row.updated_at).toISOString() };
  };

  return {
    get,
    async save(list, profileId = DEFAULT_PROFILE_ID) {
      const l = rankListSchema.parse(list);
      const row = {
        ranked: JSON.stringify(l.ranked),
        would_not_attend: JSON.stringify(l.wouldNotAttend),
        couples: l.couples === null ? null : JSON.stringify(l.couples),
        minimum_ranked: l.minimumRanked,
      };
      await db
        .insertInto('rank_lists')
        .values({ owner_id: ownerId, profile_id: profileId, ...row })
        .onConflict((oc) =>
          oc.columns(['owner_id', 'profile_id']).doUpdateSet({ ...row, updated_at: sql<Date>`now()` }),
        )
        .execute();
      return get(profileId);
    },
  };
}
