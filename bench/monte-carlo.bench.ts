import { seededRandom } from '../src/core/catalog/seeded-random.js';
import { createMarketWorkspace, generateMarket } from '../src/core/match/market-model/generate-market.js';
import { FM_MARKET_PARAMETERS } from '../src/core/match/market-model/parameters.js';
import type { SimulationInput } from '../src/core/match/monte-carlo.js';
import { solveMatch } from '../src/core/match/solve-match.js';
import { rankListSimulationInput } from '../src/core/smartpick/rank-list-odds.js';
import { syntheticPrograms } from '../src/core/smartpick/synthetic-market.js';
import { createSimulationPool } from '../src/server/match/simulation-pool.js';
import { benchApplicant } from './example-applicant.js';
import { summarizeTimes, type Timing } from './timing.js';

/**
 * A U.S. IMG's rank list of 10 synthetic family medicine programs (about 40% of facts known, sizes known for half),
 * built as the Rank list page builds it (rankListSimulationInput) and simulated against the 2024 market.
 */
export const RANK_LIST: SimulationInput = (() => {
  const profile = benchApplicant();
  const programs = syntheticPrograms({ count: 10, seed: 2027, knownRate: 0.4 }).map((program, i) => ({
    ...program,
    positions: i % 2 === 0 ? program.positions : null,
  }));
  return rankListSimulationInput({ profile, programs, matchYear: 2027 });
})();

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

/** Where one run's time goes, on one thread: drawing the market versus solving it (means over `runs` markets). */
export function profileRun(runs = 50): { generateMs: number; solveMs: number } {
  const workspace = createMarketWorkspace();
  for (let seed = 0; seed < 5; seed++) {
    generateMarket({ random: seededRandom(seed), parameters: FM_MARKET_PARAMETERS, workspace });
  }
  let generateMs = 0;
  let solveMs = 0;
  for (let seed = 0; seed < runs; seed++) {
    const start = performance.now();
    const { market } = generateMarket({
      random: seededRandom(seed),
      parameters: FM_MARKET_PARAMETERS,
      workspace,
    });
    const generated = performance.now();
    solveMatch(market, { maxRounds: 20 });
    generateMs += generated - start;
    solveMs += performance.now() - generated;
  }
  return { generateMs: generateMs / runs, solveMs: solveMs / runs };
}
