import type { OwnerDatabase } from '../db/index.js';

/** Users whose services are kept: enough for the people active at once; an evicted one is rebuilt on return. */
const KEPT_OWNERS = 64;

/**
 * One `T` per owner, built from that owner's data on first use and kept for the most recent owners: a service
 * with a cache (SmartPick's My list) then caches one user's results only, and no user's request can be
 * answered from another's.
 *
 * @example
 * const smartpickFor = perOwner((owned) => withRecommendCache(createSmartPickService(owned, pool), …));
 * smartpickFor(c.var.db).recommend();
 */
export function perOwner<T>(build: (db: OwnerDatabase) => T): (db: OwnerDatabase) => T {
  const kept = new Map<string, T>();
  return (db) => {
    let value = kept.get(db.ownerId);
    if (value === undefined) value = build(db);
    else kept.delete(db.ownerId);
    kept.set(db.ownerId, value);
    if (kept.size > KEPT_OWNERS) kept.delete(kept.keys().next().value as string);
    return value;
  };
}
