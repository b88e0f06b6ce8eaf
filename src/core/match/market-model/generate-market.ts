import { GROUP_TYPE, imgLettersFor, POPULATION_GROUPS } from '../../model/population.js';
import {
  type ApplicantScreen,
  attemptsEffect,
  imgShareEffect,
  LEANS_ATTEMPTS,
  LEANS_USCE,
  LEANS_YEARS,
  leaningFlags,
  lettersEffect,
  type ProgramTruth,
  pairLogOdds,
  screenedOut,
  screeningLogOdds,
  step2Effect,
  usceEffect,
  yearsEffect,
} from '../../model/screening.js';
import { tableSigmoid } from '../../model/table-sigmoid.js';
import type { CompiledMarket } from '../compiled-market.js';
import { FM_MARKET_PARAMETERS, MARKET_TYPE_COUNT, type MarketParameters } from './parameters.js';
import { createGaussian, type RandomSource, sampleProgramSize } from './random.js';

/**
 * One simulated family medicine Match, generated in typed arrays from the one model:
 * 1. Programs draw their facts from model/program-priors.ts (size, typical Step 2 CK, IMG share, whether they take
 *    IMGs and sponsor visas, their own leanings) and a desirability to applicants.
 * 2. Applicants are drawn from model/population.ts; each applies to a random set of programs and is interviewed
 *    at each with chance σ(L), L = model/screening.ts's log-odds — SmartPick's P(interview) for a program whose
 *    facts are known.
 * 3. Programs rank interviewees by L plus what the interview day adds (noise), leaving some off; applicants rank
 *    every interviewed program by desirability plus taste. Couples rank pairs of their partners' programs.
 * Both sides' lists are ordered by sorting packed numeric keys, so no per-applicant objects are made.
 * A market is drawn in two parts: a background (drawMarketBackground: every program but the user's, the applicants
 * and their interviews there), and a run on it (completeMarket: the user's programs, everyone's interviews there,
 * the user). The Monte Carlo draws several runs per background; a run is distributed as a whole new market.
 */

/** What a catalog knows about one of the user's programs; absent facts are drawn from the priors. */
export interface KnownProgramFacts {
  readonly typicalStep2?: number | undefined;
  readonly imgShare?: number | undefined;
  readonly acceptsImgs?: boolean | undefined;
  readonly sponsorsJ1?: boolean | undefined;
  readonly sponsorsH1b?: boolean | undefined;
}

/** One program on the user's rank list. */
export interface UserProgram {
  /** Positions; null = unknown, drawn from the size prior. */
  readonly positions: number | null;
  readonly facts: KnownProgramFacts;
  /** Log-odds only the user knows about the pair: ties, stated preference, network (no signal). */
  readonly extra: number;
  /** The user signaled this program (raises the interview chance, not the rank). */
  readonly signaled: boolean;
}

/**
 * The user inserted into a market: their ranked programs become programs 0..k-1, in order. The user interviewed
 * at each, so each program's unknown facts are drawn given that interview (the prior weighted by the user's
 * P(interview) there) — the same conditioning My list applies to an interview on record.
 */
export interface MarketUser {
  readonly screen: ApplicantScreen;
  readonly programs: readonly UserProgram[];
}

export interface GeneratedMarket {
  readonly market: CompiledMarket;
  /** Per applicant: index into MARKET_APPLICANT_TYPES (population groups). */
  readonly applicantTypes: Int8Array;
  /** Per applicant: its partner in a couple, −1 for singles. */
  readonly partner: Int32Array;
  /** The user's applicant id, or -1 without a user. */
  readonly userApplicant: number;
  /** Program id of the user's i-th ranked program (always i: the user's programs come first). */
  readonly userPrograms: Int32Array;
  /** Programs' drawn facts (for fitting and tests): typical Step 2 CK, IMG-share effect, house leaning, and the
   * leanings that apply only to applicants with a flag (LEANS_* in model/screening.ts). */
  readonly programTruth: {
    readonly typical: Float64Array;
    readonly imgEffect: Float64Array;
    readonly house: Float64Array;
    readonly yearsLeaning: Float64Array;
    readonly attemptsLeaning: Float64Array;
    readonly usceLeaning: Float64Array;
  };
  /** Per population applicant: which program leanings apply to them (LEANS_* bits); the user is not included. */
  readonly applicantFlags: Uint8Array;
}

/** Every interview of a market, for fitting (fit-model.ts): applicant, program, screening log-odds, ranked or not. */
export interface InterviewRecord {
  count: number;
  applicant: Int32Array;
  program: Int32Array;
  logOdds: Float64Array;
  ranked: Uint8Array;
}

export interface GenerateMarketOptions {
  readonly random: RandomSource;
  readonly parameters?: MarketParameters;
  readonly user?: MarketUser;
  /** Reuse across calls in a loop to spare the garbage collector; a fresh one is made when absent. */
  readonly workspace?: MarketWorkspace;
  /** When given, every interview is recorded into it (grown as needed). */
  readonly record?: InterviewRecord;
}

export function createInterviewRecord(): InterviewRecord {
  return {
    count: 0,
    applicant: new Int32Array(0),
    program: new Int32Array(0),
    logOdds: new Float64Array(0),
    ranked: new Uint8Array(0),
  };
}

function recordInterview(
  record: InterviewRecord,
  a: number,
  p: number,
  logOdds: number,
  ranked: boolean,
): void {
  if (record.count === record.applicant.length) {
    const size = Math.max(1024, record.count * 2);
    const applicant = new Int32Array(size);
    applicant.set(record.applicant);
    const program = new Int32Array(size);
    program.set(record.program);
    const lo = new Float64Array(size);
    lo.set(record.logOdds);
    const rk = new Uint8Array(size);
    rk.set(record.ranked);
    record.applicant = applicant;
    record.program = program;
    record.logOdds = lo;
    record.ranked = rk;
  }
  record.applicant[record.count] = a;
  record.program[record.count] = p;
  record.logOdds[record.count] = logOdds;
  record.ranked[record.count] = ranked ? 1 : 0;
  record.count++;
}

