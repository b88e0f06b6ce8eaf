import { seededRandom } from '../catalog/seeded-random.js';
import type { ApplicantScreen } from '../model/screening.js';
import type { CompiledMarket } from './compiled-market.js';
import {
  createMarketWorkspace,
  generateMarket,
  type KnownProgramFacts,
  type MarketWorkspace,
} from './market-model/generate-market.js';
import { FM_MARKET_PARAMETERS } from './market-model/parameters.js';
import { type RandomSource, runSeed } from './market-model/random.js';
import { solveMatch } from './solve-match.js';

/**
 * P(match | your rank order list) by simulation: each run samples a whole family medicine Match (market-model/),
 * puts you in it as one more applicant whose list is yours, runs the Match algorithm (solve-match.ts) and records
 * where you land. Runs are independent and seeded one by one (runSeed), so counts from chunks run anywhere, in
 * any order, add up to exactly the counts of one loop: the worker pool (src/server/match) relies on that.
 */

/** One program on your rank order list. */
export interface RankedProgram {
  /** Your key for the program (echoed back in the distribution). */
  readonly programKey: string;
  /** Its positions; null when unknown: drawn from the size prior each run, widening the spread. */
  readonly positions: number | null;
  /** What the catalog knows about it; the rest is drawn from the program priors, given that you interviewed there. */
  readonly facts: KnownProgramFacts;
  /** Log-odds only you know about the pair: ties, stated preference, network (SmartPick's factors). */
  readonly extra: number;
  /** You signaled it. */
  readonly signaled: boolean;
}

export interface SimulationInput {
  /** Your rank order list, most preferred first. */
  readonly programs: readonly RankedProgram[];
  /** What programs screen on: SmartPick's reading of your profile (model/applicant-screen.ts). */
  readonly screen: ApplicantScreen;
}

/** One sampled Match with the user in it. */
export interface SampledMarket {
  readonly market: CompiledMarket;
  readonly userApplicant: number;
  /** Program id of the user's i-th ranked program. */
  readonly userPrograms: Int32Array;
}

/**
 * Draws a market with the user in it. The family medicine sampler is the product; tests plug in tiny markets
 * whose outcome can be enumerated exactly, through the same Monte Carlo code.
 */
export interface MarketSampler {
  /** `workspace` is scratch space reused across the runs of one loop (samplers without big buffers ignore it). */
  sample(input: SimulationInput, random: RandomSource, workspace: MarketWorkspace): SampledMarket;
}

/** Samples the one family medicine market (market-model/), with you in it. */
export const FM_MARKET_SAMPLER: MarketSampler = {
  sample(input, random, workspace) {
    return generateMarket({
      random,
      workspace,
      parameters: FM_MARKET_PARAMETERS,
      user: {
        screen: input.screen,
        programs: input.programs.map((program) => ({
          positions: program.positions,
          facts: program.facts,
          extra: program.extra,
          signaled: program.signaled,
        })),
      },
    });
  },
};

/**
 * Layout of a counts array for a list of k programs: [0..k-1] runs matched at that rank, [k] runs unmatched,
 * [k+1] runs in which the solver found no stable matching (couples can cause it; the run's outcome is still
 * counted in [0..k]). Length k + 2.
 */
export const countsLength = (programCount: number): number => programCount + 2;

export interface SimulationChunk {
  readonly input: SimulationInput;
  readonly seed: number;
  readonly runs: number;
  /** Index of the chunk's first run in the whole simulation; default 0. */
  readonly firstRun?: number;
}

/** Thrown (or rejected) when a simulation is cancelled through its signal. */
export class SimulationAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor(message = 'The simulation was cancelled') {
    super(message);
  }
}

/** Anything with `aborted`, like an AbortSignal. */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

export function validateSimulationInput(input: SimulationInput): void {
  const screen = input.screen;
  if (!Number.isFinite(screen.base)) throw new RangeError('screen.base must be a finite number');
  if (!(Number.isNaN(screen.score) || (screen.score >= 1 && screen.score <= 300))) {
    throw new RangeError('screen.score must be a Step 2 CK score or NaN');
  }
  if (input.programs.length > FM_MARKET_PARAMETERS.programCount) {
    throw new RangeError(`A rank list is limited to ${FM_MARKET_PARAMETERS.programCount} programs`);
  }
  for (const program of input.programs) {
    const { positions, programKey, extra } = program;
    if (positions !== null && !(Number.isInteger(positions) && positions >= 1)) {
      throw new RangeError(`positions of ${programKey} must be a whole number of at least 1, or null`);
    }
    if (!Number.isFinite(extra)) throw new RangeError(`extra of ${programKey} must be a finite number`);
  }
}

/**
 * ASSUMPTION: 20 rounds of re-proposing after couples' withdrawals. Stable markets settle in a few; the few
 * sampled markets (about 5% with the assumed 3% couples) that do not would otherwise spend the solver's default
 * 100 rounds, several times a stable run's cost, for an outcome we record either way (counted as unstable).
 */
const SOLVE_OPTIONS = { maxRounds: 20 } as const;

