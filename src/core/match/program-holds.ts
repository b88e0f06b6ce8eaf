/**
 * The applicants each program tentatively holds: one preallocated pair of Int32Arrays sliced per program
 * (program p owns slots start[p] .. start[p+1]), each slice a binary max-heap on the program's rank so the
 * worst holder (the one a better proposer displaces) is at start[p]. Nothing is allocated per proposal.
 */
export interface ProgramHolds {
  start: Int32Array;
  size: Int32Array;
  applicant: Int32Array;
  rank: Int32Array;
  /** Per applicant: the slot it occupies, or -1. */
  slot: Int32Array;
}

export function createHolds(slotsPerProgram: Int32Array, applicantCount: number): ProgramHolds {
  const start = new Int32Array(slotsPerProgram.length + 1);
  for (let p = 0; p < slotsPerProgram.length; p++) {
    start[p + 1] = (start[p] as number) + Math.max(0, slotsPerProgram[p] as number);
  }
  const slots = start[slotsPerProgram.length] as number;
  return {
    start,
    size: new Int32Array(slotsPerProgram.length),
    applicant: new Int32Array(slots),
    rank: new Int32Array(slots),
    slot: new Int32Array(applicantCount).fill(-1),
  };
}

/** The program's rank of its worst holder, or -1 when it holds nobody. */
export function worstRank(holds: ProgramHolds, p: number): number {
  return (holds.size[p] as number) > 0 ? (holds.rank[holds.start[p] as number] as number) : -1;
}

/** The rank of the second-worst holder (a child of the heap root), or -1 when it holds fewer than two. */
export function secondWorstRank(holds: ProgramHolds, p: number): number {
  const base = holds.start[p] as number;
  const n = holds.size[p] as number;
  if (n < 2) return -1;
  const left = holds.rank[base + 1] as number;
  return n > 2 ? Math.max(left, holds.rank[base + 2] as number) : left;
}

/**
 * Holds applicant `a` (ranked `rank`) at `p`. When the program is full its worst holder is displaced and
 * returned; the caller has already checked that `a` ranks better. Returns -1 when nobody is displaced.
 */
export function hold(holds: ProgramHolds, p: number, a: number, rank: number): number {
  const base = holds.start[p] as number;
  const n = holds.size[p] as number;
  if (n < (holds.start[p + 1] as number) - base) {
    holds.size[p] = n + 1;
    place(holds, base + n, a, rank);
    siftUp(holds, base, n);
    return -1;
  }
  const displaced = holds.applicant[base] as number;
  holds.slot[displaced] = -1;
  place(holds, base, a, rank);
  siftDown(holds, base, n, 0);
  return displaced;
}

/** Releases applicant `a` from `p`, leaving a vacancy. */
export function release(holds: ProgramHolds, p: number, a: number): void {
  const base = holds.start[p] as number;
  const i = (holds.slot[a] as number) - base;
  const last = (holds.size[p] as number) - 1;
  holds.slot[a] = -1;
  holds.size[p] = last;
  if (i === last) return;
  place(holds, base + i, holds.applicant[base + last] as number, holds.rank[base + last] as number);
  siftDown(holds, base, last, i);
  siftUp(holds, base, i);
}

function place(holds: ProgramHolds, slot: number, a: number, rank: number): void {
  holds.applicant[slot] = a;
  holds.rank[slot] = rank;
  holds.slot[a] = slot;
}

function siftUp(holds: ProgramHolds, base: number, from: number): void {
  let i = from;
  const a = holds.applicant[base + i] as number;
  const r = holds.rank[base + i] as number;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pr = holds.rank[base + parent] as number;
    if (pr >= r) break;
    place(holds, base + i, holds.applicant[base + parent] as number, pr);
    i = parent;
  }
  place(holds, base + i, a, r);
}

function siftDown(holds: ProgramHolds, base: number, size: number, from: number): void {
  let i = from;
  const a = holds.applicant[base + i] as number;
  const r = holds.rank[base + i] as number;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    const right = child + 1;
    if (right < size && (holds.rank[base + right] as number) > (holds.rank[base + child] as number)) {
      child = right;
    }
    const cr = holds.rank[base + child] as number;
    if (cr <= r) break;
    place(holds, base + i, holds.applicant[base + child] as number, cr);
    i = child;
  }
  place(holds, base + i, a, r);
}
