import os from 'node:os';
import { createSimulationPool } from '../src/app/match/simulation-pool.js';
import { seededRandom } from '../src/core/catalog/seeded-random.js';
import {
  completeMarket,
  createMarketWorkspace,
  drawMarketBackground,
} from '../src/core/match/market-model/generate-market.js';
import { FM_MARKET_PARAMETERS } from '../src/core/match/market-model/parameters.js';
import { FM_RUNS_PER_MARKET, type SimulationInput, wilsonInterval } from '../src/core/match/monte-carlo.js';
import { solveMatch } from '../src/core/match/solve-match.js';
import { rankListSimulationInput } from '../src/core/smartpick/rank-list-odds.js';
import { syntheticPrograms } from '../src/core/smartpick/synthetic-market.js';
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
  /** Width of the Wilson interval the same P(match) would have from as many independent runs. */
  independentWidth: number;
  /** 1-minute load average before and after the timed runs (the machine is shared). */
  load: [number, number];
}

/** Wall time of `runs` simulated Matches on a pool of `workers` threads, workers started before timing. */
export async function benchMonteCarlo({
  runs = 1000,
  workers = 2,
  repeats = 3,
} = {}): Promise<MonteCarloResult> {
  const pool = createSimulationPool({ size: workers });
  const loadBefore = os.loadavg()[0] as number;
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
      independentWidth: (([low, high]) => high - low)(wilsonInterval(last.pMatch * runs, runs)),
      load: [loadBefore, os.loadavg()[0] as number],
    };
  } finally {
    await pool.close();
  }
}

/**
 * Where one run's time goes, on one thread (means over `markets` markets of FM_RUNS_PER_MARKET runs): drawing a
 * market's background, drawing one run on it (the user's programs and everyone's interviews there), and solving.
 */
export function profileRun(markets = 12): {
  backgroundMs: number;
  runMs: number;
  solveMs: number;
  perRunMs: number;
} {
  const workspace = createMarketWorkspace();
  const user = {
    screen: RANK_LIST.screen,
    programs: RANK_LIST.programs.map((program) => ({
      positions: program.positions,
      facts: program.facts,
      extra: program.extra,
      signaled: program.signaled,
    })),
  };
  let backgroundMs = 0;
  let runMs = 0;
  let solveMs = 0;
  const warmup = 3;
  for (let m = 0; m < warmup + markets; m++) {
    const start = performance.now();
    const background = drawMarketBackground({
      random: seededRandom(m),
      parameters: FM_MARKET_PARAMETERS,
      userProgramCount: user.programs.length,
      workspace,
    });
    const drawn = performance.now();
    if (m >= warmup) backgroundMs += drawn - start;
    for (let r = 0; r < FM_RUNS_PER_MARKET; r++) {
      const runStart = performance.now();
      const { market } = completeMarket(background, { user, random: seededRandom(1000 * m + r) });
      const completed = performance.now();
      solveMatch(market, { maxRounds: 20 });
      if (m >= warmup) {
        runMs += completed - runStart;
        solveMs += performance.now() - completed;
      }
    }
  }
  const runs = markets * FM_RUNS_PER_MARKET;
  return {
    backgroundMs: backgroundMs / markets,
    runMs: runMs / runs,
    solveMs: solveMs / runs,
    perRunMs: (backgroundMs + runMs + solveMs) / runs,
  };
}