/** Most tries at drawing a user's program given their interview before the last draw is kept. */
const CONDITIONING_TRIES = 20_000;

/** Bits for the quantised score inside a packed sort key. */
const SCORE_BITS = 20;
const SCORE_LEVELS = 2 ** SCORE_BITS;
/** Scores (log-odds) beyond ±24 are clamped before packing (none occur in practice). */
const SCORE_RANGE = 24;

function quantiseDescending(score: number): number {
  const clamped = score < -SCORE_RANGE ? -SCORE_RANGE : score > SCORE_RANGE ? SCORE_RANGE : score;
  const q = Math.floor(((clamped + SCORE_RANGE) / (2 * SCORE_RANGE)) * (SCORE_LEVELS - 1));
  return SCORE_LEVELS - 1 - q;
}

function bitsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.log2(count + 1)));
}

/**
 * Interviews as packed sort keys: `keys` holds each interview's applicant-side key (taste, program), in applicant
 * order; `programKeys` and `programOf` hold each ranked interview's program-side key (the program's view,
 * applicant) and the program.
 */
interface InterviewBuffers {
  keys: Float64Array;
  count: number;
  programKeys: Float64Array;
  programOf: Int32Array;
  ranked: number;
}

function createInterviewBuffers(): InterviewBuffers {
  return {
    keys: new Float64Array(0),
    count: 0,
    programKeys: new Float64Array(0),
    programOf: new Int32Array(0),
    ranked: 0,
  };
}

/** Makes room for `needed` more interviews (doubling), keeping those already drawn. */
function reserve(buffers: InterviewBuffers, needed: number): void {
  if (
    buffers.count + needed <= buffers.keys.length &&
    buffers.ranked + needed <= buffers.programKeys.length
  ) {
    return;
  }
  const size = Math.max(buffers.count + needed, buffers.ranked + needed, buffers.keys.length * 2);
  const keys = new Float64Array(size);
  keys.set(buffers.keys.subarray(0, buffers.count));
  const programKeys = new Float64Array(size);
  programKeys.set(buffers.programKeys.subarray(0, buffers.ranked));
  const programOf = new Int32Array(size);
  programOf.set(buffers.programOf.subarray(0, buffers.ranked));
  buffers.keys = keys;
  buffers.programKeys = programKeys;
  buffers.programOf = programOf;
}

/**
 * Scratch buffers reused from one market to the next and from one run to the next (one workspace per loop; never
 * shared between threads): without them, a tenth of the time went to collecting garbage. Interviews per market
 * are not known in advance, so the buffers grow (doubling) as needed. A market background lives in its
 * workspace's buffers: drawing the next background with the same workspace ends the last one.
 */
export interface MarketWorkspace {
  /** The background's interviews: every applicant at every program but the user's. */
  readonly background: InterviewBuffers;
  /** One run's interviews at the user's programs. */
  readonly run: InterviewBuffers;
  /** Applicants' lists, background and run merged. */
  merged: Float64Array;
  /** Program keys bucketed by program for sorting. */
  bucketed: Float64Array;
}

export function createMarketWorkspace(): MarketWorkspace {
  return {
    background: createInterviewBuffers(),
    run: createInterviewBuffers(),
    merged: new Float64Array(0),
    bucketed: new Float64Array(0),
  };
}

function atLeast(array: Float64Array, size: number): Float64Array {
  return array.length >= size ? array : new Float64Array(Math.max(size, array.length * 2));
}

/** Insertion sort of a small ascending run of keys in place (applicants' lists are short). */
function insertionSort(keys: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const key = keys[i] as number;
    let j = i - 1;
    while (j >= from && (keys[j] as number) > key) {
      keys[j + 1] = keys[j] as number;
      j--;
    }
    keys[j + 1] = key;
  }
}

/** Strata for thinning interview draws: more strata, tighter bounds, more setup per market. */
const STRATA = 16;
/** The table logistic's error is below 2e-5; a bound nudged by this stays a bound. */
const SIGMOID_TABLE_ERROR = 1e-3;

/**
 * Natural log of a uniform draw for the geometric skips: a table (4,096 steps, linearly interpolated, error
 * below 4e-5) from 1/64 up, Math.log below where the curve bends too sharply. Math.log was the next largest cost.
 */
const LOG_STEPS = 4096;
const LOG_TABLE_FROM = 1 / 64;
const LOG_TABLE = Float64Array.from({ length: LOG_STEPS + 2 }, (_, i) =>
  Math.log(Math.max(i, 1) / LOG_STEPS),
);

function logUniform(u: number): number {
  if (u < LOG_TABLE_FROM) return Math.log(u);
  const position = u * LOG_STEPS;
  const i = Math.floor(position);
  const low = LOG_TABLE[i] as number;
  return low + ((LOG_TABLE[i + 1] as number) - low) * (position - i);
}

/** `key % scale` for a power-of-two scale, without the slow floating-point remainder. */
function lowPart(key: number, scale: number): number {
  return key - Math.floor(key / scale) * scale;
}

/** ln(1 − x) for the geometric skips: a short series for small x (error below x⁵/5), Math.log1p otherwise. */
function logOneMinus(x: number): number {
  if (x < 0.1) {
    const x2 = x * x;
    return -(x + x2 / 2 + (x2 * x) / 3 + (x2 * x2) / 4);
  }
  return Math.log1p(-Math.min(x, 0.999999));
}

