import { type CompiledMarket, NO_PROGRAM } from './compiled-market.js';
import { indexMarket, UNRANKED } from './market-index.js';
import { createHolds, hold, release, secondWorstRank, worstRank } from './program-holds.js';
import { type BlockingPair, coupleLineBlocks, findBlockingPairs, singleBlocks } from './stability.js';

export interface SolveMatchOptions {
  /**
   * How many rounds of putting back blocking singles and couples (left behind by couples' withdrawals) to
   * apply again before giving up: with couples a stable matching may not exist at all. Assumption: 1,000 is
   * far above what settling takes (synthetic national markets with 1,000 couples settle in 6-12 rounds)
   * and costs well under 100 ms more when a market never settles.
   */
  maxRounds?: number;
}

export interface MatchResult {
  /** Per applicant: the program it matched, or NO_PROGRAM. */
  assignment: Int32Array;
  /** Applications made: a single applying to one program, or a couple applying to one line, counts 1. */
  proposals: number;
  status: 'stable' | 'no-stable-matching-found';
  /** Present when status is 'no-stable-matching-found': what was still blocking when the bound was hit. */
  blockingPairs?: BlockingPair[];
}

const DEFAULTS = { maxRounds: 1_000 } satisfies Required<SolveMatchOptions>;

/**
 * The Match: applicant-proposing deferred acceptance with couples, as Roth & Peranson (1999) describe the
 * NRMP algorithm. Only mutually ranked pairs match. A couple applies to its lines (a program or NO_PROGRAM
 * per partner; the same program twice needs two positions); displaced from either position it withdraws
 * from both and goes on with its next line. A withdrawal can leave a vacancy someone earlier rejected now
 * wants; once no one is left to apply, such singles and couples are found and put back to apply again,
 * round after round, until there are none (stable) or `maxRounds` is reached. Without couples this is the classic algorithm, and the result is
 * the applicant-optimal stable matching.
 *
 * @example
 * const compiled = compileMarket(json); // see json-market.ts
 * if (compiled.ok) {
 *   const result = solveMatch(compiled.value, { maxRounds: 20 });
 *   result.status; // 'stable'
 *   result.assignment[0]; // program id of applicant 0, or NO_PROGRAM
 * }
 */
