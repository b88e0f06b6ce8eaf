import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interviewDistribution, matchCurve, matchProbabilityOf } from './match-model.js';
import { DEFAULT_PARAMETERS } from './model-parameters.js';
import { optimizeOrder } from './optimizer.js';
import { seededRandom } from './synthetic-market.js';

const CAP = DEFAULT_PARAMETERS.match.maxInterviews;
const curve = matchCurve('us-img');
const pMatchOf = (probabilities: number[]) =>
  matchProbabilityOf(interviewDistribution(probabilities, CAP), curve);
const idsFor = (count: number) => Array.from({ length: count }, (_, i) => `120${String(i).padStart(7, '0')}`);

interface Instance {
  probability: number[];
  fit: number[];
  budget: number;
}

const instance: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 60 }).chain((count) =>
  fc.record({
    probability: fc.array(fc.double({ min: 0, max: 0.9, noNaN: true }), {
      minLength: count,
      maxLength: count,
    }),
    fit: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: count, maxLength: count }),
    budget: fc.integer({ min: 1, max: count }),
  }),
);

function run(input: Instance, fitTolerance: number, pins: number[] = []) {
  const pinned = new Uint8Array(input.probability.length);
  for (const pin of pins) pinned[pin] = 1;
  return optimizeOrder({
    probability: Float64Array.from(input.probability),
    fit: Float64Array.from(input.fit),
    ids: idsFor(input.probability.length),
    pinned,
    length: input.budget,
    curve,
    fitTolerance,
  });
}

const greedyByFit = (input: Instance) =>
  input.probability
    .map((p, i) => ({ p, fit: input.fit[i] as number, i }))
    .sort((a, b) => b.fit - a.fit || a.i - b.i)
    .slice(0, input.budget)
    .map((entry) => entry.p);

function randomList(input: Instance, seed: number): number[] {
  const random = seededRandom(seed);
  const indices = input.probability.map((_, i) => i);
  for (let i = indices.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
  }
  return indices.slice(0, input.budget).map((i) => input.probability[i] as number);
}

describe('the optimizer for a US IMG with a 60-program budget', () => {
  // A market where the programs the applicant likes best (high fit) are mostly hard to get into.
  const random = seededRandom(42);
  const market: Instance = { probability: [], fit: [], budget: 60 };
  for (let i = 0; i < 600; i++) {
    const p = 0.02 + 0.4 * random() ** 2;
    market.probability.push(p);
    market.fit.push(Math.min(1, Math.max(0, 1 - 2 * p + 0.3 * (random() - 0.5))));
  }

  it('beats picking the 60 best-fitting programs and 200 random 60-program lists', () => {
    const chosen = run(market, DEFAULT_PARAMETERS.defaults.fitTolerance);
    const ours = chosen.pMatch[59] as number;
    const byFit = pMatchOf(greedyByFit(market));
    let bestRandom = 0;
    for (let seed = 1; seed <= 200; seed++)
      bestRandom = Math.max(bestRandom, pMatchOf(randomList(market, seed)));
    console.log(
      `60-program list: optimizer ${(ours * 100).toFixed(1)}%, greedy-by-fit ${(byFit * 100).toFixed(1)}%, best of 200 random ${(bestRandom * 100).toFixed(1)}%`,
    );
    expect(ours).toBeGreaterThan(byFit);
    expect(ours).toBeGreaterThan(bestRandom);
  });

  it('reports P(match) and the marginal gain of each program in order, gains adding up', () => {
    const chosen = run(market, 0);
    let total = 0;
    for (let i = 0; i < chosen.order.length; i++) {
      total += chosen.marginalGain[i] as number;
      expect(chosen.pMatch[i]).toBeCloseTo(total, 12);
    }
  });

  it('puts pins first, even a long shot', () => {
    const longShot = market.probability.indexOf(Math.min(...market.probability));
    const chosen = run(market, 0.01, [longShot]);
    expect(chosen.order[0]).toBe(longShot);
    expect(chosen.pinnedCount).toBe(1);
  });

  it('gives the same order for the same input', () => {
    const first = run(market, 0.01);
    const second = run(market, 0.01);
    expect(Array.from(second.order)).toEqual(Array.from(first.order));
  });
});

describe('properties of the optimizer', () => {
  it('with fit tolerance 0 it finds the best list: never below greedy-by-fit or a random list', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 1, max: 1000 }), (input, seed) => {
        const chosen = run(input, 0);
        const ours = chosen.pMatch[input.budget - 1] as number;
        return (
          ours >= pMatchOf(greedyByFit(input)) - 1e-12 && ours >= pMatchOf(randomList(input, seed)) - 1e-12
        );
      }),
      { numRuns: 300 },
    );
  });

  it('with fit tolerance 0 it matches brute force over every list of the budget size', () => {
    const small = fc.integer({ min: 1, max: 9 }).chain((count) =>
      fc.record({
        probability: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: count,
          maxLength: count,
        }),
        fit: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: count, maxLength: count }),
        budget: fc.integer({ min: 1, max: count }),
      }),
    );
    fc.assert(
      fc.property(small, (input) => {
        let best = 0;
        const n = input.probability.length;
        for (let mask = 0; mask < 1 << n; mask++) {
          const chosen = input.probability.filter((_, i) => (mask >> i) & 1);
          if (chosen.length === input.budget) best = Math.max(best, pMatchOf(chosen));
        }
        return Math.abs((run(input, 0).pMatch[input.budget - 1] as number) - best) < 1e-12;
      }),
      { numRuns: 300 },
    );
  });

  it('with a fit tolerance ε it is never worse than the best list with every chance shaved by ε', () => {
    fc.assert(
      fc.property(instance, fc.double({ min: 0, max: 0.2, noNaN: true }), (input, tolerance) => {
        const chosen = run(input, tolerance);
        const shaved = [...input.probability]
          .sort((a, b) => b - a)
          .slice(0, input.budget)
          .map((p) => p * (1 - tolerance));
        const ours = chosen.pMatch[input.budget - 1] as number;
        const best = chosen.bestPMatch[input.budget - 1] as number;
        return ours >= pMatchOf(shaved) - 1e-12 && ours <= best + 1e-12;
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and ignores input order (ties broken by ACGME id)', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 1, max: 1000 }), (input, seed) => {
        const n = input.probability.length;
        const ids = idsFor(n);
        const random = seededRandom(seed);
        const permutation = ids.map((_, i) => i).sort(() => random() - 0.5);
        const order = (indices: number[]) => {
          const result = optimizeOrder({
            probability: Float64Array.from(indices.map((i) => input.probability[i] as number)),
            fit: Float64Array.from(indices.map((i) => input.fit[i] as number)),
            ids: indices.map((i) => ids[i] as string),
            pinned: new Uint8Array(n),
            length: input.budget,
            curve,
            fitTolerance: 0.05,
          });
          return Array.from(result.order).map((k) => ids[indices[k] as number]);
        };
        const identity = ids.map((_, i) => i);
        return JSON.stringify(order(identity)) === JSON.stringify(order(permutation));
      }),
      { numRuns: 200 },
    );
  });
});