/** The logistic function, exact (the conditioning draw of a user's program is not in the hot loop). */
function sigmoidExact(logOdds: number): number {
  return 1 / (1 + Math.exp(-logOdds));
}

/** Programs' drawn facts, one slot per program. */
interface ProgramArrays {
  readonly capacity: Int32Array;
  readonly desirability: Float64Array;
  readonly typical: Float64Array;
  readonly imgEffect: Float64Array;
  readonly acceptsImgs: Uint8Array;
  readonly sponsorsJ1: Uint8Array;
  readonly sponsorsH1b: Uint8Array;
  readonly house: Float64Array;
  readonly yearsLeaning: Float64Array;
  readonly attemptsLeaning: Float64Array;
  readonly usceLeaning: Float64Array;
}

function createProgramArrays(count: number): ProgramArrays {
  return {
    capacity: new Int32Array(count),
    desirability: new Float64Array(count),
    typical: new Float64Array(count),
    imgEffect: new Float64Array(count),
    acceptsImgs: new Uint8Array(count),
    sponsorsJ1: new Uint8Array(count),
    sponsorsH1b: new Uint8Array(count),
    house: new Float64Array(count),
    yearsLeaning: new Float64Array(count),
    attemptsLeaning: new Float64Array(count),
    usceLeaning: new Float64Array(count),
  };
}

function storeTruth(
  programs: ProgramArrays,
  p: number,
  truth: ProgramTruth,
  model: MarketParameters['model'],
) {
  programs.typical[p] = truth.typicalStep2;
  programs.imgEffect[p] = imgShareEffect(truth.imgShare, model);
  programs.acceptsImgs[p] = truth.acceptsImgs ? 1 : 0;
  programs.sponsorsJ1[p] = truth.sponsorsJ1 ? 1 : 0;
  programs.sponsorsH1b[p] = truth.sponsorsH1b ? 1 : 0;
  programs.house[p] = truth.house;
  programs.yearsLeaning[p] = truth.yearsLeaning;
  programs.attemptsLeaning[p] = truth.attemptsLeaning;
  programs.usceLeaning[p] = truth.usceLeaning;
}

/** The population's applicants (the user is not one of them). */
interface ApplicantArrays {
  readonly count: number;
  readonly types: Int8Array;
  /** Partner in a couple, −1 for singles. */
  readonly partner: Int32Array;
  readonly coupleCount: number;
  readonly base: Float64Array;
  readonly score: Float64Array;
  readonly isImg: Uint8Array;
  readonly visa: Uint8Array;
  readonly flags: Uint8Array;
  readonly listLength: Float64Array;
  /** Chance each program is on the applicant's list (drawn once per market, so it holds for the user's programs too). */
  readonly include: Float64Array;
}

/**
 * Draws a program's true facts given its desirability `d` and what is known about it; the rest from the priors.
 * Reuses one ProgramTruth (the draw is in a loop over every program).
 */
function createTruthDrawer(priors: MarketParameters['priors'], next: () => number, gaussian: () => number) {
  const rho = priors.desirabilityScoreCorrelation;
  const rest = Math.sqrt(1 - rho * rho);
  let mixtureTotal = 0;
  for (const piece of priors.imgShareMixture) mixtureTotal += piece.weight;
  const drawShare = () => {
    let roll = next() * mixtureTotal;
    for (const piece of priors.imgShareMixture) {
      roll -= piece.weight;
      if (roll < 0) return piece.low + next() * (piece.high - piece.low);
    }
    const last = priors.imgShareMixture[priors.imgShareMixture.length - 1];
    return last ? last.low + next() * (last.high - last.low) : 0;
  };
  const truth: ProgramTruth = {
    typicalStep2: 0,
    imgShare: 0,
    acceptsImgs: true,
    sponsorsJ1: true,
    sponsorsH1b: true,
    house: 0,
    yearsLeaning: 0,
    attemptsLeaning: 0,
    usceLeaning: 0,
  };
  const draw = (d: number, known: KnownProgramFacts | undefined): ProgramTruth => {
    truth.typicalStep2 =
      known?.typicalStep2 ?? priors.typicalStep2Mean + priors.typicalStep2Sd * (rho * d + rest * gaussian());
    truth.imgShare = known?.imgShare ?? drawShare();
    truth.acceptsImgs =
      known?.acceptsImgs ?? !(truth.imgShare < priors.noImgsWhenShareBelow && next() < priors.noImgsChance);
    truth.sponsorsJ1 = known?.sponsorsJ1 ?? next() < priors.sponsorsJ1;
    truth.sponsorsH1b = known?.sponsorsH1b ?? next() < priors.sponsorsH1b;
    truth.house = priors.houseSd * gaussian();
    truth.yearsLeaning = priors.yearsLeaningSd * gaussian();
    truth.attemptsLeaning = priors.attemptsLeaningSd * gaussian();
    truth.usceLeaning = priors.usceLeaningSd * gaussian();
    return truth;
  };
  return { draw, rho, rest };
}

/**
 * Thinning bounds for a block of programs [from, to). Per category (U.S. graduates, IMGs) the block's programs
 * are sorted by how open they are to a typical applicant and cut into strata; for every whole Step 2 CK score the
 * population can hold, the largest program-side log-odds in each stratum is tabulated, so an applicant walks each
 * stratum with geometric skips at a tight upper rate and thins to the exact σ(L).
 */
interface ThinningPlan {
  readonly from: number;
  readonly strataSize: number;
  readonly strataCount: number;
  /** Per category: the block's programs by openness. */
  readonly order: readonly [Int32Array, Int32Array];
  /** Per category: [score level × strataCount + stratum] → largest program-side log-odds. */
  readonly bounds: readonly [Float64Array, Float64Array];
  /** [(category × strataCount + stratum) × 3 + leaning] → largest years / attempts / USCE leaning. */
  readonly leaningBounds: Float64Array;
}

