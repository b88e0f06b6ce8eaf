import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addProgram,
  emptyDistribution,
  interviewDistribution,
  matchFromValue,
  matchProbability,
  matchProbabilityFromReach,
  valueOf,
} from './match-model.js';
import { DEFAULT_PARAMETERS } from './model-parameters.js';
import { seededRandom } from './synthetic-market.js';

const CAP = DEFAULT_PARAMETERS.match.maxInterviews;
const chances = (maxLength = 80) => fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength });

describe('a US IMG applying to three programs: interview chances 30%, 20%, 10%; offers that reach them 15%, 10%, 5%', () => {
  const estimate = matchProbability({ interview: [0.3, 0.2, 0.1], reach: [0.15, 0.1, 0.05], cap: CAP });

  it('matches unless no program’s offer reaches them: 1 − 0.85 × 0.90 × 0.95', () => {
    expect(estimate.probability).toBeCloseTo(1 - 0.85 * 0.9 * 0.95, 12);
  });

  it('expects 0.6 interviews, and the count of interviews is the exact Poisson-binomial, worked by hand', () => {
    expect(estimate.expectedInterviews).toBeCloseTo(0.6, 12);
    const [none, one, two, three] = estimate.interviewDistribution;
    expect(none).toBeCloseTo(0.7 * 0.8 * 0.9, 12);
    expect(one).toBeCloseTo(0.3 * 0.8 * 0.9 + 0.7 * 0.2 * 0.9 + 0.7 * 0.8 * 0.1, 12);
    expect(two).toBeCloseTo(0.3 * 0.2 * 0.9 + 0.3 * 0.8 * 0.1 + 0.7 * 0.2 * 0.1, 12);
    expect(three).toBeCloseTo(0.3 * 0.2 * 0.1, 12);
  });

  it('a program whose offer always reaches them makes the match certain; one that never does adds nothing', () => {
    expect(matchProbabilityFromReach([0.2, 1])).toBe(1);
    expect(matchProbabilityFromReach([0.2, 0])).toBeCloseTo(0.2, 12);
    expect(matchProbabilityFromReach([])).toBe(0);
  });
});

describe('properties of P(match) and the interview count', () => {
  it('values add: P(match) from Σ −ln(1 − r) equals 1 − Π(1 − r)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 100 }), (reach) => {
        const product = reach.reduce((left, r) => left * (1 - r), 1);
        const total = reach.reduce((sum, r) => sum + valueOf(r), 0);
        return Math.abs(matchFromValue(total) - (1 - product)) < 1e-12;
      }),
    );
  });

  it('P(match) never falls as programs are added', () => {
    fc.assert(
      fc.property(chances(), (reach) => {
        let previous = 0;
        for (let n = 1; n <= reach.length; n++) {
          const p = matchProbabilityFromReach(reach.slice(0, n));
          if (p < previous - 1e-15 || p > 1) return false;
          previous = p;
        }
        return true;
      }),
    );
  });

  it('the interview count is a distribution whose mean below the cap matches Σ P(interview)', () => {
    fc.assert(
      fc.property(chances(200), (probabilities) => {
        const distribution = interviewDistribution(probabilities, CAP);
        const total = distribution.reduce((sum, value) => sum + value, 0);
        const expected = probabilities.reduce((sum, p) => sum + p, 0);
        // Below the cap the mean is exact; the last cell lumps "cap or more", so it can only understate.
        let mean = 0;
        distribution.forEach((value, n) => {
          mean += n * value;
        });
        const meanHolds =
          probabilities.length <= CAP ? Math.abs(mean - expected) < 1e-9 : mean <= expected + 1e-9;
        return Math.abs(total - 1) < 1e-9 && distribution.every((value) => value >= 0) && meanHolds;
      }),
    );
  });

  it('adding programs one at a time gives the distribution of the whole list', () => {
    fc.assert(
      fc.property(chances(60), (probabilities) => {
        const stepwise = emptyDistribution(CAP);
        for (const p of probabilities) addProgram(stepwise, p);
        const whole = interviewDistribution(probabilities, CAP);
        return whole.every((value, n) => Math.abs(value - (stepwise[n] as number)) < 1e-15);
      }),
    );
  });

  it('agrees with a Monte Carlo count of interviews within 4 binomial standard errors', () => {
    const random = seededRandom(17);
    const probabilities = Array.from({ length: 40 }, () => random() * 0.4);
    const distribution = interviewDistribution(probabilities, CAP);
    const runs = 20_000;
    const counts = new Array<number>(CAP + 1).fill(0);
    for (let run = 0; run < runs; run++) {
      let n = 0;
      for (const p of probabilities) if (random() < p) n++;
      const cell = Math.min(n, CAP);
      counts[cell] = (counts[cell] as number) + 1;
    }
    for (let n = 0; n <= CAP; n++) {
      const p = distribution[n] as number;
      const se = Math.sqrt((p * (1 - p)) / runs) + 1e-4;
      expect(Math.abs((counts[n] as number) / runs - p)).toBeLessThan(4 * se);
    }
  });
});
