import { connectionsById } from '../../core/network/program-connections.js';
import type { RecommendInput } from '../../core/smartpick/index.js';
import type { ConnectionsById } from '../../core/smartpick/types.js';
import type { OwnerDatabase } from '../../db/index.js';
import { loadNetwork } from '../network/network-service.js';
import { todayIso } from '../today.js';

export type SeasonInput = NonNullable<RecommendInput['season']>;

/**
 * What the season holds, as SmartPick's P(match) now reads it: the stored applications, today's date on the
 * service's clock and the stored rank list. My list, `matchwise pick` and the rank-list page all read it here,
 * so one situation gives one answer.
 */
export async function loadSeasonInput(db: OwnerDatabase, now: Date): Promise<SeasonInput> {
  const [applications, rankList] = await Promise.all([db.applications.list(), db.rankList.get()]);
  return { applications, today: todayIso(now), rankList: rankList.ranked };
}

/** The applicant's network by ACGME id, as the interview model's network factor reads it. */
export async function loadConnections(db: OwnerDatabase): Promise<ConnectionsById> {
  return connectionsById(await loadNetwork(db));
}
