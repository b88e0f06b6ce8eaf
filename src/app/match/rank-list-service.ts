import { ok, type Result } from '../../core/shared/result.js';
import type { Database } from '../../db/index.js';
import {
  type PreparedSimulation,
  prepareRankListSimulation,
  type RankListOdds,
  type RankListSimulationFailure,
  toRankListOdds,
} from './rank-list-simulation.js';
import { createSimulationJobs, type JobView, type SimulationJobs } from './simulation-jobs.js';
import type { SimulationPool } from './simulation-pool.js';

export interface SimulationRequest {
  runs: number;
  rankList?: string[] | undefined;
  seed?: number | undefined;
}

export interface RankListService {
  /** Checks the request against what is stored and starts the simulation as a job to poll. */
  start(request: SimulationRequest): Promise<Result<JobView<RankListOdds>, RankListSimulationFailure>>;
  jobs: SimulationJobs<PreparedRequest, RankListOdds>;
}

type PreparedRequest = SimulationRequest & { prepared: PreparedSimulation };

/**
 * The rank list's odds: the stored list (or a what-if order) simulated on the worker pool as a job with
 * progress. Preparation errors (no profile, empty list, unknown program) answer at once, before a job exists.
 */
export function createRankListService(
  db: Database,
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
  return {
    jobs,
    async start(request) {
      const prepared = await prepareRankListSimulation(db, { rankList: request.rankList, now });
      if (!prepared.ok) return prepared;
      return ok(jobs.start({ ...request, prepared: prepared.value }, request.runs));
    },
  };
}