function runOnce(
  input: SimulationInput,
  seed: number,
  run: number,
  sampler: MarketSampler,
  workspace: MarketWorkspace,
  counts: Int32Array,
) {
  const k = input.programs.length;
  const sampled = sampler.sample(input, seededRandom(runSeed(seed, run)), workspace);
  const result = solveMatch(sampled.market, SOLVE_OPTIONS);
  if (result.status !== 'stable') counts[k + 1] = (counts[k + 1] as number) + 1;
  const matched = result.assignment[sampled.userApplicant];
  const rank = matched === undefined ? -1 : sampled.userPrograms.indexOf(matched);
  const slot = rank === -1 ? k : rank;
  counts[slot] = (counts[slot] as number) + 1;
}

/**
 * Runs `runs` simulations (run indices firstRun .. firstRun + runs − 1) and returns their counts (countsLength
 * layout). Pure: the same chunk gives the same counts anywhere.
 *
 * @example
 * const counts = runSimulationChunk({ input, seed: 7, runs: 50 });
 * summarize(counts, input).pMatch; // e.g. 0.86
 */
export function runSimulationChunk(
  chunk: SimulationChunk,
  sampler: MarketSampler = FM_MARKET_SAMPLER,
): Int32Array {
  validateSimulationInput(chunk.input);
  const counts = new Int32Array(countsLength(chunk.input.programs.length));
  const first = chunk.firstRun ?? 0;
  const workspace = createMarketWorkspace();
  for (let run = first; run < first + chunk.runs; run++) {
    runOnce(chunk.input, chunk.seed, run, sampler, workspace, counts);
  }
  return counts;
}

/** Adds `from` into `into` (same layout). */
export function addCounts(into: Int32Array, from: Int32Array): void {
  if (into.length !== from.length) throw new RangeError('Counts of different lists cannot be added');
  for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) + (from[i] as number);
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959964;

/** Wilson score interval for `successes` of `trials` (better than the normal interval near 0 and 1). */
export function wilsonInterval(successes: number, trials: number, z = Z95): [number, number] {
  if (trials <= 0) return [0, 1];
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // At 0 or all successes the bound is exactly 0 or 1; rounding would leave it a hair inside.
  return [
    successes <= 0 ? 0 : Math.max(0, centre - half),
    successes >= trials ? 1 : Math.min(1, centre + half),
  ];
}

export interface SimulationSummary {
  runs: number;
  pMatch: number;
  /** Wilson 95% interval of pMatch: simulation error only (how many runs), not the model's own uncertainty. */
  ci95: [number, number];
  /** P(matching at each program on the list), in list order. */
  distribution: { programKey: string; probability: number; ci95: [number, number] }[];
  pUnmatched: number;
  /** Runs in which the solver found no stable matching (couples); their outcomes are still counted. */
  unstableRuns: number;
}

/** Turns counts into probabilities with Wilson 95% intervals. */
export function summarize(counts: Int32Array, input: Pick<SimulationInput, 'programs'>): SimulationSummary {
  const k = input.programs.length;
  if (counts.length !== countsLength(k)) throw new RangeError('Counts do not belong to this rank list');
  let runs = 0;
  for (let i = 0; i <= k; i++) runs += counts[i] as number;
  const unmatched = counts[k] as number;
  const matched = runs - unmatched;
  const share = (n: number) => (runs === 0 ? 0 : n / runs);
  return {
    runs,
    pMatch: share(matched),
    ci95: wilsonInterval(matched, runs),
    distribution: input.programs.map((program, i) => ({
      programKey: program.programKey,
      probability: share(counts[i] as number),
      ci95: wilsonInterval(counts[i] as number, runs),
    })),
    pUnmatched: share(unmatched),
    unstableRuns: counts[k + 1] as number,
  };
}

/** Seed used when none is given, so the same rank list always gets the same answer (any fixed value would do). */
export const DEFAULT_SIMULATION_SEED = 20240315;

export interface SimulateOptions {
  runs: number;
  /** Default DEFAULT_SIMULATION_SEED. */
  seed?: number;
  /** Called after each run with (completed, total). */
  onProgress?: (completed: number, total: number) => void;
  /** Checked before each run; when aborted, throws SimulationAbortedError. */
  signal?: AbortSignalLike;
  sampler?: MarketSampler;
}

/**
 * The whole simulation on the calling thread: for small run counts and tests. Long runs belong on the worker
 * pool (src/server/match/simulation-pool.ts), which gives the same result for the same seed.
 *
 * @example
 * const summary = simulateRankList(
 *   { programs: [{ programKey: 'A', positions: 8, facts: {}, extra: 0, signaled: false }], screen },
 *   { runs: 200, seed: 1 },
 * );
 * summary.pMatch; // e.g. 0.7, with summary.ci95 around it
 */
export function simulateRankList(input: SimulationInput, options: SimulateOptions): SimulationSummary {
  validateSimulationInput(input);
  const sampler = options.sampler ?? FM_MARKET_SAMPLER;
  const counts = new Int32Array(countsLength(input.programs.length));
  const workspace = createMarketWorkspace();
  for (let run = 0; run < options.runs; run++) {
    if (options.signal?.aborted) throw new SimulationAbortedError();
    runOnce(input, options.seed ?? DEFAULT_SIMULATION_SEED, run, sampler, workspace, counts);
    options.onProgress?.(run + 1, options.runs);
  }
  return summarize(counts, input);
}
