/**
 * P(match | list) = 1 − Π_p (1 − r_p), where r_p is the chance of an interview at p whose offer reaches you
 * (model/offer-reach.ts, integrated over unknown facts by model/unknown-facts.ts). An applicant matches exactly when
 * at least one interviewed program would take them, and in the one market interviews and interview-day views are
 * independent across programs, so the product is the model's answer, not an approximation of it. It replaces an
 * assumed P(match | n interviews) curve: the conversion of interviews into a match now comes from simulated Matches.
 *
 * The number of interviews N is still shown: a Poisson-binomial of the P(interview)s, computed exactly by dynamic
 * programming up to a cap C (the last cell holds P(N ≥ C)).
 */

/** In log space: v = −ln(1 − r), so P(match) = 1 − e^(−Σ v) and values add. */
export function valueOf(reach: number): number {
  return reach >= 1 ? 50 : -Math.log1p(-reach);
}

export function matchFromValue(totalValue: number): number {
  return -Math.expm1(-totalValue);
}

/** P(match) of a list whose programs have these reach chances. */
export function matchProbabilityFromReach(reach: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < reach.length; i++) total += valueOf(reach[i] as number);
  return matchFromValue(total);
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

export interface MatchEstimate {
  /** P(match | list). */
  probability: number;
  /** E[N] = Σ P(interview), uncapped. */
  expectedInterviews: number;
  /** P(N = n) for n = 0..C−1, and P(N ≥ C) last. */
  interviewDistribution: number[];
}

/**
 * @example
 * matchProbability({ interview: [0.3, 0.2], reach: [0.15, 0.1], cap: 40 }).probability; // 1 − 0.85 × 0.9 = 0.235
 */
export function matchProbability(input: {
  interview: ArrayLike<number>;
  reach: ArrayLike<number>;
  cap: number;
}): MatchEstimate {
  let expected = 0;
  for (let i = 0; i < input.interview.length; i++) expected += input.interview[i] as number;
  return {
    probability: matchProbabilityFromReach(input.reach),
    expectedInterviews: expected,
    interviewDistribution: Array.from(interviewDistribution(input.interview, input.cap)),
  };
}
