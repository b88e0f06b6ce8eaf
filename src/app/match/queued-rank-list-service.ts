import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { ok } from '../../core/shared/result.js';
import type { SimulationJobsRepository, StoredSimulationJob } from '../../db/simulation-jobs-repository.js';
import { decodePreparedSimulation, encodePreparedSimulation } from './prepared-simulation-json.js';
import type { OwnerData, RankListService } from './rank-list-service.js';
import { prepareRankListSimulation, type RankListOdds, toRankListOdds } from './rank-list-simulation.js';
import { JobLimitError, type JobView } from './simulation-jobs.js';
import type { SimulationPool } from './simulation-pool.js';

/** The pg-boss queue rank-list simulations wait in. */
export const SIMULATION_QUEUE = 'rank-list-simulation';

/** How long a job may exist in simulation_jobs before its queue job does (admitted, not yet sent). */
const UNSENT_GRACE_MS = 60_000;

/** What a queued job carries: whose it is and everything needed to run it, nothing read again at run time. */
interface QueuedSimulation {
  ownerId: string;
  runs: number;
  seed: number | null;
  /** encodePreparedSimulation's text: the list and profile as they were when the request was checked. */
  prepared: string;
}

export interface QueuedRankListOptions {
  /** One user's data, which a request is prepared from (`db.forOwner(ownerId)`). */
  dataFor: (ownerId: string) => OwnerData;
  /** One user's simulation_jobs rows (`createSimulationJobsRepository(db.kysely, ownerId)`). */
  jobsFor: (ownerId: string) => SimulationJobsRepository;
  /** The application's PostgreSQL database; pg-boss keeps its queue there in its own schema. */
  databaseUrl: string;
  /** pg-boss's schema; default "pgboss". Tests give each run its own. */
  queueSchema?: string;
  /** This process's worker threads; queued simulations run on them. */
  pool: SimulationPool;
  /**
   * Simulations this process takes off the queue and runs at once; 0 makes a process that only submits and
   * answers polls (MATCHWISE_SIMULATION_WORKERS). Default 2, as many as the local mode runs.
   */
  workers?: number;
  /** Unfinished simulations one user may have across every process (queued ones count); default 2. */
  maxRunningPerOwner?: number;
  /** What a refused client is told to wait, in seconds. */
  retryAfterSeconds?: number;
  /** How long a finished job stays to be polled, in milliseconds; default an hour. */
  keepMs?: number;
  /** How often an idle worker looks for a job submitted through another process, in seconds. */
  pollingIntervalSeconds?: number;
  now?: () => Date;
  /** pg-boss's own failures (a lost connection while polling, failed maintenance): the server logs them. */
  onError?: (error: unknown) => void;
}

/**
 * Rank-list simulations through a PostgreSQL job queue (pg-boss), for hosted mode with more than one server
 * process: a job submitted to one process may run on any process sharing the database, and its status,
 * progress and result live in simulation_jobs, so any process answers the polls. The answers have the same
 * shape as the in-process jobs (createRankListService).
 *
 * - The request is checked and prepared where it arrives (errors answer at once, as in local mode); the job
 *   carries the prepared input, so the worker reads nothing of the user's data.
 * - Limit: `maxRunningPerOwner` unfinished jobs per user, counted in the database, so it holds across
 *   processes; one more is refused with JobLimitError (429 + Retry-After). Each process runs at most `workers`
 *   at once; the rest wait in the queue (reported as running with no runs done yet).
 * - Cancel: the row is marked canceled at once; a process running the job sees it at its next progress write
 *   and stops its workers.
 * - A process stopping mid-job hands the job back to the queue (another process reruns it from the start); a
 *   process that dies leaves it to pg-boss's expiry, which retries it after `expireInSeconds`.
 *
 * @example
 * const rankList = await startQueuedRankListService({
 *   dataFor: (ownerId) => db.forOwner(ownerId),
 *   jobsFor: (ownerId) => createSimulationJobsRepository(db.kysely, ownerId),
 *   databaseUrl,
 *   pool: createSimulationPool(),
 * });
 * const started = await rankList.start(ownerId, { runs: 1000 }); // later, from any process: rankList.get(ownerId, id)
 */
