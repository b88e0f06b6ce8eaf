/**
 * Chooses the list and where the signals go, exactly.
 *
 * P(match | list) = 1 − e^(−Σ v), with v = −ln(1 − r) per program (match-model.ts), so the best list within a
 * budget of K programs and k signals maximizes a sum: Σ v over unsignaled programs + Σ v_s over signaled ones
 * (v_s ≥ v: a signal raises the chance of an interview there). With a regional preference at most `outsideCap`
 * programs may lie outside the applicant's regions. A dynamic program over (slots used, signals used), run for the
 * programs inside and outside the regions and then combined, finds the optimum: no greedy step can paint it into a
 * corner. Because the optimum is exact and every constraint only loosens with more budget, more signals or a
 * better file (every v rises), the P(match) it reaches never falls when any of them grows — the property the page's
 * headline needs (optimizer.test.ts checks it on random applicants and catalogs).
 *
 * `weight` lets fit break ties: a program's value counts (1 + weight) times in the objective (weight 0 by default,
 * so only equal values are decided by fit).
 */
export interface ListChoiceInput {
  /** v = −ln(1 − reach) without a signal, per candidate. */
  value: Float64Array;
  /** The same with a signal. */
  signalValue: Float64Array;
  /** Extra weight in the objective per candidate (fit tie-break); 0 = pure P(match). */
  weight: Float64Array;
  /** 1 for candidates that must be on the list. */
  pinned: Uint8Array;
  /** 1 for candidates outside the applicant's preferred regions. */
  outside: Uint8Array;
  /** Candidate ids, for deterministic tie-breaks. */
  ids: readonly string[];
  /** Decides exact ties before the id (e.g. fit); higher first. Optional. */
  tieBreak?: Float64Array;
  slots: number;
  signals: number;
  /** Most programs outside the regions (Infinity: no preference). */
  outsideCap: number;
}

export interface ListChoice {
  /** Chosen candidates, by value (with their signal) best first. */
  chosen: Int32Array;
  /** Per candidate: 1 when signaled. */
  signaled: Uint8Array;
  /** Σ of the chosen values (with signals): P(match) = 1 − e^(−total). */
  total: number;
}

interface GroupTable {
  /** best[j * (k + 1) + t]: best objective with exactly j programs, t of them signaled (−∞ when impossible). */
  best: Float64Array;
  reconstruct: (j: number, t: number) => { chosen: number[]; signaled: number[] };
}

const NEG = Number.NEGATIVE_INFINITY;

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Candidates that can be in an optimal choice: pins, and the best K + k by (weighted) value and signaled value. */
function shortlist(members: number[], input: ListChoiceInput, slots: number, signals: number): number[] {
  const { value, signalValue, weight, pinned } = input;
  const keep = new Set<number>();
  for (const i of members) if (pinned[i] === 1) keep.add(i);
  const limit = slots + signals;
  const w = (i: number) => 1 + (weight[i] as number);
  const byValue = (a: number, b: number) =>
    w(b) * (value[b] as number) - w(a) * (value[a] as number) || tie(input, a, b);
  const bySignal = (a: number, b: number) =>
    w(b) * (signalValue[b] as number) - w(a) * (signalValue[a] as number) || tie(input, a, b);
  for (const i of firstInOrder(members, limit, byValue)) keep.add(i);
  for (const i of firstInOrder(members, limit, bySignal)) keep.add(i);
  // The dynamic program keeps the first of equal choices: order by weighted value, then the tie-break, then id.
  return [...keep].sort(byValue);
}

/**
 * The first `limit` members in the order `compare` gives (a strict total order: ties end at the id), in no
 * particular order: the same set a full sort would start with, for one comparison per member past a bounded heap
 * instead of sorting thousands of candidates to keep a hundred.
 */
