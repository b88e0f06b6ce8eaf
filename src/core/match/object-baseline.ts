import type { CompiledMarket } from './compiled-market.js';

/**
 * The Match written the obvious way, with objects, Maps and sorted arrays, for benchmarks only: it shows
 * what the typed-array solver (solve-match.ts) buys. Same algorithm, same results on markets without
 * couples; with couples the order of applications may differ, so the stable matching found may too.
 */
export interface ObjectMarket {
  programs: { capacity: number; rankOf: Map<number, number> }[];
  /** Couple members have empty lists and name their couple. */
  applicants: { rankList: number[]; couple: number | null }[];
  couples: { members: [number, number]; lines: [number | null, number | null][] }[];
}

export interface ObjectMatchResult {
  assignment: (number | null)[];
  proposals: number;
  status: 'stable' | 'no-stable-matching-found';
}

/**
 * @example
 * const baseline = solveMatchWithObjects(toObjectMarket(market)); // compare with solveMatch(market)
 */
export function toObjectMarket(market: CompiledMarket): ObjectMarket {
  const slice = (arr: Int32Array, offsets: Int32Array, i: number) =>
    Array.from(arr.subarray(offsets[i] as number, offsets[i + 1] as number));
  const couples = Array.from({ length: market.coupleCount }, (_, c) => {
    const flat = slice(
      market.coupleRol,
      market.coupleRolOffsets.map((o) => 2 * o),
      c,
    );
    const lines: [number | null, number | null][] = [];
    for (let k = 0; k < flat.length; k += 2) {
      lines.push([
        flat[k] === -1 ? null : (flat[k] as number),
        flat[k + 1] === -1 ? null : (flat[k + 1] as number),
      ]);
    }
    return {
      members: [market.coupleMembers[2 * c], market.coupleMembers[2 * c + 1]] as [number, number],
      lines,
    };
  });
  const coupleOf = new Map(couples.flatMap((c, i) => c.members.map((m) => [m, i] as const)));
  return {
    programs: Array.from({ length: market.programCount }, (_, p) => ({
      capacity: market.capacity[p] as number,
      rankOf: new Map(slice(market.programRol, market.programRolOffsets, p).map((a, r) => [a, r])),
    })),
    applicants: Array.from({ length: market.applicantCount }, (_, a) => ({
      rankList: slice(market.applicantRol, market.applicantRolOffsets, a),
      couple: coupleOf.get(a) ?? null,
    })),
    couples,
  };
}

type Suitor = { kind: 'single'; applicant: number } | { kind: 'couple'; couple: number };

/**
 * @example
 * solveMatchWithObjects(toObjectMarket(market)).assignment; // program per applicant, or null
 */
