import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchFromValue, valueOf } from './match-model.js';
import { chooseList, type ListChoice, type ListChoiceInput } from './optimizer.js';
import { seededRandom } from './synthetic-market.js';

const idsFor = (count: number) => Array.from({ length: count }, (_, i) => `120${String(i).padStart(7, '0')}`);

interface Instance {
  /** v = −ln(1 − reach) without and with a signal (signalValue ≥ value). */
  value: number[];
  signalValue: number[];
  weight: number[];
  pinned: boolean[];
  outside: boolean[];
  slots: number;
  signals: number;
  outsideCap: number;
}

function inputOf(instance: Instance): ListChoiceInput {
  return {
    value: Float64Array.from(instance.value),
    signalValue: Float64Array.from(instance.signalValue),
    weight: Float64Array.from(instance.weight),
    pinned: Uint8Array.from(instance.pinned, (pin) => (pin ? 1 : 0)),
    outside: Uint8Array.from(instance.outside, (out) => (out ? 1 : 0)),
    ids: idsFor(instance.value.length),
    slots: instance.slots,
    signals: instance.signals,
    outsideCap: instance.outsideCap,
  };
}

/** Small instances: up to 8 candidates, budget ≥ pins, a few signals, an outside cap or none. */
const smallInstance = (withWeights: boolean): fc.Arbitrary<Instance> =>
  fc.integer({ min: 1, max: 8 }).chain((count) => {
    const perCandidate = <T>(arbitrary: fc.Arbitrary<T>) =>
      fc.array(arbitrary, { minLength: count, maxLength: count });
    // With fit weights, values on a coarse grid: close values are where fit decides.
    const value = withWeights
      ? fc.integer({ min: 1, max: 5 }).map((tenths) => tenths / 10)
      : fc.double({ min: 0, max: 2, noNaN: true });
    return fc
      .record({
        value: perCandidate(value),
        boost: perCandidate(fc.double({ min: 0, max: 1, noNaN: true })),
        weight: perCandidate(withWeights ? fc.double({ min: 0, max: 0.5, noNaN: true }) : fc.constant(0)),
        pinned: perCandidate(fc.integer({ min: 0, max: 9 }).map((roll) => roll < 2)),
        outside: perCandidate(fc.boolean()),
        slots: fc.integer({ min: 0, max: count }),
        signals: fc.integer({ min: 0, max: 3 }),
        outsideCap: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 0, max: count })),
      })
      .map((drawn) => {
        const pins = drawn.pinned.filter(Boolean).length;
        return {
          value: drawn.value,
          signalValue: drawn.value.map((v, i) => v + (drawn.boost[i] as number)),
          weight: drawn.weight,
          pinned: drawn.pinned,
          outside: drawn.outside,
          slots: Math.max(drawn.slots, pins),
          signals: drawn.signals,
          outsideCap: drawn.outsideCap,
        };
      });
  });

/** The objective of a choice: Σ (1 + weight) × (signaled value or value). */
function objective(instance: Instance, chosen: Iterable<number>, signaled: (i: number) => boolean): number {
  let total = 0;
  for (const i of chosen) {
    const v = signaled(i) ? (instance.signalValue[i] as number) : (instance.value[i] as number);
    total += (1 + (instance.weight[i] as number)) * v;
  }
  return total;
}

/** Every candidate out, in, or in with a signal (3^n ways), under the same rules: the true optimum. */
function bruteForce(instance: Instance): number {
  const n = instance.value.length;
  const pinnedOutside = instance.outside.filter((out, i) => out && instance.pinned[i]).length;
  const cap = Math.max(pinnedOutside, instance.outsideCap);
  let best = Number.NEGATIVE_INFINITY;
  const state = new Array<number>(n).fill(0);
  for (let code = 0; code < 3 ** n; code++) {
    let rest = code;
    for (let i = 0; i < n; i++) {
      state[i] = rest % 3;
      rest = Math.floor(rest / 3);
    }
    const chosen = state.flatMap((s, i) => (s > 0 ? [i] : []));
    const signals = state.filter((s) => s === 2).length;
    const outside = chosen.filter((i) => instance.outside[i]).length;
    const pinsIn = instance.pinned.every((pin, i) => !pin || (state[i] as number) > 0);
    if (chosen.length > instance.slots || signals > instance.signals || outside > cap || !pinsIn) continue;
    best = Math.max(
      best,
      objective(instance, chosen, (i) => state[i] === 2),
    );
  }
  return best;
}

function respectsTheRules(instance: Instance, choice: ListChoice): boolean {
  const chosen = Array.from(choice.chosen);
  const onList = new Set(chosen);
  const pinnedOutside = instance.outside.filter((out, i) => out && instance.pinned[i]).length;
  const signaled = instance.value.flatMap((_, i) => (choice.signaled[i] === 1 ? [i] : []));
  return (
    onList.size === chosen.length &&
    chosen.length <= instance.slots &&
    signaled.length <= instance.signals &&
    signaled.every((i) => onList.has(i)) &&
    instance.pinned.every((pin, i) => !pin || onList.has(i)) &&
    chosen.filter((i) => instance.outside[i]).length <= Math.max(pinnedOutside, instance.outsideCap)
  );
}