export function solveMatch(market: CompiledMarket, options: SolveMatchOptions = {}): MatchResult {
  const { maxRounds } = { ...DEFAULTS, ...options };
  const { applicantCount, coupleCount, applicantRol, applicantRolOffsets, coupleRol, coupleRolOffsets } =
    market;
  const { coupleMembers } = market;
  const index = indexMarket(market);
  const { applicantEntryRank, coupleEntryRank, coupleOf } = index;
  const holds = createHolds(market.capacity, applicantCount);

  const assignment = new Int32Array(applicantCount).fill(NO_PROGRAM);
  // Singles: the list entry to apply to next, and the entry held (-1: none). Couples: the same, in lines.
  const nextEntry = applicantRolOffsets.slice(0, applicantCount);
  const heldEntry = new Int32Array(applicantCount).fill(-1);
  const nextLine = coupleRolOffsets.slice(0, coupleCount);
  const heldLine = new Int32Array(coupleCount).fill(-1);

  // Who still has to apply: applicant a as a, couple c as applicantCount + c. Each is on it at most once.
  const stack = new Int32Array(applicantCount + coupleCount);
  let top = 0;
  for (let c = coupleCount - 1; c >= 0; c--) stack[top++] = applicantCount + c;
  for (let a = applicantCount - 1; a >= 0; a--) if (coupleOf[a] === -1) stack[top++] = a;

  // Since the last stability check: programs that lost a holder without a replacement, and couples that
  // applied or were found blocking but not yet put back. Nobody else can have started to block, since a
  // program otherwise only trades up, so checks look at these alone (and never happen without couples).
  const { bucketOffsets, bucketEntry, bucketApplicant } = index;
  const singleEntries = applicantRol.length;
  const vacatedPrograms: number[] = [];
  const vacatedMark = new Uint8Array(market.programCount);
  const movedCouples: number[] = [];
  const movedMark = new Uint8Array(coupleCount);
  // Per single or couple (applicantCount + c): best blocking entry or line found this check, or -1.
  const bestBlocking = new Int32Array(applicantCount + coupleCount).fill(-1);

  const markVacated = (p: number): void => {
    if (vacatedMark[p] === 1) return;
    vacatedMark[p] = 1;
    vacatedPrograms.push(p);
  };
  const markMoved = (c: number): void => {
    if (movedMark[c] === 1) return;
    movedMark[c] = 1;
    movedCouples.push(c);
  };

  let proposals = 0;

  const leave = (a: number): void => {
    const p = assignment[a] as number;
    if (p === NO_PROGRAM) return;
    release(holds, p, a);
    assignment[a] = NO_PROGRAM;
    markVacated(p);
  };

  const displaced = (a: number): void => {
    if (a < 0) return;
    assignment[a] = NO_PROGRAM;
    const c = coupleOf[a] as number;
    if (c === -1) {
      nextEntry[a] = (heldEntry[a] as number) + 1;
      heldEntry[a] = -1;
      stack[top++] = a;
      return;
    }
    const m1 = coupleMembers[2 * c] as number;
    leave(m1 === a ? (coupleMembers[2 * c + 1] as number) : m1);
    nextLine[c] = (heldLine[c] as number) + 1;
    heldLine[c] = -1;
    stack[top++] = applicantCount + c;
  };

  const accepts = (p: number, rank: number): boolean => {
    if (rank === UNRANKED) return false;
    const room = (market.capacity[p] as number) - (holds.size[p] as number);
    return room > 0 || ((market.capacity[p] as number) > 0 && worstRank(holds, p) > rank);
  };

  /** Both partners at one program: the worse-ranked of them must beat as many holders as it displaces. */
  const acceptsBoth = (p: number, rank: number): boolean => {
    const room = (market.capacity[p] as number) - (holds.size[p] as number);
    if (room >= 2) return true;
    if ((market.capacity[p] as number) < 2) return false;
    if (room === 1) return worstRank(holds, p) > rank;
    return worstRank(holds, p) > rank && secondWorstRank(holds, p) > rank;
  };

  const applySingle = (a: number): void => {
    const end = applicantRolOffsets[a + 1] as number;
    for (let i = nextEntry[a] as number; i < end; i++) {
      proposals++;
      const p = applicantRol[i] as number;
      const rank = applicantEntryRank[i] as number;
      if (!accepts(p, rank)) continue;
      nextEntry[a] = i;
      heldEntry[a] = i;
      assignment[a] = p;
      displaced(hold(holds, p, a, rank));
      return;
    }
    nextEntry[a] = end;
  };

  const applyCouple = (c: number): void => {
    markMoved(c);
    const end = coupleRolOffsets[c + 1] as number;
    const m1 = coupleMembers[2 * c] as number;
    const m2 = coupleMembers[2 * c + 1] as number;
    for (let line = nextLine[c] as number; line < end; line++) {
      proposals++;
      const p1 = coupleRol[2 * line] as number;
      const p2 = coupleRol[2 * line + 1] as number;
      const r1 = coupleEntryRank[2 * line] as number;
      const r2 = coupleEntryRank[2 * line + 1] as number;
      if ((p1 !== NO_PROGRAM && r1 === UNRANKED) || (p2 !== NO_PROGRAM && r2 === UNRANKED)) continue;
      const ok =
        p1 === p2
          ? p1 === NO_PROGRAM || acceptsBoth(p1, Math.max(r1, r2))
          : (p1 === NO_PROGRAM || accepts(p1, r1)) && (p2 === NO_PROGRAM || accepts(p2, r2));
      if (!ok) continue;
      nextLine[c] = line;
      heldLine[c] = line;
      // Holding the first partner may displace a couple whose withdrawal frees room at p2; p2's check above
      // was made with less room, so it still holds.
      if (p1 !== NO_PROGRAM) {
        assignment[m1] = p1;
        displaced(hold(holds, p1, m1, r1));
      }
      if (p2 !== NO_PROGRAM) {
        assignment[m2] = p2;
        displaced(hold(holds, p2, m2, r2));
      }
      return;
    }
    nextLine[c] = end;
  };

  const drain = (): void => {
    while (top > 0) {
      const who = stack[--top] as number;
      if (who < applicantCount) applySingle(who);
      else applyCouple(who - applicantCount);
    }
  };

  const currentEntry = (a: number): number =>
    heldEntry[a] === -1 ? (applicantRolOffsets[a + 1] as number) : (heldEntry[a] as number);
  const currentLine = (c: number): number =>
    heldLine[c] === -1 ? (coupleRolOffsets[c + 1] as number) : (heldLine[c] as number);

  const consider = (who: number, entry: number): void => {
    const best = bestBlocking[who] as number;
    if (best === -1) stack[top++] = who;
    if (best === -1 || entry < best) bestBlocking[who] = entry;
  };

  /**
   * Finds the singles and couples that may now block (see above) and puts them back (couples one at a time,
   * see below) at their best blocking entry, withdrawn from where they stand. Returns how many were found;
   * 0 means the matching is stable.
   */
  const requeueBlocking = (): number => {
    const firstTop = top;
    for (const p of vacatedPrograms) {
      vacatedMark[p] = 0;
      for (let k = bucketOffsets[p] as number; k < (bucketOffsets[p + 1] as number); k++) {
        const entry = bucketEntry[k] as number;
        if (entry < singleEntries) {
          const a = bucketApplicant[k] as number;
          if (
            entry < currentEntry(a) &&
            singleBlocks(market, holds, p, applicantEntryRank[entry] as number)
          ) {
            consider(a, entry);
          }
        } else {
          const line = (entry - singleEntries) >> 1;
          const c = coupleOf[bucketApplicant[k] as number] as number;
          if (line < currentLine(c) && coupleLineBlocks(market, index, holds, c, line)) {
            consider(applicantCount + c, line);
          }
        }
      }
    }
    vacatedPrograms.length = 0;
    for (const c of movedCouples) {
      movedMark[c] = 0;
      const upTo = currentLine(c);
      for (let line = coupleRolOffsets[c] as number; line < upTo; line++) {
        if (coupleLineBlocks(market, index, holds, c, line)) {
          consider(applicantCount + c, line);
          break;
        }
      }
    }
    movedCouples.length = 0;
    const found = top - firstTop;
    // Every blocking single goes back, but only the first couple; the other couples stay marked for the
    // next check, where the cascade may already have settled them. Putting all couples back at once makes
    // them chase each other: on synthetic national markets (testing/national-market.ts, seeds 2026, 1-5)
    // that settled 4 of 6 markets in 9-27 rounds and cycled on 2; one couple per round settled the same
    // 4 in 6-12 rounds and one single or couple per round needed ~1,000-2,800.
    let keep = firstTop;
    let couplesBack = 0;
    for (let k = firstTop; k < top; k++) {
      const who = stack[k] as number;
      if (who < applicantCount || couplesBack++ === 0) {
        stack[keep++] = who;
        continue;
      }
      bestBlocking[who] = -1;
      markMoved(who - applicantCount);
    }
    top = keep;
    for (let k = firstTop; k < top; k++) {
      const who = stack[k] as number;
      const entry = bestBlocking[who] as number;
      bestBlocking[who] = -1;
      if (who < applicantCount) {
        leave(who);
        heldEntry[who] = -1;
        nextEntry[who] = entry;
      } else {
        const c = who - applicantCount;
        leave(coupleMembers[2 * c] as number);
        leave(coupleMembers[2 * c + 1] as number);
        heldLine[c] = -1;
        nextLine[c] = entry;
      }
    }
    return found;
  };

  drain();
  for (let round = 0; vacatedPrograms.length + movedCouples.length > 0; round++) {
    if (round >= maxRounds) {
      const blockingPairs = findBlockingPairs(market, assignment);
      if (blockingPairs.length === 0) break;
      return { assignment, proposals, status: 'no-stable-matching-found', blockingPairs };
    }
    if (requeueBlocking() === 0) break;
    drain();
  }
  return { assignment, proposals, status: 'stable' };
}
