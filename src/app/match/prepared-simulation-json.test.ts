import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateRankList } from '../../core/match/monte-carlo.js';
import { emptyProfile } from '../../core/profile/applicant-profile.js';
import type { Database } from '../../db/index.js';
import { testEngines } from '../../db/testing/engines.js';
import { testProgram } from '../../db/testing/program-fixtures.js';
import { decodePreparedSimulation, encodePreparedSimulation } from './prepared-simulation-json.js';
import { type PreparedSimulation, prepareRankListSimulation } from './rank-list-simulation.js';

describe('a prepared simulation sent through the job queue as text', () => {
  let db: Database;
  let prepared: PreparedSimulation;

  beforeAll(async () => {
    const pglite = testEngines().find((engine) => engine.name === 'pglite');
    if (!pglite) throw new Error('PGlite is always available');
    db = await pglite.open();
    // A US IMG who has not taken Step 2 CK yet: the screen's score is NaN, which plain JSON turns into null.
    await db.profiles.save({ ...emptyProfile(), applicantType: 'us-img' });
    const ids = ['1203521001', '1203521002', '1203521003'];
    await db.programs.upsertMany(
      ids.map((acgmeId, i) =>
        testProgram({ acgmeId, name: `Program ${i + 1}`, positions: i === 2 ? null : 6 }),
      ),
    );
    const result = await prepareRankListSimulation(db, { rankList: ids });
    if (!result.ok) throw new Error(result.error.title);
    prepared = result.value;
  });
  afterAll(() => db?.close());

  it('comes back equal, the missing score still NaN and the names still a Map', () => {
    expect(Number.isNaN(prepared.input.screen.score)).toBe(true);
    expect(JSON.parse(JSON.stringify(prepared.input.screen)).score).toBeNull();

    const decoded = decodePreparedSimulation(encodePreparedSimulation(prepared));
    expect(Number.isNaN(decoded.input.screen.score)).toBe(true);
    expect(decoded.names).toBeInstanceOf(Map);
    expect(decoded).toEqual(prepared);
  });

  it('simulates to the same answer with the same seed', () => {
    const decoded = decodePreparedSimulation(encodePreparedSimulation(prepared));
    expect(simulateRankList(decoded.input, { runs: 16, seed: 5 })).toEqual(
      simulateRankList(prepared.input, { runs: 16, seed: 5 }),
    );
  });
});
