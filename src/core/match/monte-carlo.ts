import { seededRandom } from '../catalog/seeded-random.js';
import type { ApplicantScreen } from '../model/screening.js';
import type { CompiledMarket } from './compiled-market.js';
import {
  completeMarket,
  createMarketWorkspace,
  drawMarketBackground,
  type KnownProgramFacts,
  type MarketWorkspace,
} from './market-model/generate-market.js';
import { FM_MARKET_PARAMETERS } from './market-model/parameters.js';
import { type RandomSource, runSeed } from './market-model/random.js';
import { solveMatch } from './solve-match.js';

/**
 * P(match | your rank order list) by simulation: each run samples a family medicine Match (market-model/), puts
 * you in it as one more applicant whose list is yours, runs the Match algorithm (solve-match.ts) and records where
 * you land. Runs come in markets: a few runs share a market's background (everything but your programs) and each
 * draws your programs and everyone's interviews there afresh, so every run is distributed as a whole new Match and
 * P(match) is unchanged; the interval counts the runs of a market as correlated. Markets and runs are seeded by
 * index (runSeed), so counts from chunks that start at a market, run anywhere in any order, add up to exactly the
 * counts of one loop: the worker pool (src/app/match) relies on that.
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
 * Draws markets with the user in them. The family medicine sampler is the product; tests plug in tiny markets
 * whose outcome can be enumerated exactly, through the same Monte Carlo code.
 */
export interface MarketSampler {
  /**
   * Runs that share one market's draws (1: every run draws a whole market). Every run must still have the
   * distribution of a whole new market; runs sharing draws are correlated, which the interval counts.
   */
  readonly runsPerMarket: number;
  /**
   * Draws what a market's runs share; the function it returns draws one run's market with the user in it.
   * `workspace` is scratch space reused across the runs of one loop (samplers without big buffers ignore it).
   */
  market(
    input: SimulationInput,
    random: RandomSource,
    workspace: MarketWorkspace,
  ): (random: RandomSource) => SampledMarket;
}

/**
 * ASSUMPTION (cost, not result): runs per family medicine market. Drawing a market's background (about 7,160
 * applicants' interviews at 800 programs) costs about 5 times solving it; a run on a shared background draws
 * only the user's programs and everyone's interviews there, so 8 runs per market spend most of their time solving.
 * Runs on one background share only the competition around the user (their programs' facts, sizes and every
 * interview there are drawn afresh), so they are nearly independent; the interval counts what they share.
 */
export const FM_RUNS_PER_MARKET = 8;

/** Samples the one family medicine market (market-model/), with you in it. */
export const FM_MARKET_SAMPLER: MarketSampler = {
  runsPerMarket: FM_RUNS_PER_MARKET,
  market(input, random, workspace) {
    const user = {
      screen: input.screen,
      programs: input.programs.map((program) => ({
        positions: program.positions,
        facts: program.facts,
        extra: program.extra,
        signaled: program.signaled,
      })),
    };
    const background = drawMarketBackground({
      random,
      workspace,
      parameters: FM_MARKET_PARAMETERS,
      userProgramCount: user.programs.length,
    });
    return (runRandom) => completeMarket(background, { user, random: runRandom });
  },
};

/**
 * Layout of a counts array for a list of k programs (k + 1 outcomes: matched at rank 0..k-1, or unmatched [k]):
 * - [0..k] runs with each outcome;
 * - [k+1] runs in which the solver found no stable matching (couples can cause it; the run's outcome is still
 *   counted in [0..k]);
 * - [k+2 .. 2k+2] over markets, the sum of (runs with outcome i in the market)²;
 * - [2k+3 .. 3k+3] over markets, the sum of (the market's runs) × (its runs with outcome i);
 * - [3k+4] the sum of (a market's runs)², [3k+5] markets.
 * The sums of squares are what the interval needs to count runs that share a market as correlated. Length 3k + 6.
 */
