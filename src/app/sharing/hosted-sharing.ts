import type { Kysely } from 'kysely';
import type { AdvisorGrantTables } from '../../db/advisor-grants-repository.js';
import { createAdvisorGrantsRepository } from '../../db/advisor-grants-repository.js';
import type { Database, OwnerDatabase } from '../../db/index.js';
import type { SmartPickService } from '../smartpick/smartpick-service.js';
import { createSharingService, type SharingService } from './sharing-service.js';

/**
 * Sharing over the whole database: grants through the connection that has no owner (they link two accounts),
 * every applicant's data through `forOwner`, and `smartpickFor` — the app's own, the one each applicant's
 * My list is served by — so the advisor is shown the applicant's own number, cache and all.
 */
export function sharingFor(
  db: Database,
  now: () => Date,
  smartpickFor: (owner: OwnerDatabase) => SmartPickService,
): SharingService {
  // The same connection, seen as the grants table (not in DatabaseSchema: only this service reads it).
  const grants = createAdvisorGrantsRepository(db.kysely as unknown as Kysely<AdvisorGrantTables>);
  return createSharingService({
    grants,
    ownerData: (ownerId) => db.forOwner(ownerId),
    smartpickFor,
    now,
  });
}
