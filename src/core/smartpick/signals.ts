import { addProgram, convolveCapped, curveIncrements, matchProbabilityOf } from './match-model.js';

/**
 * Where to send k preference signals. A signal raises P(interview) at one program (the signal factor of the
 * interview model); what it is worth to the applicant is the rise in P(match | list), which is largest where the
 * chance gained is large AND the rest of the list leaves that interview valuable. For a program on the list with
 * chance p (p_s with a signal), the rise is exactly (p_s − p) · G₋ⱼ, where G₋ⱼ is what one more interview is worth
 * given the rest of the list (computed exactly from prefix and suffix distributions). A signal may also go to a
 * program not on the list, which then replaces the list's weakest unpinned program: that gain is evaluated exactly
 * too. Signals are chosen greedily, one at a time, each re-evaluated with the signals already placed.
 */
export interface SignalInput {
  /** Candidate indices on the list. */
  list: Int32Array;
  /** Interview chance of each candidate without a signal. */
  probability: Float64Array;
  /** Interview chance of each candidate with a signal. */
  signaledProbability: Float64Array;
  /** 1 for programs the user pinned: never swapped out. */
  pinned: Uint8Array;
  ids: readonly string[];
  k: number;
  curve: Float64Array;
}

export interface SignalOption {
  candidate: number;
  /** The list program it would replace, or −1 when it is on the list already. */
  replaces: number;
  /** Rise in P(match). */
  gain: number;
}

export interface SignalStep extends SignalOption {
  interviewWithout: number;
  interviewWith: number;
  matchBefore: number;
  matchAfter: number;
  /** The next best options at this step (up to 3), for the explanation. */
  runnersUp: SignalOption[];
  /** How many options were compared at this step. */
  considered: number;
}

export interface SignalPlan {
  steps: SignalStep[];
  /** The list after any swaps, in its original order with replacements in place. */
  list: Int32Array;
  signaled: Uint8Array;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * @example
 * const plan = chooseSignals({ list, probability, signaledProbability, pinned, ids, k: 5, curve });
 * plan.steps.map((step) => ids[step.candidate]); // the 5 programs to signal, best first
 */
export function chooseSignals(input: SignalInput): SignalPlan {
  const { probability: p, signaledProbability: ps, pinned, ids, curve } = input;
  const cap = curve.length - 1;
  const width = cap + 1;
  const increments = curveIncrements(curve);
  const list = Int32Array.from(input.list);
  const signaled = new Uint8Array(p.length);
  const onList = new Uint8Array(p.length);
  for (const candidate of list) onList[candidate] = 1;

  const steps: SignalStep[] = [];
  const chance = (candidate: number) =>
    signaled[candidate] === 1 ? (ps[candidate] as number) : (p[candidate] as number);
  const k = Math.max(0, Math.min(input.k, p.length));
  const without = new Float64Array(width);
  const swapped = new Float64Array(width);

  for (let step = 0; step < k; step++) {
    const size = list.length;
    const prefix = new Float64Array((size + 1) * width);
    const suffix = new Float64Array((size + 1) * width);
    prefix[0] = 1;
    suffix[size * width] = 1;
    for (let i = 0; i < size; i++) {
      prefix.copyWithin((i + 1) * width, i * width, (i + 1) * width);
      addProgram(prefix.subarray((i + 1) * width, (i + 2) * width), chance(list[i] as number));
    }
    for (let i = size - 1; i >= 0; i--) {
      suffix.copyWithin(i * width, (i + 1) * width, (i + 2) * width);
      addProgram(suffix.subarray(i * width, (i + 1) * width), chance(list[i] as number));
    }
    const current = prefix.subarray(size * width, (size + 1) * width);
    const matchBefore = matchProbabilityOf(current, curve);

    const options: SignalOption[] = [];
    let weakest = -1;
    for (let i = 0; i < size; i++) {
      const candidate = list[i] as number;
      if (signaled[candidate] === 1) continue;
      convolveCapped(
        prefix.subarray(i * width, (i + 1) * width),
        suffix.subarray((i + 1) * width, (i + 2) * width),
        without,
      );
      let worth = 0;
      for (let n = 0; n < width; n++) worth += (without[n] as number) * (increments[n] as number);
      options.push({
        candidate,
        replaces: -1,
        gain: ((ps[candidate] as number) - (p[candidate] as number)) * worth,
      });
      if (pinned[candidate] === 0) {
        const current = weakest < 0 ? -1 : (list[weakest] as number);
        if (
          weakest < 0 ||
          (p[candidate] as number) < (p[current] as number) ||
          ((p[candidate] as number) === (p[current] as number) &&
            compareIds(ids[candidate] as string, ids[current] as string) > 0)
        ) {
          weakest = i;
        }
      }
    }
    // Of the programs off the list, only the one with the best signaled chance can be the best swap.
    let incoming = -1;
    for (let i = 0; i < p.length; i++) {
      if (onList[i] === 1) continue;
      if (
        incoming < 0 ||
        (ps[i] as number) > (ps[incoming] as number) ||
        ((ps[i] as number) === (ps[incoming] as number) &&
          compareIds(ids[i] as string, ids[incoming] as string) < 0)
      ) {
        incoming = i;
      }
    }
    if (incoming >= 0 && weakest >= 0) {
      convolveCapped(
        prefix.subarray(weakest * width, (weakest + 1) * width),
        suffix.subarray((weakest + 1) * width, (weakest + 2) * width),
        swapped,
      );
      addProgram(swapped, ps[incoming] as number);
      options.push({
        candidate: incoming,
        replaces: list[weakest] as number,
        gain: matchProbabilityOf(swapped, curve) - matchBefore,
      });
    }
    if (options.length === 0) break;
    options.sort(
      (a, b) => b.gain - a.gain || compareIds(ids[a.candidate] as string, ids[b.candidate] as string),
    );
    const best = options[0] as SignalOption;
    if (best.replaces >= 0) {
      list[weakest] = best.candidate;
      onList[best.replaces] = 0;
      onList[best.candidate] = 1;
    }
    signaled[best.candidate] = 1;
    steps.push({
      ...best,
      interviewWithout: p[best.candidate] as number,
      interviewWith: ps[best.candidate] as number,
      matchBefore,
      matchAfter: matchBefore + best.gain,
      runnersUp: options.slice(1, 4),
      considered: options.length,
    });
  }
  return { steps, list, signaled };
}
