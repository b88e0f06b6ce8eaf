/** How a hosted server process takes part in the simulation queue (src/app/match/queued-rank-list-service.ts). */
export interface SimulationQueueConfig {
  databaseUrl: string;
  /** Simulations this process runs at once; 0: it only submits and answers polls. */
  workers: number;
}

export const DEFAULT_SIMULATION_WORKERS = 2;
const MAX_SIMULATION_WORKERS = 16;

/**
 * Hosted mode (`MATCHWISE_MODE=hosted` with `DATABASE_URL`) queues rank-list simulations in PostgreSQL, so any
 * process sharing the database may run them; `MATCHWISE_SIMULATION_WORKERS` says how many this process runs at
 * once (default 2). Null otherwise: local mode, and PostgreSQL without hosted mode, keep them in the process.
 * Throws on a worker count that is not a whole number from 0 to 16, naming the variable.
 *
 * @example
 * simulationQueueFromEnv({ MATCHWISE_MODE: 'hosted', DATABASE_URL: url, MATCHWISE_SIMULATION_WORKERS: '0' });
 * // → { databaseUrl: url, workers: 0 }
 */
export function simulationQueueFromEnv(
  env: Record<string, string | undefined>,
): SimulationQueueConfig | null {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (env.MATCHWISE_MODE?.trim() !== 'hosted' || !databaseUrl) return null;
  const raw = env.MATCHWISE_SIMULATION_WORKERS?.trim();
  if (!raw) return { databaseUrl, workers: DEFAULT_SIMULATION_WORKERS };
  const workers = Number(raw);
  if (!/^\d+$/.test(raw) || workers > MAX_SIMULATION_WORKERS) {
    throw new Error(
      `MATCHWISE_SIMULATION_WORKERS must be a whole number from 0 to ${MAX_SIMULATION_WORKERS} (got "${raw}")`,
    );
  }
  return { databaseUrl, workers };
}
