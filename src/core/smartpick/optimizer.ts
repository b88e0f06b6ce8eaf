import {
  addProgram,
  curveIncrements,
  emptyDistribution,
  gainPerInterview,
  matchProbabilityOf,
} from './match-model.js';

/**
 * Chooses the order in which programs join the list, best first.
 *
 * Objective: maximize P(match | list) at every list size; among programs whose chance is within `fitTolerance`
 * (relative) of the best one left, prefer the better fit; then the higher chance; then the smaller ACGME id.
 *
 * Why this is sound: adding a program with interview chance p raises P(match) by exactly p · G, where G (what one
 * more interview is worth, match-model.ts) is the same for every candidate. So the marginal-gain greedy picks the
 * highest p — and the top-K programs by p are the optimal K-list outright: their interview count stochastically
 * dominates any other K-list's (couple the sorted chances one by one), and P(match | n) rises with n. With
 * fitTolerance ε each pick's chance is at least (1 − ε) × the best remaining one, so the list is at least as good
 * as the optimal list with every chance shaved by ε. `bestPMatch` reports the pure optimum at each size, so the
 * price of honoring preferences is visible. Pins go first, in order of chance.
 */
export interface OptimizerInput {
  /** Interview chance of each candidate. */
  probability: Float64Array;
  /** Preference fit 0..1 of each candidate. */
  fit: Float64Array;
  ids: readonly string[];
  /** 1 for candidates that must be on the list. */
  pinned: Uint8Array;
  /** How many programs to order: the list grows to this size (or until candidates run out). */
  length: number;
  /** P(match | n) for n = 0..C. */
  curve: Float64Array;
  /** Relative tolerance within which fit breaks ties; 0 = pure P(match). */
  fitTolerance: number;
}

export interface OptimizedOrder {
  /** Candidate indices in the order they join the list; pins first. */
  order: Int32Array;
  /** Rise in P(match) from each addition. */
  marginalGain: Float64Array;
  /** P(match) after each addition. */
  pMatch: Float64Array;
  /** P(match) of the best possible list of the same size (same pins), ignoring fit. */
  bestPMatch: Float64Array;
  /** 1 where fit chose this program over one with a higher chance. */
  chosenForFit: Uint8Array;
  pinnedCount: number;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * @example
 * const result = optimizeOrder({ probability, fit, ids, pinned, length: 60, curve, fitTolerance: 0.01 });
 * result.pMatch[59]; // P(match) of the 60-program list
 */
export function optimizeOrder(input: OptimizerInput): OptimizedOrder {
  const { probability: p, fit, ids, pinned, curve, fitTolerance } = input;
  const n = p.length;
  const cap = curve.length - 1;
  const increments = curveIncrements(curve);

  const pins: number[] = [];
  const free: number[] = [];
  for (let i = 0; i < n; i++) (pinned[i] === 1 ? pins : free).push(i);
  pins.sort((a, b) => (p[b] as number) - (p[a] as number) || compareIds(ids[a] as string, ids[b] as string));
  const sorted = Int32Array.from(free).sort(
    (a, b) =>
      (p[b] as number) - (p[a] as number) ||
      (fit[b] as number) - (fit[a] as number) ||
      compareIds(ids[a] as string, ids[b] as string),
  );

  const length = Math.min(n, Math.max(input.length, pins.length));
  const order = new Int32Array(length);
  const marginalGain = new Float64Array(length);
  const pMatch = new Float64Array(length);
  const bestPMatch = new Float64Array(length);
  const chosenForFit = new Uint8Array(length);
  const distribution = emptyDistribution(cap);
  const bestDistribution = emptyDistribution(cap);

  let position = 0;
  const place = (candidate: number, forFit: boolean) => {
    const pc = p[candidate] as number;
    marginalGain[position] = pc * gainPerInterview(distribution, increments);
    addProgram(distribution, pc);
    pMatch[position] = matchProbabilityOf(distribution, curve);
    order[position] = candidate;
    chosenForFit[position] = forFit ? 1 : 0;
    position++;
  };

  for (const candidate of pins) {
    if (position >= length) break;
    addProgram(bestDistribution, p[candidate] as number);
    place(candidate, false);
    bestPMatch[position - 1] = matchProbabilityOf(bestDistribution, curve);
  }

  const taken = new Uint8Array(sorted.length);
  let head = 0;
  let nextBest = 0;
  const keep = 1 - Math.max(0, fitTolerance);
  while (position < length) {
    while (head < sorted.length && taken[head] === 1) head++;
    if (head >= sorted.length) break;
    const top = sorted[head] as number;
    const threshold = (p[top] as number) * keep;
    let best = head;
    let bestFit = fit[top] as number;
    if (keep < 1) {
      for (let s = head + 1; s < sorted.length; s++) {
        const candidate = sorted[s] as number;
        if ((p[candidate] as number) < threshold) break;
        if (taken[s] === 1) continue;
        const f = fit[candidate] as number;
        if (f > bestFit) {
          bestFit = f;
          best = s;
        }
      }
    }
    taken[best] = 1;
    const chosen = sorted[best] as number;
    addProgram(bestDistribution, p[sorted[nextBest] as number] as number);
    nextBest++;
    place(chosen, (p[chosen] as number) < (p[top] as number));
    bestPMatch[position - 1] = matchProbabilityOf(bestDistribution, curve);
  }

  return {
    order: order.subarray(0, position),
    marginalGain: marginalGain.subarray(0, position),
    pMatch: pMatch.subarray(0, position),
    bestPMatch: bestPMatch.subarray(0, position),
    chosenForFit: chosenForFit.subarray(0, position),
    pinnedCount: Math.min(pins.length, position),
  };
}
