import { type CompiledMarket, NO_PROGRAM } from '../compiled-market.js';

/**
 * Every stable matching of a small market without couples, by brute force: each applicant tries every
 * mutually acceptable program and "unmatched" (at most (programs + 1)^applicants candidates), and each
 * complete assignment within capacities is kept when no pair blocks it. Stability is checked here from the
 * definition, independently of stability.ts, so tests can use it as an oracle for both.
 *
 * @example
 * enumerateStableMatchings(market).length; // ≥ 1 (Gale & Shapley 1962)
 */
export function enumerateStableMatchings(market: CompiledMarket): Int32Array[] {
  return enumerateMatchings(market).filter((assignment) => isStableByDefinition(market, assignment));
}

/** Every assignment of mutually ranked pairs within capacities (couple-free markets). */
export function enumerateMatchings(market: CompiledMarket): Int32Array[] {
  if (market.coupleCount > 0) throw new Error('the enumerator handles markets without couples only');
  const { applicantCount, programCount } = market;
  const acceptable = Array.from({ length: applicantCount }, (_, a) => [
    NO_PROGRAM,
    ...Array.from(rol(market, a)).filter((p) => rank(market, p, a) >= 0),
  ]);
  const found: Int32Array[] = [];
  const assignment = new Int32Array(applicantCount).fill(NO_PROGRAM);
  const used = new Int32Array(programCount);
  const visit = (a: number): void => {
    if (a === applicantCount) {
      found.push(assignment.slice());
      return;
    }
    for (const p of acceptable[a] ?? []) {
      if (p !== NO_PROGRAM && (used[p] as number) >= (market.capacity[p] as number)) continue;
      assignment[a] = p;
      if (p !== NO_PROGRAM) used[p] = (used[p] as number) + 1;
      visit(a + 1);
      if (p !== NO_PROGRAM) used[p] = (used[p] as number) - 1;
    }
    assignment[a] = NO_PROGRAM;
  };
  visit(0);
  return found;
}

/**
 * The textbook definition, written as plainly as possible: no applicant prefers a program that ranks it
 * and either has an empty position or holds someone it ranks lower.
 */
export function isStableByDefinition(market: CompiledMarket, assignment: Int32Array): boolean {
  for (let a = 0; a < market.applicantCount; a++) {
    const list = Array.from(rol(market, a));
    const mine = assignment[a] === NO_PROGRAM ? list.length : list.indexOf(assignment[a] as number);
    for (const p of list.slice(0, mine)) {
      const r = rank(market, p, a);
      if (r < 0) continue;
      const holders = [...assignment.keys()].filter((b) => assignment[b] === p);
      if (holders.length < (market.capacity[p] as number)) return false;
      if (holders.some((b) => rank(market, p, b) > r)) return false;
    }
  }
  return true;
}

function rank(market: CompiledMarket, p: number, a: number): number {
  return market.programRol.subarray(market.programRolOffsets[p], market.programRolOffsets[p + 1]).indexOf(a);
}

function rol(market: CompiledMarket, a: number): Int32Array {
  return market.applicantRol.subarray(market.applicantRolOffsets[a], market.applicantRolOffsets[a + 1]);
}
