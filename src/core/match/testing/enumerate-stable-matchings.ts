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

/**
 * Every stable matching of a small market with couples, by brute force: each single takes "unmatched" or
 * a mutually acceptable program, each couple "unmatched" or one of its lines both programs accept, within
 * capacities; kept when nobody blocks by the definition below. Written apart from stability.ts and the
 * solver so tests can hold both to it.
 */
export function enumerateStableMatchingsWithCouples(market: CompiledMarket): Int32Array[] {
  const { applicantCount, programCount, coupleCount, coupleMembers } = market;
  const coupleOf = new Map<number, number>();
  for (let c = 0; c < coupleCount; c++) {
    coupleOf.set(coupleMembers[2 * c] as number, c);
    coupleOf.set(coupleMembers[2 * c + 1] as number, c);
  }
  const singles = Array.from({ length: applicantCount }, (_, a) => a).filter((a) => !coupleOf.has(a));
  const found: Int32Array[] = [];
  const assignment = new Int32Array(applicantCount).fill(NO_PROGRAM);
  const used = new Int32Array(programCount);
  const fits = (p: number, n: number) =>
    p === NO_PROGRAM || (used[p] as number) + n <= (market.capacity[p] as number);
  const take = (p: number, n: number) => {
    if (p !== NO_PROGRAM) used[p] = (used[p] as number) + n;
  };
  const visitCouple = (c: number): void => {
    if (c === coupleCount) {
      if (isStableWithCouplesByDefinition(market, assignment)) found.push(assignment.slice());
      return;
    }
    const m1 = coupleMembers[2 * c] as number;
    const m2 = coupleMembers[2 * c + 1] as number;
    visitCouple(c + 1);
    for (const [p1, p2] of lines(market, c)) {
      if ((p1 !== NO_PROGRAM && rank(market, p1, m1) < 0) || (p2 !== NO_PROGRAM && rank(market, p2, m2) < 0))
        continue;
      if (p1 === p2 ? !fits(p1, 2) : !fits(p1, 1) || !fits(p2, 1)) continue;
      take(p1, 1);
      take(p2, 1);
      assignment[m1] = p1;
      assignment[m2] = p2;
      visitCouple(c + 1);
      take(p1, -1);
      take(p2, -1);
    }
    assignment[m1] = NO_PROGRAM;
    assignment[m2] = NO_PROGRAM;
  };
  const visitSingle = (k: number): void => {
    if (k === singles.length) {
      visitCouple(0);
      return;
    }
    const a = singles[k] as number;
    visitSingle(k + 1);
    for (const p of rol(market, a)) {
      if (rank(market, p, a) < 0 || !fits(p, 1)) continue;
      take(p, 1);
      assignment[a] = p;
      visitSingle(k + 1);
      take(p, -1);
    }
    assignment[a] = NO_PROGRAM;
  };
  visitSingle(0);
  return found;
}

/**
 * Stability with couples, from the definition: no single blocks (as above), and no couple prefers a line
 * to what it has (a couple on none of its lines has nothing) where every program on the line would take
 * its partner(s) — the program, ignoring the couple's own members it holds, ranks fewer than
 * (capacity - partners it would take) of its holders above the worse of them.
 */
export function isStableWithCouplesByDefinition(market: CompiledMarket, assignment: Int32Array): boolean {
  const { applicantCount, coupleCount, coupleMembers } = market;
  const members = new Set(coupleMembers);
  for (let a = 0; a < applicantCount; a++) {
    if (members.has(a)) continue;
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
  for (let c = 0; c < coupleCount; c++) {
    const m1 = coupleMembers[2 * c] as number;
    const m2 = coupleMembers[2 * c + 1] as number;
    const all = lines(market, c);
    const current = all.findIndex(([p1, p2]) => p1 === assignment[m1] && p2 === assignment[m2]);
    const better = current < 0 ? all : all.slice(0, current);
    for (const [p1, p2] of better) {
      const wanted = new Map<number, number[]>();
      if (p1 !== NO_PROGRAM) wanted.set(p1, [...(wanted.get(p1) ?? []), m1]);
      if (p2 !== NO_PROGRAM) wanted.set(p2, [...(wanted.get(p2) ?? []), m2]);
      const everyProgramAgrees = [...wanted].every(([p, partners]) => {
        const ranks = partners.map((m) => rank(market, p, m));
        if (ranks.some((r) => r < 0)) return false;
        const worst = Math.max(...ranks);
        const others = [...assignment.keys()].filter((b) => assignment[b] === p && b !== m1 && b !== m2);
        const preferred = others.filter((b) => rank(market, p, b) < worst).length;
        return preferred <= (market.capacity[p] as number) - partners.length;
      });
      if (everyProgramAgrees) return false;
    }
  }
  return true;
}

function lines(market: CompiledMarket, c: number): [number, number][] {
  const out: [number, number][] = [];
  for (
    let line = market.coupleRolOffsets[c] as number;
    line < (market.coupleRolOffsets[c + 1] as number);
    line++
  ) {
    out.push([market.coupleRol[2 * line] as number, market.coupleRol[2 * line + 1] as number]);
  }
  return out;
}
