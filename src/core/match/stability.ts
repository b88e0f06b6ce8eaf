import { type CompiledMarket, NO_PROGRAM } from './compiled-market.js';
import { indexMarket, type MarketIndex, UNRANKED } from './market-index.js';
import { createHolds, hold, type ProgramHolds, worstRank } from './program-holds.js';

/**
 * A pair that would rather be matched to each other than keep what the matching gave them.
 * `rank` is the position (0 = first) of the program, or of the couple's line, on the applicant's or
 * couple's own rank list.
 */
export type BlockingPair =
  | { kind: 'single'; applicant: number; program: number; rank: number }
  | { kind: 'couple'; couple: number; rank: number; programs: readonly [number, number] };

/**
 * Every blocking pair of `assignment` (per applicant: a program id or NO_PROGRAM). Empty means stable.
 * A single blocks with a program it ranks above its match when that program ranks it and has a free
 * position or prefers it to someone it holds. A couple blocks with a line it ranks above its current one
 * when each program on the line would take that partner: a free position, or it prefers the partner to its
 * worst holder, not counting either partner (they leave their old places); a line naming the same program
 * twice needs room for both. A couple whose assignment is none of its lines counts as unmatched.
 *
 * @example
 * const pairs = findBlockingPairs(market, solveMatch(market).assignment);
 * pairs.length === 0; // the solver's matching is stable
 */
export function findBlockingPairs(market: CompiledMarket, assignment: Int32Array): BlockingPair[] {
  const index = indexMarket(market);
  const { applicantRol, applicantRolOffsets, coupleRol, coupleRolOffsets } = market;
  const current = currentEntries(market, index, assignment);

  // Slots sized to what is actually held, so an over-full assignment can still be examined.
  const held = new Int32Array(market.programCount);
  for (const p of assignment) if (p >= 0 && p < market.programCount) held[p] = (held[p] as number) + 1;
  for (let p = 0; p < market.programCount; p++) {
    held[p] = Math.max(held[p] as number, market.capacity[p] as number);
  }
  const holds = createHolds(held, market.applicantCount);
  for (let a = 0; a < market.applicantCount; a++) {
    const p = assignment[a] as number;
    if (p >= 0 && p < market.programCount) hold(holds, p, a, current.holderRank[a] as number);
  }

  const pairs: BlockingPair[] = [];
  for (let a = 0; a < market.applicantCount; a++) {
    if ((index.coupleOf[a] as number) >= 0) continue;
    const first = applicantRolOffsets[a] as number;
    for (let i = first; i < (current.singleEntry[a] as number); i++) {
      const program = applicantRol[i] as number;
      if (singleBlocks(market, holds, program, index.applicantEntryRank[i] as number)) {
        pairs.push({ kind: 'single', applicant: a, program, rank: i - first });
      }
    }
  }
  for (let c = 0; c < market.coupleCount; c++) {
    const first = coupleRolOffsets[c] as number;
    for (let line = first; line < (current.coupleLine[c] as number); line++) {
      if (coupleLineBlocks(market, index, holds, c, line)) {
        const programs = [coupleRol[2 * line] as number, coupleRol[2 * line + 1] as number] as const;
        pairs.push({ kind: 'couple', couple: c, rank: line - first, programs });
      }
    }
  }
  return pairs;
}

/** Whether program `p` would take a single it ranks `rank` (UNRANKED never) over what it holds now. */
export function singleBlocks(market: CompiledMarket, holds: ProgramHolds, p: number, rank: number): boolean {
  if (rank === UNRANKED) return false;
  const n = holds.size[p] as number;
  return n < (market.capacity[p] as number) || (n > 0 && worstRank(holds, p) > rank);
}

/**
 * What the couple checks read: ranks of couple entries (any order-preserving codes with UNRANKED for "not
 * ranked", the same scale as the holds' ranks) and who is in which couple.
 */