function firstInOrder(members: number[], limit: number, compare: (a: number, b: number) => number): number[] {
  if (limit <= 0) return [];
  if (members.length <= limit) return members;
  // A heap whose root is the last in order among those kept: a member before it replaces it.
  const heap: number[] = [];
  const later = (x: number, y: number) => compare(heap[x] as number, heap[y] as number) > 0;
  const swap = (x: number, y: number) => {
    const held = heap[x] as number;
    heap[x] = heap[y] as number;
    heap[y] = held;
  };
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let top = i;
      if (left < heap.length && later(left, top)) top = left;
      if (right < heap.length && later(right, top)) top = right;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  for (const member of members) {
    if (heap.length < limit) {
      heap.push(member);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!later(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (compare(member, heap[0] as number) < 0) {
      heap[0] = member;
      down(0);
    }
  }
  return heap;
}

/** Equal values: the higher tie-break (fit) first, then the smaller id. */
function tie(input: ListChoiceInput, a: number, b: number): number {
  const t = input.tieBreak;
  const byTie = t === undefined ? 0 : (t[b] as number) - (t[a] as number);
  return byTie || compareIds(input.ids[a] as string, input.ids[b] as string);
}

function groupTable(items: number[], input: ListChoiceInput, slots: number, signals: number): GroupTable {
  const width = signals + 1;
  const cells = (slots + 1) * width;
  let best = new Float64Array(cells).fill(NEG);
  best[0] = 0;
  // choice[item][cell]: 0 skipped, 1 taken unsignaled, 2 taken signaled (for reconstruction).
  const choice = new Uint8Array(items.length * cells);
  items.forEach((i, index) => {
    const w = 1 + (input.weight[i] as number);
    const v = w * (input.value[i] as number);
    const vs = w * (input.signalValue[i] as number);
    const forced = input.pinned[i] === 1;
    const next = new Float64Array(cells).fill(NEG);
    for (let j = 0; j <= slots; j++) {
      for (let t = 0; t <= signals; t++) {
        const cell = j * width + t;
        let bestHere = forced ? NEG : (best[cell] as number);
        let how = 0;
        if (j > 0) {
          const unsignaled = (best[cell - width] as number) + v;
          if (unsignaled > bestHere) {
            bestHere = unsignaled;
            how = 1;
          }
          if (t > 0) {
            const withSignal = (best[cell - width - 1] as number) + vs;
            if (withSignal > bestHere) {
              bestHere = withSignal;
              how = 2;
            }
          }
        }
        next[cell] = bestHere;
        choice[index * cells + cell] = how;
      }
    }
    best = next;
  });
  return {
    best,
    reconstruct(j0, t0) {
      let j = j0;
      let t = t0;
      const chosen: number[] = [];
      const signaled: number[] = [];
      for (let index = items.length - 1; index >= 0; index--) {
        const how = choice[index * cells + j * width + t] as number;
        const i = items[index] as number;
        if (how === 0) continue;
        chosen.push(i);
        j--;
        if (how === 2) {
          signaled.push(i);
          t--;
        }
      }
      return { chosen, signaled };
    },
  };
}

/**
 * @example
 * const choice = chooseList({ value, signalValue, weight, pinned, outside, ids, slots: 60, signals: 5, outsideCap: Infinity });
 * 1 - Math.exp(-choice.total); // P(match) of the best 60-program list with 5 signals
 */
export function chooseList(input: ListChoiceInput): ListChoice {
  const n = input.value.length;
  const slots = Math.max(0, Math.min(input.slots, n));
  const signals = Math.max(0, Math.min(input.signals, slots));
  const inside: number[] = [];
  const outside: number[] = [];
  for (let i = 0; i < n; i++) (input.outside[i] === 1 ? outside : inside).push(i);
  let pinnedOutside = 0;
  for (const i of outside) pinnedOutside += input.pinned[i] as number;
  const outsideSlots = Math.min(
    slots,
    Math.max(pinnedOutside, Number.isFinite(input.outsideCap) ? input.outsideCap : slots),
  );
  const insideTable = groupTable(shortlist(inside, input, slots, signals), input, slots, signals);
  const outsideTable = groupTable(
    shortlist(outside, input, outsideSlots, signals),
    input,
    outsideSlots,
    signals,
  );
  const width = signals + 1;
  let bestTotal = NEG;
  let bestSplit = { a: 0, b: 0, ta: 0, tb: 0 };
  for (let b = 0; b <= outsideSlots; b++) {
    for (let a = 0; a + b <= slots; a++) {
      for (let tb = 0; tb <= Math.min(signals, b); tb++) {
        const outsideBest = outsideTable.best[b * width + tb] as number;
        if (outsideBest === NEG) continue;
        for (let ta = 0; ta + tb <= signals && ta <= a; ta++) {
          const total = (insideTable.best[a * width + ta] as number) + outsideBest;
          if (total > bestTotal) {
            bestTotal = total;
            bestSplit = { a, b, ta, tb };
          }
        }
      }
    }
  }
  const signaled = new Uint8Array(n);
  const chosenList: number[] = [];
  if (bestTotal > NEG) {
    for (const part of [
      insideTable.reconstruct(bestSplit.a, bestSplit.ta),
      outsideTable.reconstruct(bestSplit.b, bestSplit.tb),
    ]) {
      chosenList.push(...part.chosen);
      for (const i of part.signaled) signaled[i] = 1;
    }
  }
  const own = (i: number) =>
    signaled[i] === 1 ? (input.signalValue[i] as number) : (input.value[i] as number);
  chosenList.sort((x, y) => own(y) - own(x) || tie(input, x, y));
  let total = 0;
  for (const i of chosenList) total += own(i);
  return { chosen: Int32Array.from(chosenList), signaled, total };
}
