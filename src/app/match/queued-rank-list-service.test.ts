import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateRankList } from '../../core/match/monte-carlo.js';
import { emptyProfile } from '../../core/profile/applicant-profile.js';
import { type Database, openDatabase } from '../../db/index.js';
import { createSimulationJobsRepository } from '../../db/simulation-jobs-repository.js';
import { POSTGRES_REQUIRED_MESSAGE, POSTGRES_SKIPPED_MESSAGE } from '../../db/testing/engines.js';
import { testProgram } from '../../db/testing/program-fixtures.js';
import { startQueuedRankListService } from './queued-rank-list-service.js';
import type { RankListService } from './rank-list-service.js';
import { prepareRankListSimulation, type RankListOdds } from './rank-list-simulation.js';
import { JobLimitError, type JobView } from './simulation-jobs.js';
import { createSimulationPool, type SimulationPool } from './simulation-pool.js';

/**
 * Two services on one PostgreSQL database stand for two server processes (the real two-process test is
 * src/server/two-processes.test.ts): one submits without running anything, the other runs what is queued.
 */

const databaseUrl = process.env.DATABASE_URL?.trim();
const ALICE = 'owner-alice';
const BOB = 'owner-bob';
const PROGRAMS = ['1203521001', '1203521002', '1203521003'];

/** A pool that holds every run until it is aborted: a job that stays running for as long as a test needs. */
function heldPool(): SimulationPool & { started: number } {
  const pool = {
    size: 1,
    started: 0,
    run: (_input: unknown, { signal }: { signal?: AbortSignal }) => {
      pool.started++;
      return new Promise<never>((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    },
    close: async () => {},
  };
  return pool as SimulationPool & { started: number };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

if (!databaseUrl) {
  describe('queued rank-list simulations [postgres]', () => {
    if (process.env.CI === 'true') {
      it(POSTGRES_REQUIRED_MESSAGE, () => {
        throw new Error(POSTGRES_REQUIRED_MESSAGE);
      });
    } else {
      it.skip(POSTGRES_SKIPPED_MESSAGE, () => {});
    }
  });
} else {
  describe('queued rank-list simulations [postgres]', () => {
    const schema = `matchwise_test_${randomBytes(6).toString('hex')}`;
    const queueSchema = `${schema}_queue`;
    let db: Database;
    const pools: SimulationPool[] = [];
    const services: RankListService[] = [];

    const start = async (workers: number, pool: SimulationPool = createSimulationPool({ size: 1 })) => {
      pools.push(pool);
      const service = await startQueuedRankListService({
        dataFor: (ownerId) => ({ ...db, ...db.forOwner(ownerId) }),
        jobsFor: (ownerId) => createSimulationJobsRepository(db.kysely, ownerId),
        databaseUrl,
        queueSchema,
        pool,
        workers,
        pollingIntervalSeconds: 0.5,
      });
      services.push(service);
      return service;
    };

    beforeAll(async () => {
      db = await openDatabase({ databaseUrl, schema });
      for (const ownerId of [ALICE, BOB]) {
        const owner = db.forOwner(ownerId);
        const profile = emptyProfile();
        await owner.profiles.save({
          ...profile,
          applicantType: 'us-img',
          exams: { ...profile.exams, step2ck: 236 },
        });
        await owner.programs.upsertMany(
          PROGRAMS.map((acgmeId, i) => testProgram({ acgmeId, name: `Program ${i + 1}` })),
        );
      }
    });

    afterAll(async () => {
      for (const service of services) await service.close();
      for (const pool of pools) await pool.close();
      if (db) {
        await db.operatorKysely().schema.dropSchema(queueSchema).ifExists().cascade().execute();
        await db.operatorKysely().schema.dropSchema(schema).ifExists().cascade().execute();
        await db.close();
      }
    });

    it('a US IMG’s simulation submitted where nothing runs is run by the other process, to the core’s answer', async () => {
      const submitter = await start(0);
      const runner = await start(1);
      const started = await submitter.start(ALICE, { runs: 40, seed: 9, rankList: PROGRAMS });
      if (!started.ok) throw new Error(started.error.title);
      const { id } = started.value;

      const done = await until(
        () => submitter.get(ALICE, id),
        (view) => view?.status !== 'running',
      );
      expect(done).toMatchObject({ status: 'done', completedRuns: 40, totalRuns: 40, error: null });
      const prepared = await prepareRankListSimulation(
        { ...db, ...db.forOwner(ALICE) },
        { rankList: PROGRAMS },
      );
      if (!prepared.ok) throw new Error(prepared.error.title);
      const inline = simulateRankList(prepared.value.input, { runs: 40, seed: 9 });
      expect(done?.result?.pMatch).toBe(inline.pMatch);
      expect(await runner.get(ALICE, id)).toEqual(done);

      // Bob can neither see nor cancel Alice's job, through either process.
      expect(await submitter.get(BOB, id)).toBeNull();
      expect(await runner.cancel(BOB, id)).toBe(false);
      expect((await submitter.get(ALICE, id))?.status).toBe('done');

      // Row-level security, the second wall: a connection stating no owner sees none of the jobs.
      expect(await db.kysely.selectFrom('simulation_jobs').select('id').execute()).toEqual([]);
      const all = await db.operatorKysely().selectFrom('simulation_jobs').select('id').execute();
      expect(all.map((row) => row.id)).toContain(id);
    }, 120_000);

    it('two unfinished jobs per user across processes; a third is refused, another user is not', async () => {
      const [a, b] = services as [RankListService, RankListService];
      const long = { runs: 20000, rankList: PROGRAMS };
      const first = await a.start(ALICE, long);
      const second = await b.start(ALICE, long);
      await expect(a.start(ALICE, long)).rejects.toBeInstanceOf(JobLimitError);
      const bobs = await b.start(BOB, { runs: 10, rankList: PROGRAMS });
      expect(bobs.ok).toBe(true);

      for (const started of [first, second]) {
        if (!started.ok) throw new Error('not started');
        expect(await a.cancel(ALICE, started.value.id)).toBe(true);
        expect((await b.get(ALICE, started.value.id))?.status).toBe('canceled');
      }
      // The runner's worker, freed by the cancel, gets to Bob's job.
      if (!bobs.ok) throw new Error('not started');
      const bobsDone = await until(
        () => a.get(BOB, bobs.value.id),
        (view) => view?.status !== 'running',
      );
      expect(bobsDone?.status).toBe('done');
    }, 120_000);

    it('a process that stops mid-run hands the job back, and another runs it to the end', async () => {
      for (const service of services.splice(0)) await service.close();
      const submitter = await start(0);
      const held = heldPool();
      const stopping = await start(1, held);
      const started = await submitter.start(ALICE, { runs: 30, seed: 4, rankList: PROGRAMS });
      if (!started.ok) throw new Error(started.error.title);
      await until(
        async () => held.started,
        (count) => count > 0,
      );

      await stopping.close();
      expect((await submitter.get(ALICE, started.value.id))?.status).toBe('running');
      await start(1);
      const done = await until(
        () => submitter.get(ALICE, started.value.id),
        (view: JobView<RankListOdds> | null) => view?.status !== 'running',
      );
      expect(done).toMatchObject({ status: 'done', completedRuns: 30 });
    }, 120_000);
  });
}