function planThinning(
  programs: ProgramArrays,
  from: number,
  to: number,
  strata: number,
  parameters: MarketParameters,
  programScale: number,
): ThinningPlan {
  const { priors, model, population } = parameters;
  const { house, imgEffect, acceptsImgs, typical, yearsLeaning, attemptsLeaning, usceLeaning } = programs;
  const [scoreLow, scoreHigh] = population.step2Range;
  const scoreLevels = scoreHigh - scoreLow + 1;
  const size = to - from;
  const strataSize = Math.max(1, Math.ceil(size / strata));
  const strataCount = Math.ceil(size / strataSize);
  const order: [Int32Array, Int32Array] = [new Int32Array(size), new Int32Array(size)];
  const bounds: [Float64Array, Float64Array] = [
    new Float64Array(scoreLevels * strataCount),
    new Float64Array(scoreLevels * strataCount),
  ];
  const leaningBounds = new Float64Array(2 * strataCount * 3);
  const sortKeys = new Float64Array(size);
  for (let c = 0; c < 2; c++) {
    const byOpenness = order[c] as Int32Array;
    for (let p = from; p < to; p++) {
      const open =
        (house[p] as number) +
        (c === 1 ? (acceptsImgs[p] === 1 ? (imgEffect[p] as number) : -SCORE_RANGE) : 0) -
        0.06 * ((typical[p] as number) - priors.typicalStep2Mean);
      sortKeys[p - from] = quantiseDescending(open / 2) * programScale + p;
    }
    sortKeys.sort();
    for (let i = 0; i < size; i++) byOpenness[i] = lowPart(sortKeys[i] as number, programScale);
    const table = bounds[c] as Float64Array;
    table.fill(Number.NEGATIVE_INFINITY);
    for (let k = 0; k < strataCount; k++) {
      const first = k * strataSize;
      const last = Math.min(size, first + strataSize);
      for (let i = first; i < last; i++) {
        const p = byOpenness[i] as number;
        if (c === 1 && acceptsImgs[p] === 0) continue;
        const programSide = (house[p] as number) + (c === 1 ? (imgEffect[p] as number) : 0);
        for (let level = 0; level < scoreLevels; level++) {
          const value = programSide + step2Effect(scoreLow + level, typical[p] as number, model);
          const slot = level * strataCount + k;
          if (value > (table[slot] as number)) table[slot] = value;
        }
        const l = (c * strataCount + k) * 3;
        leaningBounds[l] = Math.max(leaningBounds[l] as number, yearsLeaning[p] as number);
        leaningBounds[l + 1] = Math.max(leaningBounds[l + 1] as number, attemptsLeaning[p] as number);
        leaningBounds[l + 2] = Math.max(leaningBounds[l + 2] as number, usceLeaning[p] as number);
      }
    }
  }
  return { from, strataSize, strataCount, order, bounds, leaningBounds };
}

/** What interviewing one applicant needs besides the applicant: the market and the random source. */
interface InterviewContext {
  readonly parameters: MarketParameters;
  readonly programs: ProgramArrays;
  readonly applicants: ApplicantArrays;
  readonly applicantScale: number;
  readonly programScale: number;
  readonly next: () => number;
  readonly gaussian: () => number;
  readonly record: InterviewRecord | undefined;
}

function interviewContext(
  market: Pick<
    MarketBackground,
    'parameters' | 'programs' | 'applicants' | 'applicantScale' | 'programScale'
  >,
  next: () => number,
  gaussian: () => number,
  record: InterviewRecord | undefined,
): InterviewContext {
  const { parameters, programs, applicants, applicantScale, programScale } = market;
  return { parameters, programs, applicants, applicantScale, programScale, next, gaussian, record };
}

/**
 * Applicant a's interviews at the plan's programs, appended to `out` (room for one per program reserved by the
 * caller). Each program is on the list independently with chance `include`, and an interview follows with chance
 * σ(L): rather than draw every application, each stratum is walked with geometric skips at an upper bound of that
 * rate and thinned to it — the same distribution with about one random draw per interview.
 */