export function solveMatchWithObjects(market: ObjectMarket, { maxRounds = 1_000 } = {}): ObjectMatchResult {
  const held = market.programs.map(() => [] as { applicant: number; rank: number }[]);
  const assignment: (number | null)[] = market.applicants.map(() => null);
  const singleAt = new Map<number, number>(); // applicant → list position held
  const nextOf = new Map<number, number>();
  const coupleAt = new Map<number, number>();
  const coupleNext = new Map<number, number>();
  const queue: Suitor[] = [
    ...market.applicants.flatMap((a, i) =>
      a.couple === null ? [{ kind: 'single' as const, applicant: i }] : [],
    ),
    ...market.couples.map((_, couple) => ({ kind: 'couple' as const, couple })),
  ];
  let proposals = 0;
  let vacated = false;

  const wouldTake = (p: number, applicant: number, ignoreCouple: number | null, needed = 1) => {
    const rank = market.programs[p]?.rankOf.get(applicant);
    if (rank === undefined) return false;
    const better = (held[p] ?? []).filter(
      (h) =>
        h.rank < rank && (ignoreCouple === null || market.applicants[h.applicant]?.couple !== ignoreCouple),
    ).length;
    return better <= (market.programs[p]?.capacity ?? 0) - needed;
  };
  const lineOk = (c: number, [p1, p2]: [number | null, number | null], ignore: number | null) => {
    const [m1, m2] = market.couples[c]?.members ?? [0, 0];
    if (p1 === null && p2 === null) return true;
    if (p1 !== null && p1 === p2) {
      const worse = (market.programs[p1]?.rankOf.get(m1) ?? -1) > (market.programs[p1]?.rankOf.get(m2) ?? -1);
      return (
        wouldTake(p1, m1, ignore, 2) &&
        wouldTake(p1, m2, ignore, 2) &&
        wouldTake(p1, worse ? m1 : m2, ignore, 2)
      );
    }
    return (p1 === null || wouldTake(p1, m1, ignore)) && (p2 === null || wouldTake(p2, m2, ignore));
  };
  const take = (p: number, applicant: number) => {
    const list = held[p] ?? [];
    list.push({ applicant, rank: market.programs[p]?.rankOf.get(applicant) ?? 0 });
    list.sort((x, y) => x.rank - y.rank);
    assignment[applicant] = p;
    if (list.length > (market.programs[p]?.capacity ?? 0)) {
      const out = list.pop();
      if (out) displace(out.applicant);
    }
  };
  const leave = (applicant: number) => {
    const p = assignment[applicant];
    if (p === null || p === undefined) return;
    held[p] = (held[p] ?? []).filter((h) => h.applicant !== applicant);
    assignment[applicant] = null;
    vacated = true;
  };
  const displace = (applicant: number) => {
    assignment[applicant] = null;
    const couple = market.applicants[applicant]?.couple ?? null;
    if (couple === null) {
      nextOf.set(applicant, (singleAt.get(applicant) ?? -1) + 1);
      singleAt.delete(applicant);
      queue.push({ kind: 'single', applicant });
      return;
    }
    for (const m of market.couples[couple]?.members ?? []) if (m !== applicant) leave(m);
    coupleNext.set(couple, (coupleAt.get(couple) ?? -1) + 1);
    coupleAt.delete(couple);
    queue.push({ kind: 'couple', couple });
  };
  const apply = (suitor: Suitor) => {
    if (suitor.kind === 'single') {
      const list = market.applicants[suitor.applicant]?.rankList ?? [];
      for (let i = nextOf.get(suitor.applicant) ?? 0; i < list.length; i++) {
        proposals++;
        const p = list[i] as number;
        if (!wouldTake(p, suitor.applicant, null)) continue;
        singleAt.set(suitor.applicant, i);
        take(p, suitor.applicant);
        return;
      }
      return;
    }
    const { members, lines } = market.couples[suitor.couple] ?? { members: [0, 0], lines: [] };
    for (let k = coupleNext.get(suitor.couple) ?? 0; k < lines.length; k++) {
      proposals++;
      const line = lines[k] as [number | null, number | null];
      if (!lineOk(suitor.couple, line, null)) continue;
      coupleAt.set(suitor.couple, k);
      line.forEach((p, side) => {
        if (p !== null) take(p, members[side] as number);
      });
      return;
    }
  };
  const blocking = (): { suitor: Suitor; at: number }[] => {
    const found: { suitor: Suitor; at: number }[] = [];
    market.applicants.forEach((a, applicant) => {
      if (a.couple !== null) return;
      const upTo = singleAt.get(applicant) ?? a.rankList.length;
      const at = a.rankList.slice(0, upTo).findIndex((p) => wouldTake(p, applicant, null));
      if (at >= 0) found.push({ suitor: { kind: 'single', applicant }, at });
    });
    market.couples.forEach((c, couple) => {
      const upTo = coupleAt.get(couple) ?? c.lines.length;
      const at = c.lines.slice(0, upTo).findIndex((line) => lineOk(couple, line, couple));
      if (at >= 0) found.push({ suitor: { kind: 'couple', couple }, at });
    });
    return found;
  };

  const drain = () => {
    while (queue.length > 0) apply(queue.pop() as Suitor);
  };
  drain();
  for (let round = 0; vacated || market.couples.length > 0; round++) {
    vacated = false;
    const found = blocking();
    if (found.length === 0) break;
    if (round >= maxRounds) return { assignment, proposals, status: 'no-stable-matching-found' };
    // Like solve-match.ts: every blocking single goes back, couples one per round.
    const couple = found.find((f) => f.suitor.kind === 'couple');
    const back = found.filter((f) => f.suitor.kind === 'single' || f === couple);
    for (const { suitor, at } of back) {
      if (suitor.kind === 'single') {
        leave(suitor.applicant);
        singleAt.delete(suitor.applicant);
        nextOf.set(suitor.applicant, at);
      } else {
        for (const m of market.couples[suitor.couple]?.members ?? []) leave(m);
        coupleAt.delete(suitor.couple);
        coupleNext.set(suitor.couple, at);
      }
      queue.push(suitor);
    }
    drain();
  }
  return { assignment, proposals, status: 'stable' };
}
