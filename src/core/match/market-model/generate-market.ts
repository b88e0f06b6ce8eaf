import type { CompiledMarket } from '../compiled-market.js';
import { FM_MARKET_PARAMETERS, MARKET_TYPE_COUNT, type MarketParameters } from './parameters.js';
import { createGaussian, type RandomSource, sampleProgramSize } from './random.js';

/**
 * One synthetic family medicine Match, generated in typed arrays:
 * 1. Programs get a size, a desirability d ~ N(0,1) and a competitiveness correlated with it.
 * 2. Each applicant applies to a random set of programs and is interviewed at each with
 *    P = sigmoid(intercept[type] + slope × (strength − competitiveness) + visa term) (parameters.ts says why this
 *    mirrors, rather than calls, SmartPick's interview model).
 * 3. Programs rank interviewees by strength + noise, leaving some off (visa they cannot sponsor, "do not rank");
 *    applicants rank every interviewed program by desirability + noise. Couples rank pairs of their partners'
 *    interviewed programs, best rank-sum first.
 * Both sides' lists are ordered by sorting packed numeric keys, so no per-applicant objects are made.
 */

/** The user inserted into a market: their ranked programs become programs 0..k-1 of the market, in order. */
export interface MarketUser {
  /** Positions of each ranked program, most preferred first; null = unknown, drawn from the size distribution. */
  readonly programPositions: readonly (number | null)[];
  /**
   * Per ranked program: the user's P(interview) there (0..1), or null. When given, it sets the user's strength as
   * that program sees it (the strength at which the interview model gives that probability); else `strength`.
   */
  readonly programStanding: readonly (number | null)[];
  /** Latent strength on the model's scale (a U.S. MD senior averages 0, SD 1). */
  readonly strength: number;
  /** Index into MARKET_APPLICANT_TYPES. */
  readonly type: number;
}

export interface GeneratedMarket {
  readonly market: CompiledMarket;
  /** Per applicant: index into MARKET_APPLICANT_TYPES. */
  readonly applicantTypes: Int8Array;
  /** The user's applicant id, or -1 without a user. */
  readonly userApplicant: number;
  /** Program id of the user's i-th ranked program (always i: the user's programs come first). */
  readonly userPrograms: Int32Array;
}

export interface GenerateMarketOptions {
  readonly random: RandomSource;
  readonly parameters?: MarketParameters;
  readonly user?: MarketUser;
  /** Reuse across calls in a loop to spare the garbage collector; a fresh one is made when absent. */
  readonly workspace?: MarketWorkspace;
}

/** Bits for the quantised score inside a packed sort key. */
const SCORE_BITS = 20;
const SCORE_LEVELS = 2 ** SCORE_BITS;
/** Scores beyond ±8 latent SD are clamped before packing (none occur in practice). */
const SCORE_RANGE = 8;

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

/** Competitiveness strata for thinning interview draws: more strata, tighter bounds, more setup per applicant. */
const STRATA = 8;

/**
 * The logistic function from a table, linearly interpolated (step 1/32, error below 2e-5): Math.exp was the
 * single largest cost of generating a market. Monotone, so a bound computed with it stays a bound.
 */
const SIGMOID_RANGE = 16;
const SIGMOID_STEPS_PER_UNIT = 32;
const SIGMOID_TABLE = Float64Array.from(
  { length: 2 * SIGMOID_RANGE * SIGMOID_STEPS_PER_UNIT + 2 },
  (_, i) => 1 / (1 + Math.exp(-(i / SIGMOID_STEPS_PER_UNIT - SIGMOID_RANGE))),
);
const SIGMOID_LAST = 2 * SIGMOID_RANGE * SIGMOID_STEPS_PER_UNIT;

function sigmoid(logOdds: number): number {
  const position = (logOdds + SIGMOID_RANGE) * SIGMOID_STEPS_PER_UNIT;
  if (position <= 0) return SIGMOID_TABLE[0] as number;
  if (position >= SIGMOID_LAST) return SIGMOID_TABLE[SIGMOID_LAST] as number;
  const i = Math.floor(position);
  const low = SIGMOID_TABLE[i] as number;
  return low + ((SIGMOID_TABLE[i + 1] as number) - low) * (position - i);
}

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