function interviewApplicant(
  context: InterviewContext,
  plan: ThinningPlan,
  out: InterviewBuffers,
  a: number,
  include: number,
): void {
  const { parameters, programs, applicants, applicantScale, programScale, next, gaussian, record } = context;
  const { model, priors } = parameters;
  const { acceptsImgs, sponsorsJ1, sponsorsH1b, typical, imgEffect, house, desirability } = programs;
  const { yearsLeaning, attemptsLeaning, usceLeaning } = programs;
  const skip = priors.skipInterviewee;
  const rankNoise = priors.rankNoiseSd;
  const tasteSd = priors.tasteSd;
  const b = applicants.base[a] as number;
  const s = applicants.score[a] as number;
  const img = applicants.isImg[a] === 1;
  const v = applicants.visa[a] as number;
  const f = applicants.flags[a] as number;
  const c = img ? 1 : 0;
  const byOpenness = plan.order[c] as Int32Array;
  const table = plan.bounds[c] as Float64Array;
  const strataCount = plan.strataCount;
  const level = (s - parameters.population.step2Range[0]) * strataCount;
  const visaShift = v !== 0 ? model.interview.visa.sponsorshipKnown : 0;
  const { keys, programKeys, programOf } = out;
  const leaningBounds = plan.leaningBounds;
  let interviews = out.count;
  let ranked = out.ranked;
  for (let k = 0; k < strataCount; k++) {
    const programSide = table[level + k] as number;
    if (programSide === Number.NEGATIVE_INFINITY) continue;
    const l = (c * strataCount + k) * 3;
    let bound = b + programSide + visaShift;
    if ((f & LEANS_YEARS) !== 0) bound += Math.max(0, leaningBounds[l] as number);
    if ((f & LEANS_ATTEMPTS) !== 0) bound += Math.max(0, leaningBounds[l + 1] as number);
    if ((f & LEANS_USCE) !== 0) bound += Math.max(0, leaningBounds[l + 2] as number);
    const boundRate = include * tableSigmoid(bound + SIGMOID_TABLE_ERROR);
    if (boundRate <= 0) continue;
    const logMiss = logOneMinus(boundRate);
    const first = k * plan.strataSize;
    const size = Math.min(byOpenness.length, first + plan.strataSize) - first;
    let i = -1;
    for (;;) {
      let u = next();
      while (u === 0) u = next();
      i += 1 + Math.floor(logUniform(u) / logMiss);
      if (i >= size) break;
      const p = byOpenness[first + i] as number;
      if (img && acceptsImgs[p] === 0) continue;
      if ((v === 1 && sponsorsJ1[p] === 0) || (v === 2 && sponsorsH1b[p] === 0)) continue;
      const logOdds = pairLogOdds(
        b,
        s,
        img,
        v !== 0,
        f,
        typical[p] as number,
        imgEffect[p] as number,
        house[p] as number,
        yearsLeaning[p] as number,
        attemptsLeaning[p] as number,
        usceLeaning[p] as number,
        model,
      );
      if (next() * boundRate >= include * tableSigmoid(logOdds)) continue;
      const taste = (desirability[p] as number) + tasteSd * gaussian();
      keys[interviews++] = quantiseDescending(taste) * programScale + p;
      const isRanked = next() >= skip;
      if (record) recordInterview(record, a, p, logOdds, isRanked);
      if (!isRanked) continue;
      programKeys[ranked] = quantiseDescending(logOdds + rankNoise * gaussian()) * applicantScale + a;
      programOf[ranked++] = p;
    }
  }
  out.count = interviews;
  out.ranked = ranked;
}

/**
 * Sorts ranked interviews into per-program lists for programs [from, to): bucket by program, then sort each
 * bucket's keys (ascending key = best first). Writes applicant ids into `rol` from `rolStart` and the lists'
 * offsets into `offsets[from..to]` (relative to `rolStart`).
 */
function programLists(
  interviews: InterviewBuffers,
  from: number,
  to: number,
  applicantScale: number,
  workspace: MarketWorkspace,
): { offsets: Int32Array; rol: Int32Array } {
  const count = to - from;
  const offsets = new Int32Array(count + 1);
  const { programKeys, programOf, ranked } = interviews;
  for (let i = 0; i < ranked; i++) {
    const slot = (programOf[i] as number) - from + 1;
    offsets[slot] = (offsets[slot] as number) + 1;
  }
  for (let p = 0; p < count; p++) offsets[p + 1] = (offsets[p + 1] as number) + (offsets[p] as number);
  workspace.bucketed = atLeast(workspace.bucketed, ranked);
  const bucketed = workspace.bucketed;
  const fill = offsets.slice(0, count);
  for (let i = 0; i < ranked; i++) {
    const slot = (programOf[i] as number) - from;
    bucketed[fill[slot] as number] = programKeys[i] as number;
    fill[slot] = (fill[slot] as number) + 1;
  }
  const rol = new Int32Array(ranked);
  for (let p = 0; p < count; p++) {
    const first = offsets[p] as number;
    const last = offsets[p + 1] as number;
    if (last - first > 1) bucketed.subarray(first, last).sort();
    for (let i = first; i < last; i++) rol[i] = lowPart(bucketed[i] as number, applicantScale);
  }
  return { offsets, rol };
}

/**
 * Everything in one simulated Match except what depends on the user's programs: the other programs' facts, the
 * population's applicants and their interviews and rank lists at those programs. Several runs can share one
 * background, each drawing the user's programs and everyone's interviews there afresh (completeMarket): every
 * run then has the distribution of a whole new market, and runs sharing a background are correlated only through
 * the competition around the user. Programs 0..userProgramCount-1 are left for those draws.
 */
export interface MarketBackground {
  readonly parameters: MarketParameters;
  readonly userProgramCount: number;
  readonly programs: ProgramArrays;
  readonly applicants: ApplicantArrays;
  readonly applicantScale: number;
  readonly programScale: number;
  /** Per applicant: where its background interviews start in the workspace's background keys (sorted). */
  readonly applicantStart: Int32Array;
  /** Background programs' rank lists (programs userProgramCount.. in order), offsets relative to rol. */
  readonly programRolOffsets: Int32Array;
  readonly programRol: Int32Array;
  readonly workspace: MarketWorkspace;
}

export interface DrawBackgroundOptions {
  readonly random: RandomSource;
  readonly parameters?: MarketParameters;
  /** Programs left for the user's rank list (drawn with each run); 0 without a user. */
  readonly userProgramCount: number;
  readonly workspace?: MarketWorkspace;
  readonly record?: InterviewRecord;
}

/**
 * Draws a market's background (see MarketBackground). Deterministic given the random source's state.
 *
 * @example
 * const background = drawMarketBackground({ random: seededRandom(1), userProgramCount: 3 });
 * const run = completeMarket(background, { user, random: seededRandom(2) });
 */
