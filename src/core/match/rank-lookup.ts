import { type CompiledMarket, NO_PROGRAM } from './compiled-market.js';
import { type MarketIndex, programBuckets } from './market-index.js';

/**
 * How the solver learns the rank a program gives a proposer, picked by the market's shape:
 * - `'buckets'`: every entry's rank before the first proposal, in time linear in the lists (entries
 *   bucketed by program, each program's list scattered once). For markets where proposals reach a good
 *   share of the entries and program lists are long: the real Match (12 ranks per applicant, ~100 per
 *   program, proposals = 44% of entries).
 * - `'scan'`: no index; a proposal looks for the proposer on the program's list, scanning that stretch of
 *   the typed array, and only as far as the worst holder's rank when the program is full. For short
 *   program lists (20-entry one-to-one) and for long applicant lists that proposals barely enter
 *   (one-to-one with complete lists: ~16,000 proposals over 4,000,000 entries).
 * - `'inverse'`: a program's list becomes a dense applicant → rank slice the first time someone proposes to
 *   it. Never chosen by shape (it measured slower than `'scan'` on both one-to-one shapes, bench/RESULTS.md);
 *   kept as an option and as a check on the other two.
 * Finding each program entry on the applicant's own list instead (what the C reference does) measured about
 * twice as slow as buckets in TypeScript on the national market while this was written, so it is not offered.
 */
export type RankMode = 'buckets' | 'inverse' | 'scan';

/**
 * Rank codes: rank + 1 when the program ranks the applicant, UNRANKED_CODE (-1) when not. Codes keep the
 * order of ranks, so the solver compares them directly.
 */
export interface RankLookup {
  mode: RankMode;
  /** `'buckets'` mode: per applicantRol entry; empty otherwise. */
  singleCode: Int32Array;
  /** Per coupleRol entry, in every mode (UNRANKED_CODE also for NO_PROGRAM). */
  coupleCode: Int32Array;
  /** Per applicant: its couple, or -1. */
  coupleOf: Int32Array;
  /** `'inverse'` mode: programCount × applicantCount codes (0 = unranked), filled a program at a time. */
  inverse: Uint16Array | null;
  inverted: Uint8Array | null;
  /** Who ranks each program (market-index.ts), when the mode built them; the couples solver needs them. */
  buckets?: Pick<MarketIndex, 'bucketOffsets' | 'bucketEntry' | 'bucketApplicant'>;
}

export const UNRANKED_CODE = -1;

/**
 * Assumptions, measured on this machine (bench/RESULTS.md, rank modes compared on the three shapes):
 * scanning wins while program lists average at most a few dozen entries, or while applicants rank so many
 * programs that deferred acceptance stops far short of the lists' ends.
 */
const SCAN_MAX_AVERAGE_PROGRAM_LIST = 32;
const SCAN_MIN_AVERAGE_APPLICANT_LIST = 64;
/** The inverse holds Uint16 codes in programCount × applicantCount cells: at most 16M (32 MB). */
const INVERSE_MAX_CELLS = 1 << 24;
const INVERSE_MAX_LIST = 0xfffe;

export function chooseRankMode(market: CompiledMarket): RankMode {
  const { programCount, applicantCount, programRol, applicantRol } = market;
  const shortProgramLists = programRol.length <= programCount * SCAN_MAX_AVERAGE_PROGRAM_LIST;
  const longApplicantLists = applicantRol.length >= applicantCount * SCAN_MIN_AVERAGE_APPLICANT_LIST;
  return shortProgramLists || longApplicantLists ? 'scan' : 'buckets';
}

/** Whether the market fits `'inverse'` mode (its codes are Uint16, its cells bounded). */
export function canInvert(market: CompiledMarket): boolean {
  const { programCount, applicantCount, programRolOffsets } = market;
  if (programCount * applicantCount > INVERSE_MAX_CELLS) return false;
  for (let p = 0; p < programCount; p++) {
    if ((programRolOffsets[p + 1] as number) - (programRolOffsets[p] as number) > INVERSE_MAX_LIST)
      return false;
  }
  return true;
}

export function coupleOfApplicants(market: CompiledMarket): Int32Array {
  const coupleOf = new Int32Array(market.applicantCount).fill(-1);
  for (let c = 0; c < market.coupleCount; c++) {
    coupleOf[market.coupleMembers[2 * c] as number] = c;
    coupleOf[market.coupleMembers[2 * c + 1] as number] = c;
  }
  return coupleOf;
}

