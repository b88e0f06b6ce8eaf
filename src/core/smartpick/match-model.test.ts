import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addProgram,
  convolveCapped,
  curveIncrements,
  emptyDistribution,
  interviewDistribution,
  marginalGain,
  matchCurve,
  matchProbability,
  matchProbabilityOf,
} from './match-model.js';
import { DEFAULT_PARAMETERS } from './model-parameters.js';
import { seededRandom } from './synthetic-market.js';

const CAP = DEFAULT_PARAMETERS.match.maxInterviews;
const chances = (maxLength = 80) => fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength });
const types = fc.constantFrom('us-md' as const, 'us-do' as const, 'us-img' as const, 'non-us-img' as const);

describe('P(match | list) for a US IMG applying to three programs with interview chances 30%, 20% and 10%', () => {
  it('is the exact sum over interview counts, worked by hand', () => {
    const { perInterview: h, ceiling } = DEFAULT_PARAMETERS.match.curve['us-img'];
    const m = (n: number) => ceiling * (1 - (1 - h) ** n);
    const one = 0.3 * 0.8 * 0.9 + 0.7 * 0.2 * 0.9 + 0.7 * 0.8 * 0.1;
    const two = 0.3 * 0.2 * 0.9 + 0.3 * 0.8 * 0.1 + 0.7 * 0.2 * 0.1;
    const three = 0.3 * 0.2 * 0.1;
    const estimate = matchProbability({ probabilities: [0.3, 0.2, 0.1], applicantType: 'us-img' });
    expect(estimate.probability).toBeCloseTo(one * m(1) + two * m(2) + three * m(3), 12);
    expect(estimate.expectedInterviews).toBeCloseTo(0.6, 12);
    expect(estimate.interviewDistribution[0]).toBeCloseTo(0.7 * 0.8 * 0.9, 12);
  });

  it('the curve rises from 0 with each interview and flattens at the cap', () => {
    const curve = matchCurve('us-img');
    expect(curve[0]).toBe(0);
    for (let n = 1; n <= CAP; n++) expect(curve[n]).toBeGreaterThan(curve[n - 1] as number);
    expect(curveIncrements(curve)[CAP]).toBe(0);
  });
});

describe('properties of the interview-count distribution and P(match)', () => {
  it('is a distribution (sums to 1, no negative cell) and P(match) is in [0, 1]', () => {
    fc.assert(
      fc.property(chances(200), types, (probabilities, applicantType) => {
        const distribution = interviewDistribution(probabilities, CAP);
        const total = distribution.reduce((sum, value) => sum + value, 0);
        const p = matchProbabilityOf(distribution, matchCurve(applicantType));
        return Math.abs(total - 1) < 1e-9 && distribution.every((value) => value >= 0) && p >= 0 && p <= 1;
      }),
    );
  });

  it('P(match) never falls as programs are added, and the marginal gain is exactly the rise', () => {
    fc.assert(
      fc.property(chances(), types, (probabilities, applicantType) => {
        const curve = matchCurve(applicantType);
        const increments = curveIncrements(curve);
        const distribution = emptyDistribution(CAP);
        let previous = matchProbabilityOf(distribution, curve);
        for (const p of probabilities) {
          const predicted = marginalGain(distribution, p, increments);
          addProgram(distribution, p);
          const next = matchProbabilityOf(distribution, curve);
          if (next < previous - 1e-12 || Math.abs(next - previous - predicted) > 1e-12) return false;
          previous = next;
        }
        return true;
      }),
    );
  });

  it('splitting a list in two and convolving gives the same distribution', () => {
    fc.assert(
      fc.property(chances(60), chances(60), (left, right) => {
        const whole = interviewDistribution([...left, ...right], CAP);
        const joined = convolveCapped(
          interviewDistribution(left, CAP),
          interviewDistribution(right, CAP),
          new Float64Array(CAP + 1),
        );
        return whole.every((value, n) => Math.abs(value - (joined[n] as number)) < 1e-12);
      }),
    );
  });

  it('agrees with a Monte Carlo simulation within 4 binomial standard errors on random lists', () => {
    const samples = 20_000;
    const zScores: number[] = [];
    const levels: number[] = [];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 0.6, noNaN: true }), { minLength: 3, maxLength: 120 }),
        types,
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (probabilities, applicantType, seed) => {
          const curve = matchCurve(applicantType);
          const exact = matchProbabilityOf(interviewDistribution(probabilities, CAP), curve);
          const random = seededRandom(seed);
          let matched = 0;
          for (let s = 0; s < samples; s++) {
            let interviews = 0;
            for (const p of probabilities) if (random() < p) interviews++;
            if (random() < (curve[Math.min(interviews, CAP)] as number)) matched++;
          }
          const estimate = matched / samples;
          // Each simulated applicant matches with probability exactly P(match): the count is Binomial(samples, P).
          const standardError = Math.sqrt(Math.max(exact * (1 - exact), 1e-12) / samples);
          zScores.push((estimate - exact) / standardError);
          levels.push(exact);
          return Math.abs(estimate - exact) <= 4 * standardError + 1e-9;
        },
      ),
      { numRuns: 40, seed: 20261125 },
    );
    const worst = Math.max(...zScores.map(Math.abs));
    console.log(
      `DP vs Monte Carlo: ${zScores.length} random lists, ${samples} simulated applicants each, P(match) from ${(Math.min(...levels) * 100).toFixed(1)}% to ${(Math.max(...levels) * 100).toFixed(1)}%; largest |gap| = ${worst.toFixed(2)} SE (tolerance 4 SE)`,
    );
  });
});
