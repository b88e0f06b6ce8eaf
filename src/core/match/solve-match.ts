import { seededRandom } from '../catalog/seeded-random.js';
import { type CompiledMarket, NO_PROGRAM } from './compiled-market.js';
import { type MarketIndex, programBuckets } from './market-index.js';
import {
  createHolds,
  hold,
  type ProgramHolds,
  release,
  secondWorstRank,
  worstRank,
} from './program-holds.js';
import {
  createRankLookup,
  type RankLookup,
  type RankMode,
  singleEntryCode,
  UNRANKED_CODE,
} from './rank-lookup.js';
import { type BlockingPair, coupleLineBlocks, findBlockingPairs, singleBlocks } from './stability.js';

export interface SolveMatchOptions {
  /**
   * How many rounds of putting back blocking singles and couples (left behind by couples' withdrawals) to
   * apply again before giving up on one processing order: with couples a stable matching may not exist at
   * all. Assumption: 1,000 is far above what settling takes (synthetic national markets with 1,000 couples
   * settle in 6-12 rounds) and costs well under 100 ms more when a market never settles.
   */
  maxRounds?: number;
  /**
   * With couples: how many other processing orders to try after the first ends with blocking pairs. Which
   * stable matching the rounds reach, and whether they reach one, depends on who applies first; small
   * markets that cycled in one order settle in another (bench/RESULTS.md). Without couples there is one
   * answer whatever the order, so this is never used.
   */
  retries?: number;
  /** Seeds the other processing orders, so a result can be reproduced. */
  seed?: number;
  /** How program ranks are looked up; chosen from the market's shape when not given (rank-lookup.ts); 'inverse' falls back to 'buckets' on markets too big to invert. */
  rankMode?: RankMode;
}

export interface MatchResult {
  /** Per applicant: the program it matched, or NO_PROGRAM. */
  assignment: Int32Array;
  /**
   * Applications made, over every processing order tried: a single applying to one program, or a couple
   * applying to one line, counts 1.
   */
  proposals: number;
  status: 'stable' | 'no-stable-matching-found';
  /** Present when status is 'no-stable-matching-found': what was still blocking in the first order. */
  blockingPairs?: BlockingPair[];
  /** Processing orders tried: 1 unless couples left blocking pairs. */
  orders?: number;
}

const DEFAULTS = { maxRounds: 1_000, retries: 8, seed: 0x5eed } satisfies Required<
  Omit<SolveMatchOptions, 'rankMode'>
>;

/**
 * The Match: applicant-proposing deferred acceptance with couples, as Roth & Peranson (1999) describe the
 * NRMP algorithm. Only mutually ranked pairs match. A couple applies to its lines (a program or NO_PROGRAM
 * per partner; the same program twice needs two positions); displaced from either position it withdraws
 * from both and goes on with its next line. A withdrawal can leave a vacancy someone earlier rejected now
 * wants; once no one is left to apply, such singles and couples are found and put back to apply again,
 * round after round, until there are none (stable) or `maxRounds` is reached; then the whole Match is run
 * again in other seeded orders (`retries`) before reporting failure. Without couples this is the classic
 * algorithm, and the result is the applicant-optimal stable matching.
 *
 * Nothing is allocated per proposal: the working state is typed arrays sized once per call.
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
  const maxRounds = options.maxRounds ?? DEFAULTS.maxRounds;
  const retries = Math.max(0, Math.floor(options.retries ?? DEFAULTS.retries));
  const seed = options.seed ?? DEFAULTS.seed;
  const lookup = createRankLookup(market, options.rankMode);
  if (market.coupleCount === 0) return solveSingles(market, lookup);

  const solver = new CouplesSolver(market, lookup);
  const order = new Int32Array(market.applicantCount + market.coupleCount);
  // The first order: singles by id, then couples by id (the stack is popped from the end).
  let n = 0;
  for (let c = market.coupleCount - 1; c >= 0; c--) order[n++] = market.applicantCount + c;
  for (let a = market.applicantCount - 1; a >= 0; a--) if (lookup.coupleOf[a] === -1) order[n++] = a;
  const whoApplies = order.subarray(0, n);

  let proposals = 0;
  let firstFailure: BlockingPair[] | undefined;
  let firstAssignment: Int32Array | undefined;
  const random = seededRandom(seed);
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) shuffle(whoApplies, random.next);
    const settled = solver.run(whoApplies, maxRounds);
    proposals += solver.proposals;
    if (settled) {
      return { assignment: solver.assignment, proposals, status: 'stable', orders: attempt + 1 };
    }
    if (firstFailure === undefined) {
      firstFailure = findBlockingPairs(market, solver.assignment);
      firstAssignment = solver.assignment.slice();
      // The bound can be hit just as the last blocking pair settles.
      if (firstFailure.length === 0) {
        return { assignment: firstAssignment, proposals, status: 'stable', orders: attempt + 1 };
      }
    }
  }
  return {
    assignment: firstAssignment as Int32Array,
    proposals,
    status: 'no-stable-matching-found',
    blockingPairs: firstFailure as BlockingPair[],
    orders: retries + 1,
  };
}

function shuffle(values: Int32Array, next: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const swap = values[i] as number;
    values[i] = values[j] as number;
    values[j] = swap;
  }
}

/**
 * Couple-free markets: the classic algorithm in one loop. A displaced applicant goes straight on down its
 * list (no stack round trip), and holds are max-heaps on rank codes kept inline.
 */