export function drawMarketBackground(options: DrawBackgroundOptions): MarketBackground {
  const parameters = options.parameters ?? FM_MARKET_PARAMETERS;
  const { population, priors, model } = parameters;
  const random = options.random;
  const next = () => random.next();
  const gaussian = createGaussian(random);
  const userProgramCount = options.userProgramCount;
  const programCount = parameters.programCount;
  if (userProgramCount > programCount) {
    throw new RangeError(`A rank list of ${userProgramCount} programs exceeds the market's ${programCount}`);
  }

  // Programs other than the user's: facts from the priors.
  const programs = createProgramArrays(programCount);
  const truths = createTruthDrawer(priors, next, gaussian);
  for (let p = userProgramCount; p < programCount; p++) {
    programs.capacity[p] = sampleProgramSize(priors, next());
    const d = gaussian();
    programs.desirability[p] = d;
    storeTruth(programs, p, truths.draw(d, undefined), model);
  }

  // Applicants, in blocks by group.
  let applicantCount = 0;
  for (const group of POPULATION_GROUPS) applicantCount += population.applicants[group];
  const types = new Int8Array(applicantCount);
  const base = new Float64Array(applicantCount);
  const score = new Float64Array(applicantCount);
  const isImg = new Uint8Array(applicantCount);
  const visa = new Uint8Array(applicantCount);
  const flags = new Uint8Array(applicantCount);
  const listLength = new Float64Array(applicantCount);
  const partner = new Int32Array(applicantCount).fill(-1);
  let coupleCount = 0;
  const [scoreLow, scoreHigh] = population.step2Range;
  {
    const m = model.interview;
    let a = 0;
    for (let g = 0; g < MARKET_TYPE_COUNT; g++) {
      const group = POPULATION_GROUPS[g] as (typeof POPULATION_GROUPS)[number];
      const count = population.applicants[group];
      const type = GROUP_TYPE[group];
      const img = type === 'us-img' || type === 'non-us-img';
      const yearsTable = population.yearsSinceGraduation[group];
      let yearsTotal = 0;
      for (const [, weight] of yearsTable) yearsTotal += weight;
      // Members are i.i.d., so making the first members of each block the couples is as good as choosing at random.
      const couples = Math.floor((count * population.coupleShare) / 2);
      for (let c = 0; c < couples; c++) {
        partner[a + 2 * c] = a + 2 * c + 1;
        partner[a + 2 * c + 1] = a + 2 * c;
      }
      coupleCount += couples;
      for (let i = 0; i < count; i++, a++) {
        types[a] = g;
        let roll = next() * yearsTotal;
        let years = yearsTable[yearsTable.length - 1]?.[0] ?? 0;
        for (const [value, weight] of yearsTable) {
          roll -= weight;
          if (roll < 0) {
            years = value;
            break;
          }
        }
        const failed = next() < population.oneFailure[group] ? 1 : 0;
        const handsOn = img ? Math.floor(next() * (population.maxHandsOnMonths[group] + 1)) : 0;
        const observership = img ? Math.floor(next() * (population.maxObservershipMonths + 1)) : 0;
        const letters = img ? imgLettersFor(handsOn) : population.letters[group].us;
        const inSpecialty = img ? letters : population.letters[group].inSpecialty;
        const effective = m.usce.weightHandsOn * handsOn + m.usce.weightObservership * observership;
        base[a] =
          m.intercept[type] +
          yearsEffect(years, model) +
          attemptsEffect(failed, model) +
          usceEffect(img, effective, model) +
          lettersEffect(letters, inSpecialty, model);
        const drawn = population.step2Mean[group] + population.step2Sd * gaussian();
        score[a] = drawn < scoreLow ? scoreLow : drawn > scoreHigh ? scoreHigh : Math.round(drawn);
        isImg[a] = img ? 1 : 0;
        if (group === 'non-us-img') {
          const v = next();
          visa[a] =
            v < population.nonUsVisa.j1 ? 1 : v < population.nonUsVisa.j1 + population.nonUsVisa.h1b ? 2 : 0;
        }
        flags[a] =
          (years > m.yearsSinceGraduation.graceYears ? LEANS_YEARS : 0) |
          (failed > 0 ? LEANS_ATTEMPTS : 0) |
          (img && handsOn < m.usce.checkBelowHandsOnMonths ? LEANS_USCE : 0);
        listLength[a] = population.listLength[group];
      }
    }
  }
  const applicants: ApplicantArrays = {
    count: applicantCount,
    types,
    partner,
    coupleCount,
    base,
    score,
    isImg,
    visa,
    flags,
    listLength,
    include: new Float64Array(applicantCount),
  };

  // Keys have room for the user as one more applicant.
  const applicantBits = bitsFor(applicantCount + 1);
  const programBits = bitsFor(programCount);
  if (applicantBits + programBits + SCORE_BITS > 52) {
    throw new RangeError('Market too large for packed sort keys');
  }
  const applicantScale = 2 ** applicantBits;
  const programScale = 2 ** programBits;
  const plan = planThinning(programs, userProgramCount, programCount, STRATA, parameters, programScale);

  const workspace = options.workspace ?? createMarketWorkspace();
  const interviews = workspace.background;
  interviews.count = 0;
  interviews.ranked = 0;
  reserve(interviews, applicantCount * 16);
  const context = interviewContext(
    { parameters, programs, applicants, applicantScale, programScale },
    next,
    gaussian,
    options.record,
  );
  const applicantStart = new Int32Array(applicantCount + 1);
  const backgroundPrograms = programCount - userProgramCount;
  for (let a = 0; a < applicantCount; a++) {
    applicantStart[a] = interviews.count;
    const middle = listLength[a] as number;
    const low = Math.round(middle / 2);
    const high = Math.min(programCount, Math.round(middle * 1.5));
    const include = (low + Math.floor(next() * (high - low + 1))) / programCount;
    applicants.include[a] = include;
    reserve(interviews, backgroundPrograms);
    interviewApplicant(context, plan, interviews, a, include);
  }
  applicantStart[applicantCount] = interviews.count;
  for (let a = 0; a < applicantCount; a++) {
    insertionSort(interviews.keys, applicantStart[a] as number, applicantStart[a + 1] as number);
  }
  const lists = programLists(interviews, userProgramCount, programCount, applicantScale, workspace);
  return {
    parameters,
    userProgramCount,
    programs,
    applicants,
    applicantScale,
    programScale,
    applicantStart,
    programRolOffsets: lists.offsets,
    programRol: lists.rol,
    workspace,
  };
}

