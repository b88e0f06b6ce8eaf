import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RankListOdds } from '../../app/match/rank-list-simulation.js';
import { prepareRankListSimulation } from '../../app/match/rank-list-simulation.js';
import type { JobView } from '../../app/match/simulation-jobs.js';
import { createSimulationPool, type SimulationPool } from '../../app/match/simulation-pool.js';
import { simulateRankList } from '../../core/match/monte-carlo.js';
import { RUN_A_MATCH } from '../../core/match/testing/run-a-match.js';
import { emptyProfile } from '../../core/profile/applicant-profile.js';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { sendJson } from '../testing/send-json.js';

describeEachEngine('Match API', (engine) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let simulations: SimulationPool;
  const send = (method: string, path: string, body?: unknown) => sendJson(app, method, path, body);
  const poll = async (id: string): Promise<JobView<RankListOdds>> => {
    for (;;) {
      const job = (await (await send('GET', `/api/match/simulations/${id}`)).json()) as JobView<RankListOdds>;
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    db = await engine.open();
    simulations = createSimulationPool({ size: 1 });
    app = createApp({ db, logger: createLogger('silent'), simulations });
  });
  afterAll(async () => {
    await simulations?.close();
    await db?.close();
  });

  describe('solving a posted market', () => {
    it('gives the NRMP Run A Match result', async () => {
      const response = await send('POST', '/api/match/run', RUN_A_MATCH);
      expect(response.status).toBe(200);
      const result = await response.json();
      expect(
        new Set(
          result.matches.map((m: { applicant: string; program: string }) => `${m.applicant}→${m.program}`),
        ),
      ).toEqual(new Set(['Anderson→City', 'Eastman→City', 'Chen→Mercy', 'Davis→General', 'Ford→General']));
      expect(result.unfilled).toEqual([{ program: 'Mercy', positions: 1 }]);
      expect(result.status).toBe('stable');
    });

    it('names the field at fault in a bad market', async () => {
      const bad = { ...RUN_A_MATCH, applicants: [{ id: 'Anderson', rankList: ['Nowhere'] }] };
      const response = await send('POST', '/api/match/run', bad);
      expect(response.status).toBe(422);
      const problem = await response.json();
      expect(problem.errors.map((issue: { path: string }) => issue.path)).toContain(
        'applicants.0.rankList.0',
      );
    });
  });

  describe('rank-list simulations', () => {
    it('asks for a profile, then for a non-empty rank list', async () => {
      const noProfile = await send('POST', '/api/match/simulations', {});
      expect(noProfile.status).toBe(422);
      expect((await noProfile.json()).errors[0].path).toBe('profile');
      const profile = emptyProfile();
      await send('PUT', '/api/profile', {
        ...profile,
        applicantType: 'us-img',
        exams: { ...profile.exams, step2ck: 236 },
      });
      const empty = await send('POST', '/api/match/simulations', {});
      expect(empty.status).toBe(422);
      expect((await empty.json()).errors[0].path).toBe('rankList');
    });

    it('refuses programs that are not in the catalog, naming their place on the list', async () => {
      const response = await send('POST', '/api/match/simulations', { rankList: ['0000000000'] });
      expect(response.status).toBe(422);
      expect((await response.json()).errors[0].path).toBe('rankList.0');
    });

    it('simulates the saved list to the answer the core gives for the same input and seed', async () => {
      expect((await send('POST', '/api/catalog/demo')).status).toBe(201);
      const programs = (await (await send('GET', '/api/programs')).json()) as {
        items: { acgmeId: string; name: string }[];
      };
      const ranked = programs.items.slice(0, 3).map((program) => program.acgmeId);
      await db.rankList.save({ ranked, wouldNotAttend: [], couples: null, minimumRanked: 10 });

      const started = await send('POST', '/api/match/simulations', { runs: 20, seed: 11 });
      expect(started.status).toBe(202);
      const job = await poll((await started.json()).id);
      expect(job).toMatchObject({ status: 'done', completedRuns: 20, totalRuns: 20 });
      const odds = job.result as RankListOdds;
      expect(odds.synthetic).toBe(true);
      expect(odds.distribution.map((entry) => entry.acgmeId)).toEqual(ranked);
      expect(odds.distribution.map((entry) => entry.name)).toEqual(
        programs.items.slice(0, 3).map((p) => p.name),
      );
      expect(odds.ci95[0]).toBeLessThanOrEqual(odds.pMatch);
      expect(odds.ci95[1]).toBeGreaterThanOrEqual(odds.pMatch);
      // The model's figure beside it: 1 − Π(1 − chance) over the ranked programs, each chance a probability.
      expect(odds.model.perProgram.map((entry) => entry.acgmeId)).toEqual(ranked);
      const chances = odds.model.perProgram.map((entry) => entry.chance);
      for (const chance of chances) expect(chance).toBeGreaterThan(0);
      expect(odds.model.pMatch).toBeCloseTo(1 - chances.reduce((left, chance) => left * (1 - chance), 1), 12);
      expect(odds.assumptions.join(' ')).toContain('simulation error only');

      // The same input through the single-threaded core, independently of the job and pool.
      const prepared = await prepareRankListSimulation(db);
      if (!prepared.ok) throw new Error('preparation failed');
      const inline = simulateRankList(prepared.value.input, { runs: 20, seed: 11 });
      expect(odds.pMatch).toBe(inline.pMatch);
      expect(odds.distribution.map((entry) => entry.probability)).toEqual(
        inline.distribution.map((entry) => entry.probability),
      );
    });

    it('a what-if order is simulated without changing the saved list', async () => {
      const saved = (await db.rankList.get()).ranked;
      const reordered = [...saved].reverse();
      const started = await send('POST', '/api/match/simulations', { runs: 10, rankList: reordered });
      const job = await poll((await started.json()).id);
      expect(job.result?.distribution.map((entry) => entry.acgmeId)).toEqual(reordered);
      expect((await db.rankList.get()).ranked).toEqual(saved);
    });

    it('can be canceled, and unknown jobs are 404', async () => {
      const started = await send('POST', '/api/match/simulations', { runs: 20000 });
      const { id } = await started.json();
      expect((await send('DELETE', `/api/match/simulations/${id}`)).status).toBe(204);
      expect((await poll(id)).status).toBe('canceled');
      expect((await send('GET', '/api/match/simulations/nope')).status).toBe(404);
      expect((await send('DELETE', '/api/match/simulations/nope')).status).toBe(404);
    });

    it('checks the run count', async () => {
      for (const runs of [2, 20001]) {
        const response = await send('POST', '/api/match/simulations', { runs });
        expect(response.status).toBe(400);
        expect((await response.json()).errors[0].path).toBe('runs');
      }
    });

    it('runs at most two simulations at once, asking the third to retry later', async () => {
      // A pool that holds every run until it is canceled, so the jobs stay running for as long as the test needs.
      const held: SimulationPool = {
        size: 1,
        run: (_input, { signal }) =>
          new Promise((_resolve, reject) =>
            signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          ),
        close: async () => {},
      };
      const busy = createApp({ db, logger: createLogger('silent'), simulations: held });
      const start = (runs: number) => sendJson(busy, 'POST', '/api/match/simulations', { runs });
      const running = [await start(20000), await start(20000)];
      expect(running.map((response) => response.status)).toEqual([202, 202]);

      const refused = await start(10);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await refused.json()).title).toBe('Too many simulations are running');

      const [first, second] = await Promise.all(running.map(async (response) => (await response.json()).id));
      expect((await sendJson(busy, 'DELETE', `/api/match/simulations/${first}`)).status).toBe(204);
      const accepted = await start(10);
      expect(accepted.status).toBe(202);
      for (const id of [second, (await accepted.json()).id]) {
        await sendJson(busy, 'DELETE', `/api/match/simulations/${id}`);
      }
    });
  });
});