function solveSingles(market: CompiledMarket, lookup: RankLookup): MatchResult {
  const { applicantCount, applicantRol: rol, applicantRolOffsets: offsets } = market;
  const codes = lookup.singleCode;
  const bucketed = lookup.mode === 'buckets';
  const scanned = lookup.mode === 'scan';
  const { programRol, programRolOffsets } = market;
  const holds = createHolds(market.capacity, 0);
  const { start, size, applicant: holder, rank: held } = holds;
  const assignment = new Int32Array(applicantCount).fill(NO_PROGRAM);
  const heldEntry = new Int32Array(applicantCount);
  let proposals = 0;

  for (let first = 0; first < applicantCount; first++) {
    let a = first;
    let i = offsets[a] as number;
    let end = offsets[a + 1] as number;
    while (i < end) {
      proposals++;
      const p = rol[i] as number;
      const base = start[p] as number;
      const n = size[p] as number;
      const room = (start[p + 1] as number) - base - n;
      let code: number;
      if (bucketed) code = codes[i] as number;
      else if (scanned) {
        // Only ranks above the worst holder's matter when the program is full: scan no further.
        const from = programRolOffsets[p] as number;
        const to =
          room > 0 ? (programRolOffsets[p + 1] as number) : n > 0 ? from + (held[base] as number) - 1 : from;
        code = UNRANKED_CODE;
        for (let t = from; t < to; t++) {
          if (programRol[t] === a) {
            code = t - from + 1;
            break;
          }
        }
      } else code = singleEntryCode(market, lookup, i, p, a);
      if (code > 0) {
        if (room > 0) {
          size[p] = n + 1;
          heapPush(holder, held, base, n, a, code);
          assignment[a] = p;
          heldEntry[a] = i;
          break;
        }
        if (n > 0 && (held[base] as number) > code) {
          const out = holder[base] as number;
          heapReplaceRoot(holder, held, base, n, a, code);
          assignment[a] = p;
          heldEntry[a] = i;
          assignment[out] = NO_PROGRAM;
          a = out;
          i = (heldEntry[out] as number) + 1;
          end = offsets[out + 1] as number;
          continue;
        }
      }
      i++;
    }
  }
  return { assignment, proposals, status: 'stable', orders: 1 };
}

function heapPush(
  holder: Int32Array,
  held: Int32Array,
  base: number,
  n: number,
  a: number,
  code: number,
): void {
  let k = n;
  while (k > 0) {
    const parent = (k - 1) >> 1;
    const pc = held[base + parent] as number;
    if (pc >= code) break;
    held[base + k] = pc;
    holder[base + k] = holder[base + parent] as number;
    k = parent;
  }
  held[base + k] = code;
  holder[base + k] = a;
}

