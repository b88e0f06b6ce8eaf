import type { ApplicantType } from '../profile/applicant-profile.js';
import { DEFAULT_PARAMETERS, type ModelParameters } from './model-parameters.js';

/**
 * P(match | list) = Σ_n P(N = n) · P(match | n interviews, applicant type).
 *
 * N, the number of interview offers, is the sum of independent Bernoulli(p_i) over the programs on the list: a
 * Poisson-binomial. Its distribution is computed exactly by dynamic programming over a Float64Array of length C + 1,
 * where C = parameters.match.maxInterviews and the last cell holds P(N ≥ C) (the match curve is flat from C on, so
 * this is exact for the model, not an approximation). Adding a program is O(C); a list of K programs is O(K·C).
 */

/** P(match | n interviews) for n = 0..C. */
export function matchCurve(
  applicantType: ApplicantType,
  parameters: ModelParameters = DEFAULT_PARAMETERS,
): Float64Array {
  const cap = parameters.match.maxInterviews;
  const { perInterview, ceiling } = parameters.match.curve[applicantType];
  const curve = new Float64Array(cap + 1);
  for (let n = 0; n <= cap; n++) curve[n] = ceiling * (1 - (1 - perInterview) ** n);
  return curve;
}

/** m(n+1) − m(n) for n = 0..C (0 at C: the curve is flat from C on). */
export function curveIncrements(curve: Float64Array): Float64Array {
  const cap = curve.length - 1;
  const increments = new Float64Array(cap + 1);
  for (let n = 0; n < cap; n++) increments[n] = (curve[n + 1] as number) - (curve[n] as number);
  return increments;
}

/** The distribution of an empty list: no interviews for sure. */
export function emptyDistribution(cap: number): Float64Array {
  const distribution = new Float64Array(cap + 1);
  distribution[0] = 1;
  return distribution;
}

/** Adds one program with interview chance p to the distribution, in place. O(C). */
export function addProgram(distribution: Float64Array, p: number): void {
  const cap = distribution.length - 1;
  if (cap === 0) return;
  const q = 1 - p;
  distribution[cap] = (distribution[cap] as number) + p * (distribution[cap - 1] as number);
  for (let n = cap - 1; n >= 1; n--) {
    distribution[n] = q * (distribution[n] as number) + p * (distribution[n - 1] as number);
  }
  distribution[0] = q * (distribution[0] as number);
}

/** Exact distribution of the interview count (last cell = "C or more") for a list of interview chances. */
export function interviewDistribution(probabilities: ArrayLike<number>, cap: number): Float64Array {
  const distribution = emptyDistribution(cap);
  for (let i = 0; i < probabilities.length; i++) addProgram(distribution, probabilities[i] as number);
  return distribution;
}

/** Σ_n P(N = n) · m(n). */
export function matchProbabilityOf(distribution: Float64Array, curve: Float64Array): number {
  let sum = 0;
  for (let n = 0; n < distribution.length; n++) sum += (distribution[n] as number) * (curve[n] as number);
  return sum;
}

/**
 * What one more interview is worth now: G = Σ_n P(N = n) · (m(n+1) − m(n)). Adding a program with chance p raises
 * P(match) by exactly p · G, so every candidate's marginal gain is proportional to its own p.
 */
export function gainPerInterview(distribution: Float64Array, increments: Float64Array): number {
  let sum = 0;
  for (let n = 0; n < distribution.length; n++)
    sum += (distribution[n] as number) * (increments[n] as number);
  return sum;
}

/** Exact rise in P(match) from adding a program with chance p. O(C), no allocation. */
export function marginalGain(distribution: Float64Array, p: number, increments: Float64Array): number {
  return p * gainPerInterview(distribution, increments);
}

/** Distribution of A + B capped at C, for two independent capped counts. O(C²). */
export function convolveCapped(a: Float64Array, b: Float64Array, out: Float64Array): Float64Array {
  const cap = out.length - 1;
  out.fill(0);
  for (let i = 0; i <= cap; i++) {
    const ai = a[i] as number;
    if (ai === 0) continue;
    for (let j = 0; j <= cap; j++) {
      const k = i + j < cap ? i + j : cap;
      out[k] = (out[k] as number) + ai * (b[j] as number);
    }
  }
  return out;
}

export interface MatchEstimate {
  /** P(match | list). */
  probability: number;
  /** E[N] = Σ p_i, uncapped. */
  expectedInterviews: number;
  /** P(N = n) for n = 0..C−1, and P(N ≥ C) last. */
  interviewDistribution: number[];
}

/**
 * @example
 * matchProbability({ probabilities: [0.3, 0.2, 0.1], applicantType: 'us-img' }).probability; // ≈ 0.053
 */
export function matchProbability(input: {
  probabilities: ArrayLike<number>;
  applicantType: ApplicantType;
  parameters?: ModelParameters;
}): MatchEstimate {
  const parameters = input.parameters ?? DEFAULT_PARAMETERS;
  const curve = matchCurve(input.applicantType, parameters);
  const distribution = interviewDistribution(input.probabilities, parameters.match.maxInterviews);
  let expected = 0;
  for (let i = 0; i < input.probabilities.length; i++) expected += input.probabilities[i] as number;
  return {
    probability: matchProbabilityOf(distribution, curve),
    expectedInterviews: expected,
    interviewDistribution: Array.from(distribution),
  };
}