export const countsLength = (programCount: number): number => 3 * programCount + 6;

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
 * No other processing orders (solveMatch's retries, a whole run each): on 64 sampled runs (8 markets) they
 * settled none of the 8 that did not settle, and took a quarter longer.
 */
const SOLVE_OPTIONS = { maxRounds: 20, retries: 0 } as const;

/** Called around each run (progress, cancelling). */
interface RunHooks {
  before(): void;
  after(): void;
}

/** The seed of a run's own draws: run `replicate` of the market seeded `marketSeed`. */
const replicateSeed = (marketSeed: number, replicate: number) => runSeed(marketSeed ^ 0x5f3759df, replicate);

/**
 * Runs `runs` simulations of market `market` and adds them to `counts`: one draw of what the market's runs share,
 * then one Match per run.
 */
function runMarket(
  input: SimulationInput,
  seed: number,
  market: number,
  runs: number,
  sampler: MarketSampler,
  workspace: MarketWorkspace,
  counts: Int32Array,
  hooks?: RunHooks,
): void {
  const k = input.programs.length;
  const marketSeed = runSeed(seed, market);
  const draw = sampler.market(input, seededRandom(marketSeed), workspace);
  const outcomes = new Int32Array(k + 1);
  for (let r = 0; r < runs; r++) {
    hooks?.before();
    const sampled = draw(seededRandom(replicateSeed(marketSeed, r)));
    const result = solveMatch(sampled.market, SOLVE_OPTIONS);
    if (result.status !== 'stable') counts[k + 1] = (counts[k + 1] as number) + 1;
    const matched = result.assignment[sampled.userApplicant];
    const rank = matched === undefined ? -1 : sampled.userPrograms.indexOf(matched);
    const slot = rank === -1 ? k : rank;
    outcomes[slot] = (outcomes[slot] as number) + 1;
    hooks?.after();
  }
  const n = runs;
  for (let i = 0; i <= k; i++) {
    const y = outcomes[i] as number;
    counts[i] = (counts[i] as number) + y;
    counts[k + 2 + i] = (counts[k + 2 + i] as number) + y * y;
    counts[2 * k + 3 + i] = (counts[2 * k + 3 + i] as number) + n * y;
  }
  counts[3 * k + 4] = (counts[3 * k + 4] as number) + n * n;
  counts[3 * k + 5] = (counts[3 * k + 5] as number) + 1;
}

/**
 * Runs first..first+runs−1 in whole markets (run i is replicate i mod runsPerMarket of market ⌊i / runsPerMarket⌋);
 * the last market may be cut short by the end of the runs.
 */
function runRange(
  input: SimulationInput,
  seed: number,
  first: number,
  runs: number,
  sampler: MarketSampler,
  counts: Int32Array,
  hooks?: RunHooks,
): void {
  const perMarket = sampler.runsPerMarket;
  if (!(Number.isInteger(perMarket) && perMarket >= 1)) {
    throw new RangeError('runsPerMarket must be a whole number of at least 1');
  }
  if (first % perMarket !== 0) {
    throw new RangeError(`A chunk must start at a market: a multiple of ${perMarket} runs`);
  }
  const workspace = createMarketWorkspace();
  for (let run = first; run < first + runs; run += perMarket) {
    const inMarket = Math.min(perMarket, first + runs - run);
    runMarket(input, seed, run / perMarket, inMarket, sampler, workspace, counts, hooks);
  }
}

/** A chunk size of at least `runs` that starts every chunk at a market (a multiple of runsPerMarket). */
export function alignChunkRuns(runs: number, sampler: MarketSampler = FM_MARKET_SAMPLER): number {
  const perMarket = sampler.runsPerMarket;
  return Math.max(1, Math.ceil(runs / perMarket)) * perMarket;
}

/**
 * Runs `runs` simulations (run indices firstRun .. firstRun + runs − 1) and returns their counts (countsLength
 * layout). Pure: the same chunk gives the same counts anywhere. firstRun must be a multiple of the sampler's
 * runsPerMarket (alignChunkRuns), so that no market is split between chunks and the counts add up.
 *
 * @example
 * const counts = runSimulationChunk({ input, seed: 7, runs: 48 });
 * summarize(counts, input).pMatch; // e.g. 0.86
 */
export function runSimulationChunk(
  chunk: SimulationChunk,
  sampler: MarketSampler = FM_MARKET_SAMPLER,
): Int32Array {
  validateSimulationInput(chunk.input);
  const counts = new Int32Array(countsLength(chunk.input.programs.length));
  runRange(chunk.input, chunk.seed, chunk.firstRun ?? 0, chunk.runs, sampler, counts);
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
  /**
   * 95% interval of pMatch: simulation error only (how many runs, counting runs that share a market as
   * correlated), not the model's own uncertainty.
   */
  ci95: [number, number];
  /** P(matching at each program on the list), in list order. */
  distribution: { programKey: string; probability: number; ci95: [number, number] }[];
  pUnmatched: number;
  /** Runs in which the solver found no stable matching (couples); their outcomes are still counted. */
  unstableRuns: number;
}

/**
 * A 95% interval for the share of runs with an outcome, when runs come in markets that share draws. The variance
 * of the share is estimated from the markets' own counts (a ratio estimator over clusters: the spread of
 * y_m − n_m·p over markets m, with y_m of n_m runs having the outcome); its ratio to the independent-runs variance
 * p(1 − p)/N is the design effect, which turns the N runs into N / deff effective ones for a Wilson interval.
 * The design effect is held between 1 (runs at best as good as independent ones) and the runs per market (markets
 * at worst as good as one run each). With one run per market this is exactly the Wilson interval of the runs.
 */
export function clusteredInterval(
  stats: {
    runs: number;
    successes: number;
    squares: number;
    crossed: number;
    runSquares: number;
    markets: number;
  },
  z = Z95,
): [number, number] {
  const { runs, successes, markets } = stats;
  if (runs <= 0) return [0, 1];
  const p = successes / runs;
  let effective = runs;
  if (markets > 1 && p > 0 && p < 1) {
    const spread = stats.squares - 2 * p * stats.crossed + p * p * stats.runSquares;
    const variance = (markets / (markets - 1)) * (Math.max(0, spread) / (runs * runs));
    const deff = variance / ((p * (1 - p)) / runs);
    effective = Math.max(markets, runs / Math.max(1, deff));
  } else if (markets >= 1 && p > 0 && p < 1) {
    effective = markets;
  }
  if (effective >= runs) return wilsonInterval(successes, runs, z);
  return wilsonInterval(p * effective, effective, z);
}

/** Turns counts into probabilities with 95% intervals that count runs sharing a market as correlated. */
export function summarize(counts: Int32Array, input: Pick<SimulationInput, 'programs'>): SimulationSummary {
  const k = input.programs.length;
  if (counts.length !== countsLength(k)) throw new RangeError('Counts do not belong to this rank list');
  let runs = 0;
  for (let i = 0; i <= k; i++) runs += counts[i] as number;
  const unmatched = counts[k] as number;
  const matched = runs - unmatched;
  const share = (n: number) => (runs === 0 ? 0 : n / runs);
  const runSquares = counts[3 * k + 4] as number;
  const markets = counts[3 * k + 5] as number;
  const outcome = (i: number) => ({
    runs,
    successes: counts[i] as number,
    squares: counts[k + 2 + i] as number,
    crossed: counts[2 * k + 3 + i] as number,
    runSquares,
    markets,
  });
  // Matched = runs − unmatched, per market too: its sums follow from the unmatched ones.
  const notMatched = outcome(k);
  const crossedMatched = runSquares - notMatched.crossed;
  const matchedStats = {
    runs,
    successes: matched,
    squares: runSquares - 2 * notMatched.crossed + notMatched.squares,
    crossed: crossedMatched,
    runSquares,
    markets,
  };
  return {
    runs,
    pMatch: share(matched),
    ci95: clusteredInterval(matchedStats),
    distribution: input.programs.map((program, i) => ({
      programKey: program.programKey,
      probability: share(counts[i] as number),
      ci95: clusteredInterval(outcome(i)),
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
 * pool (src/app/match/simulation-pool.ts), which gives the same result for the same seed.
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
  let completed = 0;
  runRange(input, options.seed ?? DEFAULT_SIMULATION_SEED, 0, options.runs, sampler, counts, {
    before: () => {
      if (options.signal?.aborted) throw new SimulationAbortedError();
    },
    after: () => options.onProgress?.(++completed, options.runs),
  });
  return summarize(counts, input);
}