function heapReplaceRoot(
  holder: Int32Array,
  held: Int32Array,
  base: number,
  n: number,
  a: number,
  code: number,
): void {
  let k = 0;
  for (;;) {
    let child = 2 * k + 1;
    if (child >= n) break;
    if (child + 1 < n && (held[base + child + 1] as number) > (held[base + child] as number)) child++;
    const cc = held[base + child] as number;
    if (cc <= code) break;
    held[base + k] = cc;
    holder[base + k] = holder[base + child] as number;
    k = child;
  }
  held[base + k] = code;
  holder[base + k] = a;
}

/** A stack of distinct ids with membership marks: no array growth while the solver runs. */
class MarkedStack {
  readonly items: Int32Array;
  readonly marked: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.marked = new Uint8Array(capacity);
  }
  add(id: number): void {
    if (this.marked[id] === 1) return;
    this.marked[id] = 1;
    this.items[this.length++] = id;
  }
  clear(): void {
    for (let k = 0; k < this.length; k++) this.marked[this.items[k] as number] = 0;
    this.length = 0;
  }
}

/**
 * Markets with couples. One instance holds every array a run needs, so retrying in another order resets
 * them instead of allocating again. Ranks in holds are rank codes (rank-lookup.ts).
 */
class CouplesSolver {
  readonly assignment: Int32Array;
  proposals = 0;
  private readonly market: CompiledMarket;
  private readonly lookup: RankLookup;
  private readonly ranks: Pick<MarketIndex, 'coupleEntryRank' | 'coupleOf'>;
  private readonly holds: ProgramHolds;
  private readonly nextEntry: Int32Array;
  private readonly heldEntry: Int32Array;
  private readonly nextLine: Int32Array;
  private readonly heldLine: Int32Array;
  /** Who still has to apply: applicant a as a, couple c as applicantCount + c. */
  private readonly stack: Int32Array;
  private top = 0;
  /**
   * Since the last stability check: programs that lost a holder without a replacement, and couples that
   * applied or were found blocking but not yet put back. Nobody else can have started to block, since a
   * program otherwise only trades up, so checks look at these alone.
   */
  private readonly vacated: MarkedStack;
  private readonly moved: MarkedStack;
  /** Per single or couple (applicantCount + c): best blocking entry or line found this check, or -1. */
  private readonly bestBlocking: Int32Array;
  private buckets: Pick<MarketIndex, 'bucketOffsets' | 'bucketEntry' | 'bucketApplicant'> | null = null;

  constructor(market: CompiledMarket, lookup: RankLookup) {
    const { applicantCount, coupleCount } = market;
    this.market = market;
    this.lookup = lookup;
    this.ranks = { coupleEntryRank: lookup.coupleCode, coupleOf: lookup.coupleOf };
    this.holds = createHolds(market.capacity, applicantCount);
    this.assignment = new Int32Array(applicantCount);
    this.nextEntry = new Int32Array(applicantCount);
    this.heldEntry = new Int32Array(applicantCount);
    this.nextLine = new Int32Array(coupleCount);
    this.heldLine = new Int32Array(coupleCount);
    this.stack = new Int32Array(applicantCount + coupleCount);
    this.vacated = new MarkedStack(market.programCount);
    this.moved = new MarkedStack(coupleCount);
    this.bestBlocking = new Int32Array(applicantCount + coupleCount);
  }

  /** One full run with `whoApplies` popped from its end first; true when it ends stable. */
  run(whoApplies: Int32Array, maxRounds: number): boolean {
    const { market } = this;
    this.assignment.fill(NO_PROGRAM);
    this.nextEntry.set(market.applicantRolOffsets.subarray(0, market.applicantCount));
    this.heldEntry.fill(-1);
    this.nextLine.set(market.coupleRolOffsets.subarray(0, market.coupleCount));
    this.heldLine.fill(-1);
    this.holds.size.fill(0);
    this.holds.slot.fill(-1);
    this.vacated.clear();
    this.moved.clear();
    this.bestBlocking.fill(-1);
    this.stack.set(whoApplies);
    this.top = whoApplies.length;
    this.proposals = 0;

    this.drain();
    for (let round = 0; this.vacated.length + this.moved.length > 0; round++) {
      if (round >= maxRounds) return false;
      if (this.requeueBlocking() === 0) break;
      this.drain();
    }
    return true;
  }

