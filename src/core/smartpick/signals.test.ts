import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interviewDistribution, matchCurve, matchProbabilityOf } from './match-model.js';
import { DEFAULT_PARAMETERS } from './model-parameters.js';
import { logit, sigmoid } from './probability.js';
import { chooseSignals } from './signals.js';

const CAP = DEFAULT_PARAMETERS.match.maxInterviews;
const curve = matchCurve('us-img');
const pMatchOf = (probabilities: number[]) =>
  matchProbabilityOf(interviewDistribution(probabilities, CAP), curve);
const withSignal = (p: number) =>
  sigmoid(logit(Math.min(Math.max(p, 1e-9), 1 - 1e-9)) + DEFAULT_PARAMETERS.interview.signal);

function setup(probabilities: number[], listSize: number, pinned: number[] = []) {
  const n = probabilities.length;
  const p = Float64Array.from(probabilities);
  const ps = p.map(withSignal);
  const pins = new Uint8Array(n);
  for (const pin of pinned) pins[pin] = 1;
  const ids = probabilities.map((_, i) => `120${String(i).padStart(7, '0')}`);
  return { p, ps, pins, ids, list: Int32Array.from({ length: listSize }, (_, i) => i) };
}

/** Every way to place one signal: on a listed program, or on an outside one that replaces any unpinned listed one. */
function bruteForceBestGain(s: ReturnType<typeof setup>): number {
  const list = Array.from(s.list);
  const base = pMatchOf(list.map((i) => s.p[i] as number));
  let best = 0;
  for (const j of list) {
    best = Math.max(
      best,
      pMatchOf(list.map((i) => (i === j ? (s.ps[i] as number) : (s.p[i] as number)))) - base,
    );
  }
  for (let o = 0; o < s.p.length; o++) {
    if (list.includes(o)) continue;
    for (const w of list) {
      if (s.pins[w] === 1) continue;
      const swapped = list.map((i) => (i === w ? (s.ps[o] as number) : (s.p[i] as number)));
      best = Math.max(best, pMatchOf(swapped) - base);
    }
  }
  return best;
}

describe('signals for a US IMG with five programs on the list', () => {
  it('go where they raise P(match) most, with the chances before and after', () => {
    // A sure-ish program gains little from a signal; a middling one gains most.
    const s = setup([0.9, 0.35, 0.3, 0.05, 0.02], 5);
    const plan = chooseSignals({
      list: s.list,
      probability: s.p,
      signaledProbability: s.ps,
      pinned: s.pins,
      ids: s.ids,
      k: 1,
      curve,
    });
    const step = plan.steps[0];
    expect(step?.candidate).toBe(1);
    expect(step?.interviewWith).toBeGreaterThan(step?.interviewWithout ?? 1);
    expect(step?.gain).toBeCloseTo(bruteForceBestGain(s), 12);
    expect(step?.runnersUp.length).toBeGreaterThan(0);
  });

  it('can bring in a program that was not on the list, replacing the weakest unpinned one', () => {
    // Program 3 is off the list but a signal would lift it well above the listed long shots.
    const s = setup([0.05, 0.04, 0.03, 0.3], 3);
    const plan = chooseSignals({
      list: s.list,
      probability: s.p,
      signaledProbability: s.ps,
      pinned: s.pins,
      ids: s.ids,
      k: 1,
      curve,
    });
    expect(plan.steps[0]?.candidate).toBe(3);
    expect(plan.steps[0]?.replaces).toBe(2);
    expect(Array.from(plan.list)).toEqual([0, 1, 3]);
  });
});

describe('property: each signal is the best single placement given the ones already placed', () => {
  it('agrees with brute force over every placement', () => {
    const instance = fc.integer({ min: 2, max: 9 }).chain((n) =>
      fc.record({
        probabilities: fc.array(fc.double({ min: 0.001, max: 0.95, noNaN: true }), {
          minLength: n,
          maxLength: n,
        }),
        listSize: fc.integer({ min: 1, max: n }),
        pinFirst: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(instance, ({ probabilities, listSize, pinFirst }) => {
        const s = setup(probabilities, listSize, pinFirst ? [0] : []);
        const plan = chooseSignals({
          list: s.list,
          probability: s.p,
          signaledProbability: s.ps,
          pinned: s.pins,
          ids: s.ids,
          k: 1,
          curve,
        });
        const gain = plan.steps[0]?.gain ?? 0;
        return Math.abs(gain - bruteForceBestGain(s)) < 1e-10 && gain >= 0;
      }),
      { numRuns: 300 },
    );
  });
});