export type CoupleRanks = Pick<MarketIndex, 'coupleEntryRank' | 'coupleOf'>;

/** Whether couple `c` and the programs on its line `line` (absolute line index) would all agree to it. */
export function coupleLineBlocks(
  market: CompiledMarket,
  index: CoupleRanks,
  holds: ProgramHolds,
  c: number,
  line: number,
): boolean {
  const p1 = market.coupleRol[2 * line] as number;
  const p2 = market.coupleRol[2 * line + 1] as number;
  const r1 = index.coupleEntryRank[2 * line] as number;
  const r2 = index.coupleEntryRank[2 * line + 1] as number;
  if (p1 === NO_PROGRAM && p2 === NO_PROGRAM) return true;
  if ((p1 !== NO_PROGRAM && r1 === UNRANKED) || (p2 !== NO_PROGRAM && r2 === UNRANKED)) return false;
  if (p1 === p2) return takes(market, index, holds, p1, c, Math.max(r1, r2), 2);
  return (
    (p1 === NO_PROGRAM || takes(market, index, holds, p1, c, r1, 1)) &&
    (p2 === NO_PROGRAM || takes(market, index, holds, p2, c, r2, 1))
  );
}

/**
 * Whether `p` would take `needed` partners of couple `c`, the worse ranked `rank`: the holders it prefers,
 * leaving out the couple's own partners, must leave `needed` positions.
 */
function takes(
  market: CompiledMarket,
  index: CoupleRanks,
  holds: ProgramHolds,
  p: number,
  c: number,
  rank: number,
  needed: number,
): boolean {
  const base = holds.start[p] as number;
  let better = 0;
  for (let s = base; s < base + (holds.size[p] as number); s++) {
    if ((holds.rank[s] as number) < rank && index.coupleOf[holds.applicant[s] as number] !== c) better++;
  }
  return better <= (market.capacity[p] as number) - needed;
}

/** Sorts after every real rank: a holder its program never ranked is the first anyone displaces. */
const NOT_ON_LIST = 0x3fffffff;

/**
 * Where each single and couple stands on its own list: the entry of its match (the list's end when
 * unmatched or matched off-list), and the rank each program gives the holder it holds.
 */
function currentEntries(market: CompiledMarket, index: MarketIndex, assignment: Int32Array) {
  const { applicantRol, applicantRolOffsets, coupleRol, coupleRolOffsets, coupleMembers } = market;
  const singleEntry = new Int32Array(market.applicantCount);
  const coupleLine = new Int32Array(market.coupleCount);
  const holderRank = new Int32Array(market.applicantCount).fill(NOT_ON_LIST);
  for (let a = 0; a < market.applicantCount; a++) {
    const end = applicantRolOffsets[a + 1] as number;
    singleEntry[a] = end;
    for (let i = applicantRolOffsets[a] as number; i < end; i++) {
      if (applicantRol[i] === assignment[a]) {
        singleEntry[a] = i;
        const rank = index.applicantEntryRank[i] as number;
        if (rank !== UNRANKED) holderRank[a] = rank;
        break;
      }
    }
  }
  for (let c = 0; c < market.coupleCount; c++) {
    const m1 = coupleMembers[2 * c] as number;
    const m2 = coupleMembers[2 * c + 1] as number;
    const end = coupleRolOffsets[c + 1] as number;
    coupleLine[c] = end;
    for (let line = coupleRolOffsets[c] as number; line < end; line++) {
      if (coupleRol[2 * line] === assignment[m1] && coupleRol[2 * line + 1] === assignment[m2]) {
        coupleLine[c] = line;
        for (const [side, member] of [
          [0, m1],
          [1, m2],
        ] as const) {
          const rank = index.coupleEntryRank[2 * line + side] as number;
          if (rank !== UNRANKED) holderRank[member] = rank;
        }
        break;
      }
    }
  }
  return { singleEntry, coupleLine, holderRank };
}