describe('chooseList against brute force', () => {
  it('finds the best list and signals among every list of at most K programs, with pins and an outside cap', () => {
    fc.assert(
      fc.property(smallInstance(false), (instance) => {
        const choice = chooseList(inputOf(instance));
        const best = bruteForce(instance);
        const ours = objective(instance, choice.chosen, (i) => choice.signaled[i] === 1);
        return (
          respectsTheRules(instance, choice) &&
          Math.abs(ours - best) < 1e-9 &&
          Math.abs(choice.total - ours) < 1e-9
        );
      }),
      { numRuns: 400 },
    );
  });

  it('also maximizes the objective when fit adds weight to some programs', () => {
    fc.assert(
      fc.property(smallInstance(true), (drawn) => {
        // A short list from many candidates: where fit has to decide which close call makes the list.
        const pins = drawn.pinned.filter(Boolean).length;
        const instance = { ...drawn, slots: Math.max(pins, Math.min(drawn.slots, 2)), signals: 0 };
        const choice = chooseList(inputOf(instance));
        const ours = objective(instance, choice.chosen, (i) => choice.signaled[i] === 1);
        return respectsTheRules(instance, choice) && Math.abs(ours - bruteForce(instance)) < 1e-9;
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});

describe('a US IMG choosing 3 programs and 1 signal among 5', () => {
  // reach (chance of an interview whose offer reaches them) without and with a signal
  const reach = [0.3, 0.25, 0.2, 0.1, 0.05];
  const reachSignal = [0.32, 0.26, 0.35, 0.45, 0.06];
  const base: ListChoiceInput = {
    value: Float64Array.from(reach, valueOf),
    signalValue: Float64Array.from(reachSignal, valueOf),
    weight: new Float64Array(5),
    pinned: new Uint8Array(5),
    outside: new Uint8Array(5),
    ids: idsFor(5),
    slots: 3,
    signals: 1,
    outsideCap: Number.POSITIVE_INFINITY,
  };

  it('sends the signal where it raises the chance most, even to a program it would not list unsignaled', () => {
    const choice = chooseList(base);
    // 0.30, 0.25 and program 3 signaled (0.10 → 0.45) beat 0.30, 0.25 and program 2 signaled (0.20 → 0.35).
    expect(Array.from(choice.chosen).sort()).toEqual([0, 1, 3]);
    expect(choice.signaled[3]).toBe(1);
    expect(matchFromValue(choice.total)).toBeCloseTo(1 - 0.7 * 0.75 * 0.55, 12);
  });

  it('keeps a pinned long shot and builds the rest of the list around it', () => {
    const pinned = new Uint8Array(5);
    pinned[4] = 1;
    const choice = chooseList({ ...base, pinned });
    expect(Array.from(choice.chosen)).toContain(4);
    expect(choice.chosen).toHaveLength(3);
  });

  it('with "strongly prefer" (no program outside the regions) lists only programs inside', () => {
    const outside = Uint8Array.from([1, 1, 0, 0, 0]);
    const choice = chooseList({ ...base, outside, outsideCap: 0 });
    expect(Array.from(choice.chosen).sort()).toEqual([2, 3, 4]);
  });

  it('gives the same list for the same candidates in another order (ties broken by ACGME id)', () => {
    const twins: ListChoiceInput = {
      ...base,
      value: Float64Array.from([0.2, 0.2, 0.2, 0.2, 0.2]),
      signalValue: Float64Array.from([0.3, 0.3, 0.3, 0.3, 0.3]),
    };
    const forward = chooseList(twins);
    const reversedIds = [...twins.ids].reverse();
    const backward = chooseList({ ...twins, ids: reversedIds });
    const idsOf = (choice: ListChoice, ids: readonly string[]) =>
      Array.from(choice.chosen, (i) => ids[i]).sort();
    expect(idsOf(backward, reversedIds)).toEqual(idsOf(forward, twins.ids));
  });
});

describe('what the headline needs from the optimizer', () => {
  it('P(match) never falls with one more slot, one more signal or a looser outside cap', () => {
    fc.assert(
      fc.property(smallInstance(false), fc.constantFrom('slot', 'signal', 'cap'), (instance, more) => {
        const before = chooseList(inputOf(instance)).total;
        const looser: Instance =
          more === 'slot'
            ? { ...instance, slots: instance.slots + 1 }
            : more === 'signal'
              ? { ...instance, signals: instance.signals + 1 }
              : { ...instance, outsideCap: instance.outsideCap + 1 };
        return chooseList(inputOf(looser)).total >= before - 1e-12;
      }),
      { numRuns: 300 },
    );
  });

  it('handles a 2,000-program catalog with 60 slots and 5 signals, and never lists a program twice', () => {
    const random = seededRandom(7);
    const n = 2000;
    const value = Float64Array.from({ length: n }, () => valueOf(random() * 0.3));
    const signalValue = value.map((v) => v + random() * 0.2);
    const choice = chooseList({
      value,
      signalValue,
      weight: new Float64Array(n),
      pinned: new Uint8Array(n),
      outside: Uint8Array.from({ length: n }, () => (random() < 0.5 ? 1 : 0)),
      ids: idsFor(n),
      slots: 60,
      signals: 5,
      outsideCap: 24,
    });
    expect(new Set(choice.chosen).size).toBe(60);
    expect(choice.signaled.reduce((sum, s) => sum + s, 0)).toBe(5);
  });
});