export async function startQueuedRankListService({
  dataFor,
  jobsFor,
  databaseUrl,
  queueSchema = 'pgboss',
  pool,
  workers = 2,
  maxRunningPerOwner = 2,
  retryAfterSeconds = 5,
  keepMs = 60 * 60_000,
  pollingIntervalSeconds = 1,
  now = () => new Date(),
  onError = () => {},
}: QueuedRankListOptions): Promise<RankListService> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: queueSchema,
    // Its own small pool: queue polling must not take the connections requests need.
    max: 4,
    // Nothing is scheduled: no cron clock to watch.
    schedule: false,
    // A job's data holds the applicant's screen and ranked programs: kept no longer than polling needs.
    archiveCompletedAfterSeconds: 15 * 60,
    archiveFailedAfterSeconds: 60 * 60,
    deleteAfterHours: 1,
  });
  // Unheard, an 'error' event would end the process; pg-boss retries polling and maintenance by itself.
  boss.on('error', onError);
  await boss.start();
  await boss.createQueue(SIMULATION_QUEUE, {
    name: SIMULATION_QUEUE,
    // Expired (a process died mid-run) or handed back (a process stopped): run again, on whichever process.
    retryLimit: 2,
    // Well above 20,000 runs on a loaded machine; a dead process's job waits this long to be retried.
    expireInSeconds: 10 * 60,
  });

  const running = new Set<AbortController>();
  let stopping = false;

  const run = async (job: PgBoss.JobWithMetadata<QueuedSimulation>): Promise<void> => {
    const { ownerId, runs, seed, prepared: text } = job.data;
    const jobs = jobsFor(ownerId);
    // A rerun starts from zero; a job canceled while it waited is not run at all.
    if ((await jobs.progress(job.id, 0)) !== 'running') return;
    const prepared = decodePreparedSimulation(text);
    const controller = new AbortController();
    running.add(controller);
    let lastWrite = 0;
    const onProgress = (completed: number) => {
      const at = Date.now();
      if (at - lastWrite < 250 || completed >= runs) return;
      lastWrite = at;
      void jobs.progress(job.id, completed).then(
        (status) => {
          if (status !== 'running') controller.abort();
        },
        () => {},
      );
    };
    try {
      const summary = await pool.run(prepared.input, {
        runs,
        onProgress,
        signal: controller.signal,
        ...(seed === null ? {} : { seed }),
      });
      await jobs.finish(job.id, { status: 'done', result: toRankListOdds(summary, prepared) });
    } catch (error) {
      // Stopping: hand the job back (pg-boss retries a failed job) unless this was its last try.
      if (stopping && job.retryCount < job.retryLimit) throw error;
      if (controller.signal.aborted && !stopping) return; // canceled: the row already says so
      await jobs.finish(job.id, {
        status: 'failed',
        error: stopping
          ? 'The server stopped while running this simulation; start it again'
          : error instanceof Error
            ? error.message
            : String(error),
      });
    } finally {
      running.delete(controller);
    }
  };

  const workerIds: string[] = [];
  for (let i = 0; i < workers; i++) {
    workerIds.push(
      await boss.work<QueuedSimulation>(
        SIMULATION_QUEUE,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
        async ([job]) => {
          if (job) await run(job);
        },
      ),
    );
  }

  /**
   * A running row whose queue job has ended without an answer: its last try failed (the process running it
   * died or stopped) or it was canceled. Such a row is closed here, so it neither hangs a page nor holds a
   * place under the owner's limit.
   */
  const reconcile = async (job: StoredSimulationJob): Promise<StoredSimulationJob> => {
    if (job.status !== 'running') return job;
    const jobs = jobsFor(job.ownerId);
    const queued = await boss.getJobById<QueuedSimulation>(SIMULATION_QUEUE, job.id, {
      includeArchive: true,
    });
    // No queue job yet: a request in another process admitted it a moment ago and is sending it now.
    if (!queued && now().getTime() - job.createdAt.getTime() < UNSENT_GRACE_MS) return job;
    const state = queued?.state ?? 'failed';
    if (state === 'created' || state === 'retry' || state === 'active') return job;
    if (state === 'cancelled') await jobs.finish(job.id, { status: 'canceled' });
    // Failed for good, gone, or completed with the row still running: the run ended without an answer.
    else
      await jobs.finish(job.id, {
        status: 'failed',
        error: 'The server running this simulation stopped; start it again',
      });
    // Re-read either way: if the worker recorded its answer meanwhile, that answer stands.
    return (await jobs.get(job.id)) ?? job;
  };

  const view = (job: StoredSimulationJob): JobView<RankListOdds> => ({
    id: job.id,
    status: job.status,
    completedRuns: job.completedRuns,
    totalRuns: job.totalRuns,
    result: job.result as RankListOdds | null,
    error: job.error,
  });

  return {
    async start(ownerId, request) {
      const prepared = await prepareRankListSimulation(dataFor(ownerId), { rankList: request.rankList, now });
      if (!prepared.ok) return prepared;
      const jobs = jobsFor(ownerId);
      for (const job of await jobs.running()) await reconcile(job);
      const id = randomUUID();
      const forgetBefore = new Date(now().getTime() - keepMs);
      if (!(await jobs.admit({ id, totalRuns: request.runs }, maxRunningPerOwner, forgetBefore))) {
        throw new JobLimitError(maxRunningPerOwner, retryAfterSeconds);
      }
      const data: QueuedSimulation = {
        ownerId,
        runs: request.runs,
        seed: request.seed ?? null,
        prepared: encodePreparedSimulation(prepared.value),
      };
      try {
        await boss.send(SIMULATION_QUEUE, data, { id });
      } catch (error) {
        await jobs.finish(id, { status: 'failed', error: 'The simulation could not be queued' });
        throw error;
      }
      // A worker of this process, if it has one free, starts now rather than at its next poll.
      for (const workerId of workerIds) boss.notifyWorker(workerId);
      return ok({
        id,
        status: 'running',
        completedRuns: 0,
        totalRuns: request.runs,
        result: null,
        error: null,
      });
    },
    async get(ownerId, id) {
      const job = await jobsFor(ownerId).get(id);
      return job ? view(await reconcile(job)) : null;
    },
    async cancel(ownerId, id) {
      const jobs = jobsFor(ownerId);
      const job = await jobs.get(id);
      if (!job) return false;
      if (job.status === 'running') {
        await jobs.finish(id, { status: 'canceled' });
        // Off the queue if it is still waiting; a process running it stops at its next progress write.
        await boss.cancel(SIMULATION_QUEUE, id);
      }
      return true;
    },
    async close() {
      stopping = true;
      for (const controller of running) controller.abort();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
