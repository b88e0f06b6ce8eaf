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
  /** Programs' drawn facts (for fitting and tests): typical Step 2 CK, IMG-share effect, house leaning. */
  readonly programTruth: {
    readonly typical: Float64Array;
    readonly imgEffect: Float64Array;
    readonly house: Float64Array;
  };
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
 * Scratch buffers reused from one market to the next (one workspace per loop; never shared between threads):
 * without them, a tenth of the time went to collecting garbage. Interviews per market are not known in
 * advance, so the buffers grow (doubling) as needed.
 */
export interface MarketWorkspace {
  applicantKeys: Float64Array;
  programKeys: Float64Array;
  programOf: Int32Array;
  bucketed: Float64Array;
}

export function createMarketWorkspace(): MarketWorkspace {
  return {
    applicantKeys: new Float64Array(0),
    programKeys: new Float64Array(0),
    programOf: new Int32Array(0),
    bucketed: new Float64Array(0),
  };
}

/** Makes room for `needed` interviews, keeping the first `used`. */
function ensureCapacity(work: MarketWorkspace, needed: number, used: number): void {
  if (needed <= work.applicantKeys.length) return;
  const size = Math.max(needed, work.applicantKeys.length * 2);
  const applicantKeys = new Float64Array(size);
  applicantKeys.set(work.applicantKeys.subarray(0, used));
  const programKeys = new Float64Array(size);
  programKeys.set(work.programKeys.subarray(0, used));
  const programOf = new Int32Array(size);
  programOf.set(work.programOf.subarray(0, used));
  work.applicantKeys = applicantKeys;
  work.programKeys = programKeys;
  work.programOf = programOf;
  work.bucketed = new Float64Array(size);
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
/**
 * Generates one market. Deterministic given the random source's state.
 *
 * @example
 * const { market, applicantTypes } = generateMarket({ random: seededRandom(1) });
 * market.programCount; // 800
 */
export function generateMarket(options: GenerateMarketOptions): GeneratedMarket {
  const parameters = options.parameters ?? FM_MARKET_PARAMETERS;
  const { population, priors, model } = parameters;
  const random = options.random;
  const next = () => random.next();
  const gaussian = createGaussian(random);
  const record = options.record;
  const user = options.user;
  const userProgramCount = user ? user.programs.length : 0;
  const programCount = parameters.programCount;
  if (userProgramCount > programCount) {
    throw new RangeError(`A rank list of ${userProgramCount} programs exceeds the market's ${programCount}`);
  }

  // Programs: facts from the priors.
  const capacity = new Int32Array(programCount);
  const desirability = new Float64Array(programCount);
  const typical = new Float64Array(programCount);
  const imgEffect = new Float64Array(programCount);
  const acceptsImgs = new Uint8Array(programCount);
  const sponsorsJ1 = new Uint8Array(programCount);
  const sponsorsH1b = new Uint8Array(programCount);
  const house = new Float64Array(programCount);
  const yearsLeaning = new Float64Array(programCount);
  const attemptsLeaning = new Float64Array(programCount);
  const usceLeaning = new Float64Array(programCount);
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
  const drawTruth = (d: number, known: KnownProgramFacts | undefined) => {
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
  };
  const userRankLogOdds = new Float64Array(userProgramCount);
  for (let p = 0; p < programCount; p++) {
    const given = p < userProgramCount ? user?.programs[p] : undefined;
    capacity[p] = given?.positions ?? sampleProgramSize(priors, next());
    // Desirability is drawn with the typical score it correlates with; a known score pulls it along.
    const knownTypical = given?.facts.typicalStep2;
    const drawDesirability = () =>
      knownTypical === undefined
        ? gaussian()
        : rho * ((knownTypical - priors.typicalStep2Mean) / priors.typicalStep2Sd) + rest * gaussian();
    let d = drawDesirability();
    if (given && user) {
      // Drawn given the user's interview there: accept a draw with the chance it would have interviewed them. The
      // desirability is drawn again with each try, so it follows the typical score the interview makes likely.
      const signal = given.signaled ? model.interview.signal : 0;
      for (let attempt = 0; ; attempt++) {
        if (attempt > 0) d = drawDesirability();
        drawTruth(d, given.facts);
        const logOdds = screeningLogOdds(user.screen, truth, given.extra, model);
        const last = attempt + 1 >= CONDITIONING_TRIES;
        if (logOdds === Number.NEGATIVE_INFINITY && !last) continue;
        if (last || next() < sigmoidExact(logOdds + signal)) {
          // Screened out for sure (a known rule): it will not rank the user, whatever the interview.
          userRankLogOdds[p] = logOdds;
          break;
        }
      }
      desirability[p] = d;
    } else {
      desirability[p] = d;
      drawTruth(d, undefined);
    }
    typical[p] = truth.typicalStep2;
    imgEffect[p] = imgShareEffect(truth.imgShare, model);
    acceptsImgs[p] = truth.acceptsImgs ? 1 : 0;
    sponsorsJ1[p] = truth.sponsorsJ1 ? 1 : 0;
    sponsorsH1b[p] = truth.sponsorsH1b ? 1 : 0;
    house[p] = truth.house;
    yearsLeaning[p] = truth.yearsLeaning;
    attemptsLeaning[p] = truth.attemptsLeaning;
    usceLeaning[p] = truth.usceLeaning;
  }

  // Applicants, in blocks by group; the user, if any, last.
  let applicantCount = 0;
  for (const group of POPULATION_GROUPS) applicantCount += population.applicants[group];
  const userApplicant = user ? applicantCount : -1;
  if (user) applicantCount++;
  const applicantTypes = new Int8Array(applicantCount);
  const base = new Float64Array(applicantCount);
  const score = new Float64Array(applicantCount);
  const isImg = new Uint8Array(applicantCount);
  const visa = new Uint8Array(applicantCount);
  const flags = new Uint8Array(applicantCount);
  const listLength = new Float64Array(applicantCount);
  /** Partner of a couple member, -1 for singles. */
  const partner = new Int32Array(applicantCount).fill(-1);
  let coupleCount = 0;
  {
    const m = model.interview;
    const [scoreLow, scoreHigh] = population.step2Range;
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
        applicantTypes[a] = g;
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
    if (user) {
      const screen = user.screen;
      const group =
        screen.type === 'us-md' ? 0 : screen.type === 'us-do' ? 1 : screen.type === 'us-img' ? 2 : 3;
      applicantTypes[userApplicant] = group;
      base[userApplicant] = screen.base;
      score[userApplicant] = screen.score;
      isImg[userApplicant] = screen.isImg ? 1 : 0;
      visa[userApplicant] = screen.visa;
      flags[userApplicant] = leaningFlags(screen);
    }
  }

  const applicantBits = bitsFor(applicantCount);
  const programBits = bitsFor(programCount);
  if (applicantBits + programBits + SCORE_BITS > 52) {
    throw new RangeError('Market too large for packed sort keys');
  }
  const applicantScale = 2 ** applicantBits;
  const programScale = 2 ** programBits;

  // Thinning bounds. Per category (U.S. graduates, IMGs) programs are sorted by how open they are to a typical
  // applicant and cut into strata; for every whole Step 2 CK score the population can hold, the largest program-side
  // log-odds in each stratum is tabulated, so an applicant walks each stratum with geometric skips at a tight upper
  // rate and thins to the exact σ(L).
  const [scoreLow, scoreHigh] = population.step2Range;
  const scoreLevels = scoreHigh - scoreLow + 1;
  const strataSize = Math.max(1, Math.ceil(programCount / STRATA));
  const strataCount = Math.ceil(programCount / strataSize);
  const order = [new Int32Array(programCount), new Int32Array(programCount)];
  const bounds = [new Float64Array(scoreLevels * strataCount), new Float64Array(scoreLevels * strataCount)];
  const leaningBounds = new Float64Array(2 * strataCount * 3);
  {
    const sortKeys = new Float64Array(programCount);
    for (let c = 0; c < 2; c++) {
      const byOpenness = order[c] as Int32Array;
      for (let p = 0; p < programCount; p++) {
        const open =
          (house[p] as number) +
          (c === 1 ? (acceptsImgs[p] === 1 ? (imgEffect[p] as number) : -SCORE_RANGE) : 0) -
          0.06 * ((typical[p] as number) - priors.typicalStep2Mean);
        sortKeys[p] = quantiseDescending(open / 2) * programScale + p;
      }
      sortKeys.sort();
      for (let i = 0; i < programCount; i++) byOpenness[i] = lowPart(sortKeys[i] as number, programScale);
      const table = bounds[c] as Float64Array;
      table.fill(Number.NEGATIVE_INFINITY);
      for (let k = 0; k < strataCount; k++) {
        const from = k * strataSize;
        const to = Math.min(programCount, from + strataSize);
        for (let i = from; i < to; i++) {
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
  }

  // Interviews. applicantKeys: (taste rank, program) per applicant, in applicant order; programKeys: the
  // program's key for that interview, and which program.
  const work = options.workspace ?? createMarketWorkspace();
  ensureCapacity(work, applicantCount * 16, 0);
  let { applicantKeys, programKeys, programOf } = work;
  const applicantStart = new Int32Array(applicantCount + 1);
  let interviews = 0;
  let programRanked = 0;
  const programRankCount = new Int32Array(programCount);
  const skip = priors.skipInterviewee;
  const rankNoise = priors.rankNoiseSd;
  const tasteSd = priors.tasteSd;

  for (let a = 0; a < applicantCount; a++) {
    applicantStart[a] = interviews;
    if (a === userApplicant && user) {
      // The user's rank list is given: they interviewed at each of programs 0..k-1 and rank them in that order.
      const needed = interviews + userProgramCount;
      if (needed > applicantKeys.length) {
        ensureCapacity(work, needed, interviews);
        ({ applicantKeys, programKeys, programOf } = work);
      }
      for (let p = 0; p < userProgramCount; p++) {
        applicantKeys[interviews++] = p * programScale + p;
        const logOdds = userRankLogOdds[p] as number;
        const ranked = next() >= skip && logOdds !== Number.NEGATIVE_INFINITY;
        if (record) recordInterview(record, a, p, logOdds, ranked);
        if (!ranked) continue;
        programKeys[programRanked] =
          quantiseDescending(logOdds + rankNoise * gaussian()) * applicantScale + a;
        programOf[programRanked++] = p;
        programRankCount[p] = (programRankCount[p] as number) + 1;
      }
      continue;
    }
    const middle = listLength[a] as number;
    const low = Math.round(middle / 2);
    const high = Math.min(programCount, Math.round(middle * 1.5));
    // Each program is on the list independently with chance listLength / programCount, and an interview follows
    // with chance σ(L). Rather than draw every application, walk each stratum with geometric skips at an upper
    // bound of that rate and thin: the same distribution with about one random draw per interview.
    const include = (low + Math.floor(next() * (high - low + 1))) / programCount;
    const needed = interviews + programCount;
    if (needed > applicantKeys.length) {
      ensureCapacity(work, needed, interviews);
      ({ applicantKeys, programKeys, programOf } = work);
    }
    const b = base[a] as number;
    const s = score[a] as number;
    const img = isImg[a] === 1;
    const v = visa[a] as number;
    const f = flags[a] as number;
    // Each program is on the list independently with chance listLength / programCount, and an interview follows
    // with chance σ(L): drawn by thinning, stratum by stratum, from the tabulated upper bound.
    const c = img ? 1 : 0;
    const byOpenness = order[c] as Int32Array;
    const table = bounds[c] as Float64Array;
    const level = (s - scoreLow) * strataCount;
    const visaShift = v !== 0 ? model.interview.visa.sponsorshipKnown : 0;
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
      const from = k * strataSize;
      const size = Math.min(programCount, from + strataSize) - from;
      let i = -1;
      for (;;) {
        let u = next();
        while (u === 0) u = next();
        i += 1 + Math.floor(logUniform(u) / logMiss);
        if (i >= size) break;
        const p = byOpenness[from + i] as number;
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
        applicantKeys[interviews++] = quantiseDescending(taste) * programScale + p;
        const ranked = next() >= skip;
        if (record) recordInterview(record, a, p, logOdds, ranked);
        if (!ranked) continue;
        programKeys[programRanked] =
          quantiseDescending(logOdds + rankNoise * gaussian()) * applicantScale + a;
        programOf[programRanked++] = p;
        programRankCount[p] = (programRankCount[p] as number) + 1;
      }
    }
  }
  applicantStart[applicantCount] = interviews;

  // Program rank lists: bucket by program, then sort each bucket's keys (ascending key = best first).
  const programRolOffsets = new Int32Array(programCount + 1);
  for (let p = 0; p < programCount; p++) {
    programRolOffsets[p + 1] = (programRolOffsets[p] as number) + (programRankCount[p] as number);
  }
  const bucketed = work.bucketed;
  const fill = programRolOffsets.slice(0, programCount);
  for (let i = 0; i < programRanked; i++) {
    const p = programOf[i] as number;
    bucketed[fill[p] as number] = programKeys[i] as number;
    fill[p] = (fill[p] as number) + 1;
  }
  const programRol = new Int32Array(programRanked);
  for (let p = 0; p < programCount; p++) {
    const from = programRolOffsets[p] as number;
    const to = programRolOffsets[p + 1] as number;
    bucketed.subarray(from, to).sort();
    for (let i = from; i < to; i++) programRol[i] = lowPart(bucketed[i] as number, applicantScale);
  }

  // Applicant rank lists: sort each applicant's short run; couple members' lists feed their couple's lines.
  for (let a = 0; a < applicantCount; a++) {
    insertionSort(applicantKeys, applicantStart[a] as number, applicantStart[a + 1] as number);
  }
  const applicantRolOffsets = new Int32Array(applicantCount + 1);
  let singleEntries = 0;
  for (let a = 0; a < applicantCount; a++) {
    if (partner[a] === -1) singleEntries += (applicantStart[a + 1] as number) - (applicantStart[a] as number);
  }
  const applicantRol = new Int32Array(singleEntries);
  const coupleMembers = new Int32Array(2 * coupleCount);
  const coupleRolOffsets = new Int32Array(coupleCount + 1);
  const coupleRol = new Int32Array(2 * coupleCount * population.coupleMaxLines);
  let written = 0;
  let couple = 0;
  let lines = 0;
  for (let a = 0; a < applicantCount; a++) {
    applicantRolOffsets[a] = written;
    const from = applicantStart[a] as number;
    const to = applicantStart[a + 1] as number;
    const other = partner[a] as number;
    if (other === -1) {
      for (let i = from; i < to; i++)
        applicantRol[written++] = lowPart(applicantKeys[i] as number, programScale);
      continue;
    }
    if (other < a) continue;
    // A couple (a, other): lines (i-th choice of a, j-th choice of other) by rank sum, then a's rank.
    coupleMembers[2 * couple] = a;
    coupleMembers[2 * couple + 1] = other;
    coupleRolOffsets[couple] = lines;
    const firstFrom = from;
    const firstLength = to - from;
    const secondFrom = applicantStart[other] as number;
    const secondLength = (applicantStart[other + 1] as number) - secondFrom;
    let coupleLines = 0;
    for (let sum = 0; sum <= firstLength + secondLength - 2; sum++) {
      if (coupleLines >= population.coupleMaxLines) break;
      const iLow = Math.max(0, sum - secondLength + 1);
      const iHigh = Math.min(sum, firstLength - 1);
      for (let i = iLow; i <= iHigh && coupleLines < population.coupleMaxLines; i++) {
        const j = sum - i;
        coupleRol[2 * lines] = lowPart(applicantKeys[firstFrom + i] as number, programScale);
        coupleRol[2 * lines + 1] = lowPart(applicantKeys[secondFrom + j] as number, programScale);
        lines++;
        coupleLines++;
      }
    }
    couple++;
  }
  applicantRolOffsets[applicantCount] = written;
  coupleRolOffsets[coupleCount] = lines;

  const userPrograms = new Int32Array(userProgramCount);
  for (let i = 0; i < userProgramCount; i++) userPrograms[i] = i;
  return {
    market: {
      applicantCount,
      programCount,
      capacity,
      applicantRolOffsets,
      applicantRol,
      programRolOffsets,
      programRol,
      coupleCount,
      coupleMembers,
      coupleRolOffsets,
      coupleRol: coupleRol.slice(0, 2 * lines),
    },
    applicantTypes,
    partner,
    programTruth: { typical, imgEffect, house },
    userApplicant,
    userPrograms,
  };
}
