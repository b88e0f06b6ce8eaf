import { describe, expect, it } from 'vitest';
import { err, ok } from '../../core/shared/result.js';
import type { Recommendation } from '../../core/smartpick/index.js';
import { withRecommendCache } from './recommend-cache.js';
import type { SmartPickService } from './smartpick-service.js';

/** A service that numbers the lists it computes, so a test sees which answers were computed and which cached. */
function countingService() {
  let computed = 0;
  const service = {
    recommend: async (overrides?: object) =>
      (overrides as { fail?: boolean } | undefined)?.fail
        ? err({ status: 400 as const, title: 'bad settings', issues: [] })
        : ok({ computed: ++computed } as unknown as Recommendation),
  } as unknown as SmartPickService;
  return { service, computed: () => computed };
}

const numberOf = async (result: ReturnType<SmartPickService['recommend']>) => {
  const settled = await result;
  return settled.ok ? (settled.value as unknown as { computed: number }).computed : null;
};

describe('withRecommendCache', () => {
  it('answers the same request on the same data from the cache', async () => {
    const { service, computed } = countingService();
    const cached = withRecommendCache(service, { dataVersion: async () => 'v1' });
    expect(await numberOf(cached.recommend({ signals: 5 }))).toBe(1);
    expect(await numberOf(cached.recommend({ signals: 5 }))).toBe(1);
    expect(await numberOf(cached.recommend({ signals: 6 }))).toBe(2);
    expect(await numberOf(cached.recommend())).toBe(3);
    expect(computed()).toBe(3);
  });

  it('computes again once anything was written, or on a new day', async () => {
    const { service } = countingService();
    let version = 'v1';
    let today = new Date('2026-09-01T12:00:00Z');
    const cached = withRecommendCache(service, { dataVersion: async () => version, now: () => today });
    expect(await numberOf(cached.recommend())).toBe(1);
    version = 'v2';
    expect(await numberOf(cached.recommend())).toBe(2);
    today = new Date('2026-09-02T00:00:01Z');
    expect(await numberOf(cached.recommend())).toBe(3);
  });

  it('keeps no failed answer, and forgets the least recently used list beyond its size', async () => {
    const { service } = countingService();
    const cached = withRecommendCache(service, { dataVersion: async () => 'v1', size: 2 });
    expect((await cached.recommend({ fail: true } as object)).ok).toBe(false);
    expect(await numberOf(cached.recommend({ signals: 1 }))).toBe(1);
    expect(await numberOf(cached.recommend({ signals: 2 }))).toBe(2);
    expect(await numberOf(cached.recommend({ signals: 1 }))).toBe(1); // used again: now the newest
    expect(await numberOf(cached.recommend({ signals: 3 }))).toBe(3); // evicts signals: 2
    expect(await numberOf(cached.recommend({ signals: 1 }))).toBe(1);
    expect(await numberOf(cached.recommend({ signals: 2 }))).toBe(4);
  });
});
