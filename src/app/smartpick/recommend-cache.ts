import type { Recommendation } from '../../core/smartpick/index.js';
import type { SmartPickService } from './smartpick-service.js';

export interface RecommendCacheOptions {
  /** Changes whenever anything SmartPick reads may have changed (see readDataVersion). */
  dataVersion: () => Promise<string>;
  /** The service's clock: a new day can move the match year, so it is part of the key. */
  now?: () => Date;
  /** Lists kept: the saved settings plus a few overrides being tried on My list. */
  size?: number;
}

/**
 * My list without recomputing it: the same request (settings overrides) against the same data — profile,
 * catalog, network, settings, season: anything written moves `dataVersion` — on the same day gets the list
 * computed before. Only successful lists are kept, after they are computed, so an aborted or failed request
 * leaves nothing behind. Everything else goes straight to `service`.
 *
 * @example
 * const smartpick = withRecommendCache(createSmartPickService(db, pool), {
 *   dataVersion: () => readDataVersion(db.kysely),
 * });
 */
export function withRecommendCache(
  service: SmartPickService,
  { dataVersion, now = () => new Date(), size = 8 }: RecommendCacheOptions,
): SmartPickService {
  const lists = new Map<string, Recommendation>();
  return {
    ...service,
    async recommend(overrides, options) {
      const key = JSON.stringify([await dataVersion(), now().toISOString().slice(0, 10), overrides ?? {}]);
      const cached = lists.get(key);
      if (cached) {
        // Most recently used last, so the oldest is the first key when the cache is full.
        lists.delete(key);
        lists.set(key, cached);
        return { ok: true, value: cached };
      }
      const result = await service.recommend(overrides, options);
      if (result.ok) {
        lists.set(key, result.value);
        if (lists.size > size) lists.delete(lists.keys().next().value as string);
      }
      return result;
    },
  };
}
