import type { SimulationInput } from '../src/core/match/monte-carlo.js';
import { createSimulationPool } from '../src/server/match/simulation-pool.js';
import { summarizeTimes, type Timing } from './timing.js';

/**
 * A U.S. IMG's rank list of 10 family medicine programs (sizes known for half, SmartPick-like standings of
 * 15-45%), simulated against the synthetic 2024 market: what the Rank list page runs.
 */
export const RANK_LIST: SimulationInput = {
  applicantType: 'us-img',
  strength: -0.85,
  programs: Array.from({ length: 10 }, (_, i) => ({
    programKey: `program-${i + 1}`,
    positions: i % 2 === 0 ? 4 + i : null,
    userStanding: 0.15 + 0.03 * i,
  })),
};

export interface MonteCarloResult {
  runs: number;
  workers: number;
  wall: Timing;
  pMatch: number;
  ci95: [number, number];
}

/** Wall time of `runs` simulated Matches on a pool of `workers` threads, workers started before timing. */
export async function benchMonteCarlo({
  runs = 1000,
  workers = 2,
  repeats = 3,
} = {}): Promise<MonteCarloResult> {
  const pool = createSimulationPool({ size: workers });
  try {
    const times: number[] = [];
    let last = await pool.run(RANK_LIST, { runs: 4 * workers, seed: 2 });
    for (let i = 0; i < repeats; i++) {
      const start = performance.now();
      last = await pool.run(RANK_LIST, { runs, seed: 3 + i });
      times.push(performance.now() - start);
    }
    return {
      runs,
      workers,
      wall: summarizeTimes(times),
      pMatch: last.pMatch,
      ci95: last.ci95,
    };
  } finally {
    await pool.close();
  }
}