export function createRankLookup(market: CompiledMarket, requested?: RankMode): RankLookup {
  const mode =
    requested === 'inverse' && !canInvert(market) ? 'buckets' : (requested ?? chooseRankMode(market));
  const coupleOf = coupleOfApplicants(market);
  if (mode === 'buckets') return bucketLookup(market, coupleOf);
  const inverse = mode === 'inverse';
  const lookup: RankLookup = {
    mode,
    singleCode: new Int32Array(0),
    coupleCode: new Int32Array(market.coupleRol.length).fill(UNRANKED_CODE),
    coupleOf,
    inverse: inverse ? new Uint16Array(market.programCount * market.applicantCount) : null,
    inverted: inverse ? new Uint8Array(market.programCount) : null,
  };
  const { coupleRol, coupleMembers, coupleRolOffsets } = market;
  for (let c = 0; c < market.coupleCount; c++) {
    for (let j = 2 * (coupleRolOffsets[c] as number); j < 2 * (coupleRolOffsets[c + 1] as number); j++) {
      const p = coupleRol[j] as number;
      const a = coupleMembers[2 * c + (j & 1)] as number;
      if (p !== NO_PROGRAM)
        lookup.coupleCode[j] = inverse ? inverseCode(market, lookup, p, a) : scanCode(market, p, a);
    }
  }
  return lookup;
}

/**
 * Entries bucketed by program (counting sort), then each program's list written into a scratch array keyed
 * by applicant and read back for its bucket. The scratch slot holds p × stride + code, so a slot left by an
 * earlier program reads as "not ranked here" and never needs clearing.
 */
function bucketLookup(market: CompiledMarket, coupleOf: Int32Array): RankLookup {
  const { programCount, programRol, programRolOffsets, applicantCount } = market;
  const singleEntries = market.applicantRol.length;
  const buckets = programBuckets(market);
  const { bucketOffsets, bucketEntry, bucketApplicant } = buckets;
  const singleCode = new Int32Array(singleEntries);
  const coupleCode = new Int32Array(market.coupleRol.length).fill(UNRANKED_CODE);
  let longest = 0;
  for (let p = 0; p < programCount; p++) {
    longest = Math.max(longest, (programRolOffsets[p + 1] as number) - (programRolOffsets[p] as number));
  }
  const stride = longest + 1;
  const packed = programCount * stride < 0x7fffffff;
  const scratch = new Int32Array(applicantCount);
  for (let p = 0; p < programCount; p++) {
    const from = programRolOffsets[p] as number;
    const to = programRolOffsets[p + 1] as number;
    const base = packed ? p * stride : 0;
    for (let t = from; t < to; t++) scratch[programRol[t] as number] = base + t - from + 1;
    const end = bucketOffsets[p + 1] as number;
    for (let k = bucketOffsets[p] as number; k < end; k++) {
      const value = (scratch[bucketApplicant[k] as number] as number) - base;
      const code = value > 0 && value < stride ? value : UNRANKED_CODE;
      const entry = bucketEntry[k] as number;
      if (entry < singleEntries) singleCode[entry] = code;
      else coupleCode[entry - singleEntries] = code;
    }
    if (!packed) for (let t = from; t < to; t++) scratch[programRol[t] as number] = 0;
  }
  // Entries naming a program are all bucketed, so every single entry got a code; couple NO_PROGRAM
  // entries keep UNRANKED_CODE.
  return { mode: 'buckets', singleCode, coupleCode, coupleOf, inverse: null, inverted: null, buckets };
}

/** `'inverse'` mode: program p's code for applicant a, inverting p's list on first use. */
export function inverseCode(market: CompiledMarket, lookup: RankLookup, p: number, a: number): number {
  const inverse = lookup.inverse as Uint16Array;
  const inverted = lookup.inverted as Uint8Array;
  const base = p * market.applicantCount;
  if (inverted[p] === 0) {
    inverted[p] = 1;
    const from = market.programRolOffsets[p] as number;
    const to = market.programRolOffsets[p + 1] as number;
    const programRol = market.programRol;
    for (let t = from; t < to; t++) inverse[base + (programRol[t] as number)] = t - from + 1;
  }
  const code = inverse[base + a] as number;
  return code === 0 ? UNRANKED_CODE : code;
}

/** `'scan'` mode: program p's code for applicant a, found on p's list. */
export function scanCode(market: CompiledMarket, p: number, a: number): number {
  const { programRol, programRolOffsets } = market;
  const from = programRolOffsets[p] as number;
  const to = programRolOffsets[p + 1] as number;
  for (let t = from; t < to; t++) if (programRol[t] === a) return t - from + 1;
  return UNRANKED_CODE;
}

/** The code of single entry i (applicant a ranking program p). */
export function singleEntryCode(
  market: CompiledMarket,
  lookup: RankLookup,
  i: number,
  p: number,
  a: number,
): number {
  if (lookup.mode === 'buckets') return lookup.singleCode[i] as number;
  return lookup.mode === 'inverse' ? inverseCode(market, lookup, p, a) : scanCode(market, p, a);
}
