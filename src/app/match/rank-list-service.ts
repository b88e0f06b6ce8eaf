import { ok, type Result } from '../../core/shared/result.js';
import {
  type PreparedSimulation,
  prepareRankListSimulation,
  type RankListOdds,
  type RankListSimulationFailure,
  toRankListOdds,
} from './rank-list-simulation.js';
import { createSimulationJobs, type JobView } from './simulation-jobs.js';
import type { SimulationPool } from './simulation-pool.js';

export interface SimulationRequest {
  runs: number;
  rankList?: string[] | undefined;
  seed?: number | undefined;
}

/**
 * Rank-list simulations as jobs a page polls, each job its owner's alone. Two implementations behind it, chosen
 * at start-up: jobs in this process (createRankListService: local mode, the static edition) and jobs in a
 * PostgreSQL queue any server process may run (queued-rank-list-service.ts: hosted mode). Same answers either way.
 */
export interface RankListService {
  /**
   * Checks the request against the owner's data and starts the simulation as a job to poll. Throws
   * JobLimitError when the limit on running jobs is reached (the API answers 429 with Retry-After).
   */
  start(
    ownerId: string,
    request: SimulationRequest,
  ): Promise<Result<JobView<RankListOdds>, RankListSimulationFailure>>;
  /** The owner's job; null when unknown, forgotten, or someone else's. */
  get(ownerId: string, id: string): Promise<JobView<RankListOdds> | null>;
  /** Stops the owner's running job; false when get would give null. A finished job keeps its result. */
  cancel(ownerId: string, id: string): Promise<boolean>;
  /** Stops what runs here (server shutdown). */
  close(): Promise<void>;
}

type PreparedRequest = SimulationRequest & { prepared: PreparedSimulation };

/** One user's data, which a request is checked against and prepared from. */
export type OwnerData = Parameters<typeof prepareRankListSimulation>[0];

/**
 * The rank list's odds in this process: the stored list (or a what-if order) simulated on the worker pool as
 * an in-memory job with progress. Preparation errors (no profile, empty list, unknown program) answer at once,
 * before a job exists. At most two jobs run at once in the process, whoever started them.
 */
export function createRankListService(
  dataFor: (ownerId: string) => OwnerData,
  pool: SimulationPool,
  now: () => Date = () => new Date(),
): RankListService {
  const jobs = createSimulationJobs<PreparedRequest, RankListOdds>(
    async ({ prepared, seed }, { runs, onProgress, signal }) =>
      toRankListOdds(
        await pool.run(prepared.input, { runs, onProgress, signal, ...(seed === undefined ? {} : { seed }) }),
        prepared,
      ),
  );
  // Whose each job is; entries go when the jobs do.
  const owners = new Map<string, string>();
  const ownJob = (ownerId: string, id: string) => {
    const job = jobs.get(id);
    if (!job) owners.delete(id);
    return job && owners.get(id) === ownerId ? job : null;
  };
  return {
    async start(ownerId, request) {
      const prepared = await prepareRankListSimulation(dataFor(ownerId), { rankList: request.rankList, now });
      if (!prepared.ok) return prepared;
      for (const id of owners.keys()) if (!jobs.get(id)) owners.delete(id);
      const job = jobs.start({ ...request, prepared: prepared.value }, request.runs);
      owners.set(job.id, ownerId);
      return ok(job);
    },
    async get(ownerId, id) {
      return ownJob(ownerId, id);
    },
    async cancel(ownerId, id) {
      return ownJob(ownerId, id) !== null && jobs.cancel(id);
    },
    async close() {
      jobs.cancelAll();
    },
  };
}
