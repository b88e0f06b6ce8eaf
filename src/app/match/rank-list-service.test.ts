import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfile } from '../../core/profile/applicant-profile.js';
import type { Database } from '../../db/index.js';
import { testEngines } from '../../db/testing/engines.js';
import { testProgram } from '../../db/testing/program-fixtures.js';
import { createRankListService } from './rank-list-service.js';
import type { SimulationPool } from './simulation-pool.js';

/** A pool that holds every run until it is aborted, so a job stays running while the test looks at it. */
const held: SimulationPool = {
  size: 1,
  run: (_input, { signal }) =>
    new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))),
  close: async () => {},
};

describe('rank-list simulations in this process (local mode, the static edition)', () => {
  let db: Database;

  beforeAll(async () => {
    const pglite = testEngines().find((engine) => engine.name === 'pglite');
    if (!pglite) throw new Error('PGlite is always available');
    db = await pglite.open();
    for (const ownerId of ['owner-alice', 'owner-bob']) {
      const owner = db.forOwner(ownerId);
      await owner.profiles.save({ ...emptyProfile(), applicantType: 'us-img' });
      await owner.programs.upsertMany([testProgram()]);
    }
  });
  afterAll(() => db?.close());

  it('a job is its starter’s alone: another user can neither see nor cancel it', async () => {
    const service = createRankListService((ownerId) => ({ ...db, ...db.forOwner(ownerId) }), held);
    const started = await service.start('owner-alice', { runs: 100, rankList: [testProgram().acgmeId] });
    if (!started.ok) throw new Error(started.error.title);
    const { id } = started.value;

    expect(await service.get('owner-bob', id)).toBeNull();
    expect(await service.cancel('owner-bob', id)).toBe(false);
    expect((await service.get('owner-alice', id))?.status).toBe('running');

    expect(await service.cancel('owner-alice', id)).toBe(true);
    expect((await service.get('owner-alice', id))?.status).toBe('canceled');
    await service.close();
  });

  it('prepares from the starter’s own data: a user without a profile is asked for one', async () => {
    const service = createRankListService((ownerId) => ({ ...db, ...db.forOwner(ownerId) }), held);
    const refused = await service.start('owner-carol', { runs: 100, rankList: [testProgram().acgmeId] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.issues[0]?.path).toBe('profile');
    await service.close();
  });
});