export interface CompleteMarketOptions {
  /** The user; required when the background left programs for a rank list. */
  readonly user?: MarketUser;
  readonly random: RandomSource;
  readonly record?: InterviewRecord;
}

/**
 * One run on a background: draws the user's programs given the user's interview at each (the prior weighted by
 * the user's P(interview) there — the same conditioning My list applies to an interview on record), every other
 * applicant's interviews there, and puts the user in as the last applicant ranking those programs in order. The
 * background's user-program slots are overwritten, so a background serves one run at a time.
 */
export function completeMarket(
  background: MarketBackground,
  options: CompleteMarketOptions,
): GeneratedMarket {
  const { parameters, programs, applicants, applicantScale, programScale, workspace } = background;
  const { priors, model } = parameters;
  const user = options.user;
  const k = background.userProgramCount;
  if ((user?.programs.length ?? 0) !== k) {
    throw new RangeError(`This market was drawn for a rank list of ${k} programs`);
  }
  const random = options.random;
  const next = () => random.next();
  const gaussian = createGaussian(random);
  const record = options.record;
  const programCount = parameters.programCount;
  const populationCount = applicants.count;
  const run = workspace.run;
  run.count = 0;
  run.ranked = 0;

  // The user's programs, each drawn given the user's interview there: accept a draw with the chance it would
  // have interviewed them. The desirability is drawn again with each try, so it follows the typical score the
  // interview makes likely.
  const userRankLogOdds = new Float64Array(k);
  const truths = createTruthDrawer(priors, next, gaussian);
  for (let p = 0; p < k && user; p++) {
    const given = user.programs[p] as UserProgram;
    programs.capacity[p] = given.positions ?? sampleProgramSize(priors, next());
    const knownTypical = given.facts.typicalStep2;
    const drawDesirability = () =>
      knownTypical === undefined
        ? gaussian()
        : truths.rho * ((knownTypical - priors.typicalStep2Mean) / priors.typicalStep2Sd) +
          truths.rest * gaussian();
    const signal = given.signaled ? model.interview.signal : 0;
    for (let attempt = 0; ; attempt++) {
      const d = drawDesirability();
      const truth = truths.draw(d, given.facts);
      const logOdds = screeningLogOdds(user.screen, truth, given.extra, model);
      const last = attempt + 1 >= CONDITIONING_TRIES;
      if (logOdds === Number.NEGATIVE_INFINITY && !last) continue;
      if (last || next() < sigmoidExact(logOdds + signal)) {
        // Screened out for sure (a known rule): it will not rank the user, whatever the interview.
        userRankLogOdds[p] = logOdds;
        programs.desirability[p] = d;
        storeTruth(programs, p, truth, model);
        break;
      }
    }
  }

  // Everyone else's interviews at the user's programs, with the chance of being on their list drawn for the market.
  const runStart = new Int32Array(populationCount + 1);
  if (k > 0) {
    const plan = planThinning(programs, 0, k, Math.ceil(k / 50), parameters, programScale);
    const context = interviewContext(background, next, gaussian, record);
    for (let a = 0; a < populationCount; a++) {
      runStart[a] = run.count;
      reserve(run, k);
      interviewApplicant(context, plan, run, a, applicants.include[a] as number);
      insertionSort(run.keys, runStart[a] as number, run.count);
    }
  }
  runStart[populationCount] = run.count;

  // The user interviewed at each of programs 0..k-1 and ranks them in that order.
  const userApplicant = user ? populationCount : -1;
  const applicantCount = populationCount + (user ? 1 : 0);
  if (user) {
    reserve(run, k);
    for (let p = 0; p < k; p++) {
      const logOdds = userRankLogOdds[p] as number;
      const ranked = next() >= priors.skipInterviewee && logOdds !== Number.NEGATIVE_INFINITY;
      if (record) recordInterview(record, userApplicant, p, logOdds, ranked);
      if (!ranked) continue;
      run.programKeys[run.ranked] =
        quantiseDescending(logOdds + priors.rankNoiseSd * gaussian()) * applicantScale + userApplicant;
      run.programOf[run.ranked++] = p;
    }
  }

  // Program rank lists: the user's programs (this run's), then the background's.
  const userLists = programLists(run, 0, k, applicantScale, workspace);
  const userRanked = userLists.rol.length;
  const programRolOffsets = new Int32Array(programCount + 1);
  programRolOffsets.set(userLists.offsets);
  for (let p = k + 1; p <= programCount; p++) {
    programRolOffsets[p] = userRanked + (background.programRolOffsets[p - k] as number);
  }
  const programRol = new Int32Array(userRanked + background.programRol.length);
  programRol.set(userLists.rol);
  programRol.set(background.programRol, userRanked);

  // Applicants' lists: background and run merged (both sorted), the user's last.
  const backgroundKeys = workspace.background.keys;
  const backgroundStart = background.applicantStart;
  const total = (backgroundStart[populationCount] as number) + run.count + k;
  workspace.merged = atLeast(workspace.merged, total);
  const merged = workspace.merged;
  const runKeys = run.keys;
  const start = new Int32Array(applicantCount + 1);
  let written = 0;
  for (let a = 0; a < populationCount; a++) {
    start[a] = written;
    let i = backgroundStart[a] as number;
    const iEnd = backgroundStart[a + 1] as number;
    let j = runStart[a] as number;
    const jEnd = runStart[a + 1] as number;
    if (j === jEnd) {
      merged.set(backgroundKeys.subarray(i, iEnd), written);
      written += iEnd - i;
      continue;
    }
    while (i < iEnd && j < jEnd) {
      const x = backgroundKeys[i] as number;
      const y = runKeys[j] as number;
      if (x <= y) {
        merged[written++] = x;
        i++;
      } else {
        merged[written++] = y;
        j++;
      }
    }
    while (i < iEnd) merged[written++] = backgroundKeys[i++] as number;
    while (j < jEnd) merged[written++] = runKeys[j++] as number;
  }
  if (user) {
    start[userApplicant] = written;
    for (let p = 0; p < k; p++) merged[written++] = p * programScale + p;
  }
  start[applicantCount] = written;

  let partner = applicants.partner;
  let applicantTypes = applicants.types;
  if (user) {
    partner = new Int32Array(applicantCount);
    partner.set(applicants.partner);
    partner[userApplicant] = -1;
    applicantTypes = new Int8Array(applicantCount);
    applicantTypes.set(applicants.types);
    const screen = user.screen;
    applicantTypes[userApplicant] =
      screen.type === 'us-md' ? 0 : screen.type === 'us-do' ? 1 : screen.type === 'us-img' ? 2 : 3;
  }
  const compiled = applicantLists(merged, start, partner, applicants.coupleCount, programScale, parameters);

  const userPrograms = new Int32Array(k);
  for (let i = 0; i < k; i++) userPrograms[i] = i;
  return {
    market: {
      applicantCount,
      programCount,
      capacity: programs.capacity.slice(),
      ...compiled,
      programRolOffsets,
      programRol,
      coupleCount: applicants.coupleCount,
    },
    applicantTypes,
    partner,
    programTruth: {
      typical: programs.typical,
      imgEffect: programs.imgEffect,
      house: programs.house,
      yearsLeaning: programs.yearsLeaning,
      attemptsLeaning: programs.attemptsLeaning,
      usceLeaning: programs.usceLeaning,
    },
    applicantFlags: applicants.flags,
    userApplicant,
    userPrograms,
  };
}

