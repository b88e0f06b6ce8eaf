import { type CompiledMarket, NO_PROGRAM } from './compiled-market.js';
import { type MarketIndex, programBuckets } from './market-index.js';

/**
 * How the solver learns the rank a program gives a proposer, picked by the market's shape:
 * - `'buckets'`: every entry's rank before the first proposal, in time linear in the lists (entries
 *   bucketed by program, each program's list scattered once). Sparse lists: the real Match (12 ranks per
 *   applicant), short one-to-one lists.
 * - `'inverse'`: dense lists (one-to-one with complete lists): a program's list becomes a dense
 *   applicant → rank slice the first time someone proposes to it, so lists nobody proposes down are never
 *   read and a lookup is one read.
 * Finding each program entry on the applicant's own list instead (what the C reference does) measured
 * 1.5-2× slower than buckets in TypeScript (bench/RESULTS.md), so it is not offered.
 */
export type RankMode = 'buckets' | 'inverse';

/**
 * Per rank-list entry, the program's rank of that applicant as a code: rank + 1 when ranked, -1 when the
 * program does not rank them, 0 when not looked up yet (`'inverse'` mode only). Codes keep the order of
 * ranks, so the solver compares codes directly.
 */
export interface RankLookup {
  mode: RankMode;
  singleCode: Int32Array;
  /** Per coupleRol entry; always resolved (-1 also for NO_PROGRAM). */
  coupleCode: Int32Array;
  /** Per applicant: its couple, or -1. */
  coupleOf: Int32Array;
  /** `'inverse'` mode: programCount × applicantCount codes (0 = unranked), filled a program at a time. */
  inverse: Int32Array | null;
  inverted: Uint8Array | null;
  /** Who ranks each program (market-index.ts), when the mode built them; the couples solver needs them. */
  buckets?: Pick<MarketIndex, 'bucketOffsets' | 'bucketEntry' | 'bucketApplicant'>;
}

export const UNRANKED_CODE = -1;

/**
 * Dense slices cost a zeroed programCount × applicantCount array whose pages are touched wherever a list
 * entry lands, so they pay only when lists fill a good share of it. Assumption, from measurements on this
 * machine (bench/RESULTS.md): complete 2000 × 2000 lists run ~5× faster inverted; 20-entry lists (1% dense)
 * and the national Match run faster bucketed.
 */
const INVERSE_MIN_DENSITY = 1 / 8;
/** At most 16M codes (64 MB). */
const INVERSE_MAX_CELLS = 1 << 24;

export function chooseRankMode(market: CompiledMarket): RankMode {
  const cells = market.programCount * market.applicantCount;
  const dense = market.programRol.length >= cells * INVERSE_MIN_DENSITY;
  return dense && cells > 0 && cells <= INVERSE_MAX_CELLS ? 'inverse' : 'buckets';
}

export function coupleOfApplicants(market: CompiledMarket): Int32Array {
  const coupleOf = new Int32Array(market.applicantCount).fill(-1);
  for (let c = 0; c < market.coupleCount; c++) {
    coupleOf[market.coupleMembers[2 * c] as number] = c;
    coupleOf[market.coupleMembers[2 * c + 1] as number] = c;
  }
  return coupleOf;
}

export function createRankLookup(market: CompiledMarket, mode = chooseRankMode(market)): RankLookup {
  const coupleOf = coupleOfApplicants(market);
  if (mode === 'buckets') return bucketLookup(market, coupleOf);
  const lookup: RankLookup = {
    mode,
    singleCode: new Int32Array(market.applicantRol.length),
    coupleCode: new Int32Array(market.coupleRol.length).fill(UNRANKED_CODE),
    coupleOf,
    inverse: new Int32Array(market.programCount * market.applicantCount),
    inverted: new Uint8Array(market.programCount),
  };
  const { coupleRol, coupleMembers, coupleRolOffsets } = market;
  for (let c = 0; c < market.coupleCount; c++) {
    for (let j = 2 * (coupleRolOffsets[c] as number); j < 2 * (coupleRolOffsets[c + 1] as number); j++) {
      const p = coupleRol[j] as number;
      if (p !== NO_PROGRAM)
        lookup.coupleCode[j] = inverseCode(market, lookup, p, coupleMembers[2 * c + (j & 1)] as number);
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
  const inverse = lookup.inverse as Int32Array;
  const inverted = lookup.inverted as Uint8Array;
  const base = p * market.applicantCount;
  if (inverted[p] === 0) {
    inverted[p] = 1;
    const from = market.programRolOffsets[p] as number;
    const to = market.programRolOffsets[p + 1] as number;
    for (let t = from; t < to; t++) inverse[base + (market.programRol[t] as number)] = t - from + 1;
  }
  const code = inverse[base + a] as number;
  return code === 0 ? UNRANKED_CODE : code;
}

/** The code of single entry i (applicant a ranking program p), looking it up when not resolved yet. */
export function singleEntryCode(
  market: CompiledMarket,
  lookup: RankLookup,
  i: number,
  p: number,
  a: number,
): number {
  const code = lookup.singleCode[i] as number;
  if (code !== 0) return code;
  const resolved = inverseCode(market, lookup, p, a);
  lookup.singleCode[i] = resolved;
  return resolved;
}