  private drain(): void {
    const applicantCount = this.market.applicantCount;
    while (this.top > 0) {
      const who = this.stack[--this.top] as number;
      if (who < applicantCount) this.applySingle(who);
      else this.applyCouple(who - applicantCount);
    }
  }

  private leave(a: number): void {
    const p = this.assignment[a] as number;
    if (p === NO_PROGRAM) return;
    release(this.holds, p, a);
    this.assignment[a] = NO_PROGRAM;
    this.vacated.add(p);
  }

  private displaced(a: number): void {
    if (a < 0) return;
    this.assignment[a] = NO_PROGRAM;
    const c = this.lookup.coupleOf[a] as number;
    if (c === -1) {
      this.nextEntry[a] = (this.heldEntry[a] as number) + 1;
      this.heldEntry[a] = -1;
      this.stack[this.top++] = a;
      return;
    }
    const members = this.market.coupleMembers;
    const m1 = members[2 * c] as number;
    this.leave(m1 === a ? (members[2 * c + 1] as number) : m1);
    this.nextLine[c] = (this.heldLine[c] as number) + 1;
    this.heldLine[c] = -1;
    this.stack[this.top++] = this.market.applicantCount + c;
  }

  private accepts(p: number, code: number): boolean {
    if (code < 0) return false;
    const capacity = this.market.capacity[p] as number;
    const room = capacity - (this.holds.size[p] as number);
    return room > 0 || (capacity > 0 && worstRank(this.holds, p) > code);
  }

  /** Both partners at one program: the worse-ranked of them must beat as many holders as it displaces. */
  private acceptsBoth(p: number, code: number): boolean {
    const capacity = this.market.capacity[p] as number;
    const room = capacity - (this.holds.size[p] as number);
    if (room >= 2) return true;
    if (capacity < 2) return false;
    if (room === 1) return worstRank(this.holds, p) > code;
    return worstRank(this.holds, p) > code && secondWorstRank(this.holds, p) > code;
  }

  private applySingle(a: number): void {
    const { market, lookup } = this;
    const end = market.applicantRolOffsets[a + 1] as number;
    for (let i = this.nextEntry[a] as number; i < end; i++) {
      this.proposals++;
      const p = market.applicantRol[i] as number;
      const code = singleEntryCode(market, lookup, i, p, a);
      if (!this.accepts(p, code)) continue;
      this.nextEntry[a] = i;
      this.heldEntry[a] = i;
      this.assignment[a] = p;
      this.displaced(hold(this.holds, p, a, code));
      return;
    }
    this.nextEntry[a] = end;
  }

  private applyCouple(c: number): void {
    const { market } = this;
    const codes = this.lookup.coupleCode;
    this.moved.add(c);
    const end = market.coupleRolOffsets[c + 1] as number;
    const m1 = market.coupleMembers[2 * c] as number;
    const m2 = market.coupleMembers[2 * c + 1] as number;
    for (let line = this.nextLine[c] as number; line < end; line++) {
      this.proposals++;
      const p1 = market.coupleRol[2 * line] as number;
      const p2 = market.coupleRol[2 * line + 1] as number;
      const r1 = codes[2 * line] as number;
      const r2 = codes[2 * line + 1] as number;
      if ((p1 !== NO_PROGRAM && r1 < 0) || (p2 !== NO_PROGRAM && r2 < 0)) continue;
      const ok =
        p1 === p2
          ? p1 === NO_PROGRAM || this.acceptsBoth(p1, Math.max(r1, r2))
          : (p1 === NO_PROGRAM || this.accepts(p1, r1)) && (p2 === NO_PROGRAM || this.accepts(p2, r2));
      if (!ok) continue;
      this.nextLine[c] = line;
      this.heldLine[c] = line;
      // Holding the first partner may displace a couple whose withdrawal frees room at p2; p2's check above
      // was made with less room, so it still holds.
      if (p1 !== NO_PROGRAM) {
        this.assignment[m1] = p1;
        this.displaced(hold(this.holds, p1, m1, r1));
      }
      if (p2 !== NO_PROGRAM) {
        this.assignment[m2] = p2;
        this.displaced(hold(this.holds, p2, m2, r2));
      }
      return;
    }
    this.nextLine[c] = end;
  }

