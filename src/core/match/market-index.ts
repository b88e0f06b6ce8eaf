import type { CompiledMarket } from './compiled-market.js';

/** A program that does not rank the applicant on a rank-list entry. */
export const UNRANKED = -1;

/**
 * What the solver and the stability check look up on every proposal, computed once per market.
 * Ranks sit beside the entries that need them, so a proposal reads one Int32Array slot instead of
 * searching the program's list or hashing (national scale: ~600,000 entries).
 */
export interface MarketIndex {
  /** Per applicantRol entry: the rank (0 = first) the program gives that applicant, or UNRANKED. */
  applicantEntryRank: Int32Array;
  /** Per coupleRol entry: the rank the program gives that partner, or UNRANKED (also for NO_PROGRAM). */
  coupleEntryRank: Int32Array;
  /** Per applicant: the couple it belongs to, or -1 for a single. */
  coupleOf: Int32Array;
  /**
   * Every rank-list entry naming program p, at bucketEntry[bucketOffsets[p] .. bucketOffsets[p+1]): who
   * might want a position that has just come free. Applicant entries are numbered as in applicantRol,
   * couple entries follow (applicantRol.length + coupleRol index); bucketApplicant names the applicant.
   */
  bucketOffsets: Int32Array;
  bucketEntry: Int32Array;
  bucketApplicant: Int32Array;
}

/**
 * Builds the index in time linear in the lists: entries are bucketed by program (counting sort), then each
 * program's list is scattered into a scratch array keyed by applicant and read back for its bucket.
 */
export function indexMarket(market: CompiledMarket): MarketIndex {
  const { applicantCount, programCount, coupleCount, applicantRol, applicantRolOffsets, coupleRol } = market;
  const { coupleRolOffsets, coupleMembers, programRol, programRolOffsets } = market;
  const singleEntries = applicantRol.length;

  const coupleOf = new Int32Array(applicantCount).fill(-1);
  for (let c = 0; c < coupleCount; c++) {
    coupleOf[coupleMembers[2 * c] as number] = c;
    coupleOf[coupleMembers[2 * c + 1] as number] = c;
  }

  const { bucketOffsets, bucketEntry, bucketApplicant } = programBuckets(market);

  const applicantEntryRank = new Int32Array(singleEntries).fill(UNRANKED);
  const coupleEntryRank = new Int32Array(coupleRol.length).fill(UNRANKED);
  const rankOf = new Int32Array(applicantCount).fill(UNRANKED);
  for (let p = 0; p < programCount; p++) {
    const from = programRolOffsets[p] as number;
    const to = programRolOffsets[p + 1] as number;
    for (let t = to - 1; t >= from; t--) rankOf[programRol[t] as number] = t - from;
    for (let k = bucketOffsets[p] as number; k < (bucketOffsets[p + 1] as number); k++) {
      const entry = bucketEntry[k] as number;
      const rank = rankOf[bucketApplicant[k] as number] as number;
      if (entry < singleEntries) applicantEntryRank[entry] = rank;
      else coupleEntryRank[entry - singleEntries] = rank;
    }
    for (let t = from; t < to; t++) rankOf[programRol[t] as number] = UNRANKED;
  }
  return { applicantEntryRank, coupleEntryRank, coupleOf, bucketOffsets, bucketEntry, bucketApplicant };
}

/** Every rank-list entry naming each program (see MarketIndex), by counting sort: linear in the lists. */
export function programBuckets(
  market: CompiledMarket,
): Pick<MarketIndex, 'bucketOffsets' | 'bucketEntry' | 'bucketApplicant'> {
  const { applicantCount, programCount, coupleCount, applicantRol, applicantRolOffsets, coupleRol } = market;
  const { coupleRolOffsets, coupleMembers } = market;
  const singleEntries = applicantRol.length;
  const bucketOffsets = new Int32Array(programCount + 1);
  const bump = (p: number) => {
    bucketOffsets[p + 1] = (bucketOffsets[p + 1] as number) + 1;
  };
  for (let i = 0; i < singleEntries; i++) bump(applicantRol[i] as number);
  for (let j = 0; j < coupleRol.length; j++) if ((coupleRol[j] as number) >= 0) bump(coupleRol[j] as number);
  for (let p = 0; p < programCount; p++) {
    bucketOffsets[p + 1] = (bucketOffsets[p + 1] as number) + (bucketOffsets[p] as number);
  }

  const bucketEntry = new Int32Array(bucketOffsets[programCount] as number);
  const bucketApplicant = new Int32Array(bucketEntry.length);
  const cursor = bucketOffsets.slice(0, programCount);
  for (let a = 0; a < applicantCount; a++) {
    for (let i = applicantRolOffsets[a] as number; i < (applicantRolOffsets[a + 1] as number); i++) {
      const p = applicantRol[i] as number;
      const k = cursor[p] as number;
      cursor[p] = k + 1;
      bucketEntry[k] = i;
      bucketApplicant[k] = a;
    }
  }
  for (let c = 0; c < coupleCount; c++) {
    for (let j = 2 * (coupleRolOffsets[c] as number); j < 2 * (coupleRolOffsets[c + 1] as number); j++) {
      const p = coupleRol[j] as number;
      if (p < 0) continue;
      const k = cursor[p] as number;
      cursor[p] = k + 1;
      // Couple entries follow the single entries in one numbering, so one bucket array holds both.
      bucketEntry[k] = singleEntries + j;
      bucketApplicant[k] = coupleMembers[2 * c + (j & 1)] as number;
    }
  }

  return { bucketOffsets, bucketEntry, bucketApplicant };
}