function logit(p: number): number {
  return Math.log(p / (1 - p));
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
  const random = options.random;
  const next = () => random.next();
  const gaussian = createGaussian(random);
  const user = options.user;
  const userProgramCount = user ? user.programPositions.length : 0;
  const programCount = parameters.programCount;
  if (userProgramCount > programCount) {
    throw new RangeError(`A rank list of ${userProgramCount} programs exceeds the market's ${programCount}`);
  }

  // Programs.
  const capacity = new Int32Array(programCount);
  const desirability = new Float64Array(programCount);
  const competitiveness = new Float64Array(programCount);
  const sponsors = new Uint8Array(programCount);
  const rho = parameters.competitivenessFromDesirability;
  const rest = Math.sqrt(1 - rho * rho);
  for (let p = 0; p < programCount; p++) {
    const given = p < userProgramCount ? user?.programPositions[p] : null;
    capacity[p] = given ?? sampleProgramSize(parameters, next());
    const d = gaussian();
    desirability[p] = d;
    competitiveness[p] = rho * d + rest * gaussian();
    sponsors[p] = next() < parameters.programSponsorsVisa ? 1 : 0;
  }

  // Applicants, in blocks by type; the user, if any, last.
  let applicantCount = 0;
  for (let t = 0; t < MARKET_TYPE_COUNT; t++) applicantCount += parameters.applicants[t] ?? 0;
  const userApplicant = user ? applicantCount : -1;
  if (user) applicantCount++;
  const applicantTypes = new Int8Array(applicantCount);
  const strength = new Float64Array(applicantCount);
  const needsVisa = new Uint8Array(applicantCount);
  /** Partner of a couple member, -1 for singles. */
  const partner = new Int32Array(applicantCount).fill(-1);
  let coupleCount = 0;
  {
    let a = 0;
    for (let t = 0; t < MARKET_TYPE_COUNT; t++) {
      const count = parameters.applicants[t] ?? 0;
      const mean = parameters.strengthMean[t] ?? 0;
      const visaShare = parameters.needsVisa[t] ?? 0;
      // Strengths are i.i.d., so making the first members of each block the couples is as good as choosing at random.
      const couples = Math.floor((count * parameters.coupleShare) / 2);
      for (let c = 0; c < couples; c++) {
        partner[a + 2 * c] = a + 2 * c + 1;
        partner[a + 2 * c + 1] = a + 2 * c;
      }
      coupleCount += couples;
      for (let i = 0; i < count; i++, a++) {
        applicantTypes[a] = t;
        strength[a] = mean + parameters.strengthSd * gaussian();
        needsVisa[a] = next() < visaShare ? 1 : 0;
      }
    }
    if (user) {
      applicantTypes[userApplicant] = user.type;
      strength[userApplicant] = user.strength;
    }
  }

  const applicantBits = bitsFor(applicantCount);
  const programBits = bitsFor(programCount);
  if (applicantBits + programBits + SCORE_BITS > 52) {
    throw new RangeError('Market too large for packed sort keys');
  }
  const applicantScale = 2 ** applicantBits;
  const programScale = 2 ** programBits;

  // Programs by competitiveness, in STRATA strata of near-equal size, each with its least competitive value.
  const byCompetitiveness = new Int32Array(programCount);
  {
    const keys = new Float64Array(programCount);
    for (let p = 0; p < programCount; p++)
      keys[p] = quantiseDescending(-(competitiveness[p] as number)) * programScale + p;
    keys.sort();
    for (let i = 0; i < programCount; i++) byCompetitiveness[i] = lowPart(keys[i] as number, programScale);
  }
  const strataStart = new Int32Array(STRATA + 1);
  const strataMin = new Float64Array(STRATA);
  for (let k = 0; k <= STRATA; k++) strataStart[k] = Math.round((k * programCount) / STRATA);
  for (let k = 0; k < STRATA; k++) {
    const first = byCompetitiveness[strataStart[k] as number];
    strataMin[k] = first === undefined ? 0 : (competitiveness[first] as number);
  }

  // Interviews. applicantKeys: (score rank, program) per applicant, in applicant order; programSide: the
  // program's key for that interview and which program, or -1 when the program will not rank the applicant.
  const m = parameters.interview;
  const work = options.workspace ?? createMarketWorkspace();
  ensureCapacity(work, applicantCount * 16, 0);
  let { applicantKeys, programKeys, programOf } = work;
  const applicantStart = new Int32Array(applicantCount + 1);
  let interviews = 0;
  let programRanked = 0;
  const programRankCount = new Int32Array(programCount);

  for (let a = 0; a < applicantCount; a++) {
    applicantStart[a] = interviews;
    if (a === userApplicant && user) {
      // The user's rank list is given: they interviewed at each of programs 0..k-1 and rank them in that order.
      const needed = interviews + userProgramCount;
      if (needed > applicantKeys.length) {
        ensureCapacity(work, needed, interviews);
        ({ applicantKeys, programKeys, programOf } = work);
      }
      const intercept = m.intercept[user.type] ?? 0;
      for (let p = 0; p < userProgramCount; p++) {
        applicantKeys[interviews++] = p * programScale + p;
        const standing = user.programStanding[p];
        const seen =
          standing === null || standing === undefined
            ? user.strength
            : (competitiveness[p] as number) +
              (logit(Math.min(0.999, Math.max(0.001, standing))) - intercept) / m.strengthSlope;
        if (next() < parameters.programSkipsInterviewee) continue;
        const score = seen + parameters.programRankNoiseSd * gaussian();
        programKeys[programRanked] = quantiseDescending(score) * applicantScale + a;
        programOf[programRanked++] = p;
        programRankCount[p] = (programRankCount[p] as number) + 1;
      }
      continue;
    }
    const t = applicantTypes[a] as number;
    const middle = parameters.listLength[t] ?? 0;
    const low = Math.round(middle / 2);
    const high = Math.min(programCount, Math.round(middle * 1.5));
    // Each program is on the list independently with chance listLength / programCount (so the list length is
    // binomial around the drawn value), and an interview follows with the logistic chance. Rather than draw
    // every application, walk each competitiveness stratum with geometric skips at an upper-bound rate and thin:
    // the same distribution with about one random draw per interview instead of two per application.
    const include = (low + Math.floor(next() * (high - low + 1))) / programCount;
    // At most one interview per program, however the list length falls.
    const needed = interviews + programCount;
    if (needed > applicantKeys.length) {
      ensureCapacity(work, needed, interviews);
      ({ applicantKeys, programKeys, programOf } = work);
    }
    const s = strength[a] as number;
    const base = (m.intercept[t] ?? 0) + m.strengthSlope * s;
    const visa = needsVisa[a] === 1;
    const bestVisa = visa ? Math.max(m.visaSponsoring, m.visaNotSponsoring) : 0;
    for (let k = 0; k < STRATA; k++) {
      const from = strataStart[k] as number;
      const size = (strataStart[k + 1] as number) - from;
      // Upper bound of the interview chance in this stratum: at its least competitive program, best visa case.
      const bound = include * sigmoid(base - m.strengthSlope * (strataMin[k] as number) + bestVisa);
      if (bound <= 0) continue;
      const logMiss = Math.log1p(-bound);
      let i = -1;
      for (;;) {
        let u = next();
        while (u === 0) u = next();
        i += 1 + Math.floor(logUniform(u) / logMiss);
        if (i >= size) break;
        const p = byCompetitiveness[from + i] as number;
        const sponsor = sponsors[p] === 1;
        let logOdds = base - m.strengthSlope * (competitiveness[p] as number);
        if (visa) logOdds += sponsor ? m.visaSponsoring : m.visaNotSponsoring;
        if (next() * bound >= include * sigmoid(logOdds)) continue;
        const taste = (desirability[p] as number) + parameters.applicantRankNoiseSd * gaussian();
        applicantKeys[interviews++] = quantiseDescending(taste) * programScale + p;
        if ((visa && !sponsor) || next() < parameters.programSkipsInterviewee) continue;
        const score = s + parameters.programRankNoiseSd * gaussian();
        programKeys[programRanked] = quantiseDescending(score) * applicantScale + a;
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
  const coupleRol = new Int32Array(2 * coupleCount * parameters.coupleMaxLines);
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
      if (coupleLines >= parameters.coupleMaxLines) break;
      const iLow = Math.max(0, sum - secondLength + 1);
      const iHigh = Math.min(sum, firstLength - 1);
      for (let i = iLow; i <= iHigh && coupleLines < parameters.coupleMaxLines; i++) {
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
    userApplicant,
    userPrograms,
  };
}