  private currentEntry(a: number): number {
    const held = this.heldEntry[a] as number;
    return held === -1 ? (this.market.applicantRolOffsets[a + 1] as number) : held;
  }

  private currentLine(c: number): number {
    const held = this.heldLine[c] as number;
    return held === -1 ? (this.market.coupleRolOffsets[c + 1] as number) : held;
  }

  private consider(who: number, entry: number): void {
    const best = this.bestBlocking[who] as number;
    if (best === -1) this.stack[this.top++] = who;
    if (best === -1 || entry < best) this.bestBlocking[who] = entry;
  }

  /**
   * Finds the singles and couples that may now block (see above) and puts them back (couples one at a time,
   * see below) at their best blocking entry, withdrawn from where they stand. Returns how many were found;
   * 0 means the matching is stable.
   */
  private requeueBlocking(): number {
    const { market, lookup, holds, ranks, vacated, moved, stack, bestBlocking } = this;
    const { applicantCount } = market;
    const singleEntries = market.applicantRol.length;
    this.buckets ??= this.lookup.buckets ?? programBuckets(market);
    const { bucketOffsets, bucketEntry, bucketApplicant } = this.buckets;
    const firstTop = this.top;
    for (let v = 0; v < vacated.length; v++) {
      const p = vacated.items[v] as number;
      for (let k = bucketOffsets[p] as number; k < (bucketOffsets[p + 1] as number); k++) {
        const entry = bucketEntry[k] as number;
        const a = bucketApplicant[k] as number;
        if (entry < singleEntries) {
          if (
            entry < this.currentEntry(a) &&
            singleBlocks(market, holds, p, singleEntryCode(market, lookup, entry, p, a))
          ) {
            this.consider(a, entry);
          }
        } else {
          const line = (entry - singleEntries) >> 1;
          const c = lookup.coupleOf[a] as number;
          if (line < this.currentLine(c) && coupleLineBlocks(market, ranks, holds, c, line)) {
            this.consider(applicantCount + c, line);
          }
        }
      }
    }
    vacated.clear();
    for (let m = 0; m < moved.length; m++) {
      const c = moved.items[m] as number;
      const upTo = this.currentLine(c);
      for (let line = market.coupleRolOffsets[c] as number; line < upTo; line++) {
        if (coupleLineBlocks(market, ranks, holds, c, line)) {
          this.consider(applicantCount + c, line);
          break;
        }
      }
    }
    moved.clear();
    const found = this.top - firstTop;
    // Every blocking single goes back, but only the first couple; the other couples stay marked for the
    // next check, where the cascade may already have settled them. Putting all couples back at once makes
    // them chase each other: on synthetic national markets (testing/national-market.ts, seeds 2026, 1-5)
    // that settled 4 of 6 markets in 9-27 rounds and cycled on 2; one couple per round settled the same
    // 4 in 6-12 rounds and one single or couple per round needed ~1,000-2,800.
    let keep = firstTop;
    let couplesBack = 0;
    for (let k = firstTop; k < this.top; k++) {
      const who = stack[k] as number;
      if (who < applicantCount || couplesBack++ === 0) {
        stack[keep++] = who;
        continue;
      }
      bestBlocking[who] = -1;
      moved.add(who - applicantCount);
    }
    this.top = keep;
    for (let k = firstTop; k < this.top; k++) {
      const who = stack[k] as number;
      const entry = bestBlocking[who] as number;
      bestBlocking[who] = -1;
      if (who < applicantCount) {
        this.leave(who);
        this.heldEntry[who] = -1;
        this.nextEntry[who] = entry;
      } else {
        const c = who - applicantCount;
        this.leave(market.coupleMembers[2 * c] as number);
        this.leave(market.coupleMembers[2 * c + 1] as number);
        this.heldLine[c] = -1;
        this.nextLine[c] = entry;
      }
    }
    return found;
  }
}