/** Applicants' rank lists from sorted keys; couple members' lists feed their couple's lines. */
function applicantLists(
  keys: Float64Array,
  start: Int32Array,
  partner: Int32Array,
  coupleCount: number,
  programScale: number,
  parameters: MarketParameters,
): Pick<
  CompiledMarket,
  'applicantRolOffsets' | 'applicantRol' | 'coupleMembers' | 'coupleRolOffsets' | 'coupleRol'
> {
  const applicantCount = partner.length;
  const maxLines = parameters.population.coupleMaxLines;
  const applicantRolOffsets = new Int32Array(applicantCount + 1);
  let singleEntries = 0;
  for (let a = 0; a < applicantCount; a++) {
    if (partner[a] === -1) singleEntries += (start[a + 1] as number) - (start[a] as number);
  }
  const applicantRol = new Int32Array(singleEntries);
  const coupleMembers = new Int32Array(2 * coupleCount);
  const coupleRolOffsets = new Int32Array(coupleCount + 1);
  const coupleRol = new Int32Array(2 * coupleCount * maxLines);
  let written = 0;
  let couple = 0;
  let lines = 0;
  for (let a = 0; a < applicantCount; a++) {
    applicantRolOffsets[a] = written;
    const from = start[a] as number;
    const to = start[a + 1] as number;
    const other = partner[a] as number;
    if (other === -1) {
      for (let i = from; i < to; i++) applicantRol[written++] = lowPart(keys[i] as number, programScale);
      continue;
    }
    if (other < a) continue;
    // A couple (a, other): lines (i-th choice of a, j-th choice of other) by rank sum, then a's rank.
    coupleMembers[2 * couple] = a;
    coupleMembers[2 * couple + 1] = other;
    coupleRolOffsets[couple] = lines;
    const firstLength = to - from;
    const secondFrom = start[other] as number;
    const secondLength = (start[other + 1] as number) - secondFrom;
    let coupleLines = 0;
    for (let sum = 0; sum <= firstLength + secondLength - 2; sum++) {
      if (coupleLines >= maxLines) break;
      const iLow = Math.max(0, sum - secondLength + 1);
      const iHigh = Math.min(sum, firstLength - 1);
      for (let i = iLow; i <= iHigh && coupleLines < maxLines; i++) {
        const j = sum - i;
        coupleRol[2 * lines] = lowPart(keys[from + i] as number, programScale);
        coupleRol[2 * lines + 1] = lowPart(keys[secondFrom + j] as number, programScale);
        lines++;
        coupleLines++;
      }
    }
    couple++;
  }
  applicantRolOffsets[applicantCount] = written;
  coupleRolOffsets[coupleCount] = lines;
  return {
    applicantRolOffsets,
    applicantRol,
    coupleMembers,
    coupleRolOffsets,
    coupleRol: coupleRol.slice(0, 2 * lines),
  };
}

/**
 * Generates one market: a background and one run on it. Deterministic given the random source's state.
 *
 * @example
 * const { market, applicantTypes } = generateMarket({ random: seededRandom(1) });
 * market.programCount; // 800
 */
export function generateMarket(options: GenerateMarketOptions): GeneratedMarket {
  const background = drawMarketBackground({
    random: options.random,
    userProgramCount: options.user?.programs.length ?? 0,
    ...(options.parameters ? { parameters: options.parameters } : {}),
    ...(options.workspace ? { workspace: options.workspace } : {}),
    ...(options.record ? { record: options.record } : {}),
  });
  return completeMarket(background, {
    random: options.random,
    ...(options.user ? { user: options.user } : {}),
    ...(options.record ? { record: options.record } : {}),
  });
}
