import type { ApplicantType } from '../profile/applicant-profile.js';
import type { ModelParameters } from '../smartpick/model-parameters.js';
import { FITTED } from './fitted.js';
import { capacityTerms, type ReachCoefficients, WEAK_KNOT } from './offer-reach.js';
import { PROGRAM_PRIORS, type ProgramPriors } from './program-priors.js';
import { type ApplicantScreen, imgShareEffect, step2Effect } from './screening.js';
import { tableSigmoid } from './table-sigmoid.js';

/**
 * Uncertainty counted, not only shown. At a program the screening log-odds are L = μ + X and the reach predictor
 * (offer-reach.ts) is Q = μ_Q + β_L·L + X_Q: μ and μ_Q are what the catalog and the applicant know; X and X_Q what
 * they do not — the program's own leanings and every unknown fact, drawn from program-priors.ts, the same priors the
 * simulated Match draws from. P(interview) is the expectation E[σ(μ + X)], not σ(μ) (at low odds the two differ by
 * up to 2×), and the chance of an interview whose offer reaches you is E[σ(μ + X)·σ(Q)].
 *
 * The expectation is a fixed quadrature rule per applicant and pattern of unknown facts: N points of a Halton
 * sequence pushed through each unknown's prior (normal leanings and typical score, the IMG-share mixture, the size
 * prior), with the chance of considering IMGs and of sponsoring the needed visa as weights (a program that does
 * neither screens you out: an atom at −∞). The same points give the 10th–90th percentile range, so the point and
 * the range come from one distribution. The points do not depend on μ, so every program of a pattern reuses them.
 */
export interface UnknownPattern {
  /** The program's typical Step 2 CK is unknown. */
  readonly typicalScore: boolean;
  /** The IMG share is unknown (it moves an IMG's interview chance, and anyone's chance that a place stays open). */
  readonly imgShare: boolean;
  /** IMG applicants: chance the program considers IMGs when that fact is unknown and the share known; 1 when known to; null = from the share prior. */
  readonly acceptsImgsChance: number | null;
  /** Chance the program sponsors the visa the applicant needs when unknown; 1 when known or not needed. */
  readonly sponsorsChance: number;
  /** Positions unknown. */
  readonly positions: boolean;
  readonly leansYears: boolean;
  readonly leansAttempts: boolean;
  readonly leansUsce: boolean;
}

export interface QuadratureRule {
  /** Contribution of the unknowns to L, to the reach predictor Q (beyond β_L·L), and the point's weight. */
  readonly xL: Float64Array;
  readonly xQ: Float64Array;
  /** Contribution of the unknowns to the open-place predictor (offer-reach.ts). */
  readonly xO: Float64Array;
  /** The program's house leaning at each point (the reach model bends with it). */
  readonly xH: Float64Array;
  /** The program's IMG-share effect at each point when it is unknown (0 when known). */
  readonly xI: Float64Array;
  /** S at each point: the program's leanings that apply to the applicant (the reach model bends with it). */
  readonly xS: Float64Array;
  /** Share of interviewees programs rank. */
  readonly ranked: number;
  readonly weight: Float64Array;
  /** Σ weight: the chance of not being screened out. */
  readonly mass: number;
  /** 10th and 90th percentile of X (−Infinity when that much mass is screened out). */
  readonly low: number;
  readonly high: number;
}

/** Quadrature points per rule: the expectation's error is well under a tenth of a point of P(interview). */
export const QUADRATURE_POINTS = 256;

const HALTON_BASES = [2, 3, 5, 7, 11, 13];

function halton(index: number, base: number): number {
  let result = 0;
  let fraction = 1 / base;
  let i = index;
  while (i > 0) {
    result += fraction * (i % base);
    i = Math.floor(i / base);
    fraction /= base;
  }
  return result;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

function weightedQuantile(values: Float64Array, weights: Float64Array, mass: number, p: number): number {
  let cumulative = 1 - mass;
  if (cumulative >= p) return Number.NEGATIVE_INFINITY;
  const order = Array.from(values.keys()).sort((i, j) => (values[i] as number) - (values[j] as number));
  for (const i of order) {
    cumulative += weights[i] as number;
    if (cumulative >= p) return values[i] as number;
  }
  return values[order[order.length - 1] ?? 0] ?? 0;
}

/** The quadrature rule for one applicant and one pattern of unknown facts. */
export function quadratureRule(
  applicant: ApplicantScreen,
  pattern: UnknownPattern,
  parameters: ModelParameters,
  priors: ProgramPriors = PROGRAM_PRIORS,
  reach: ReachCoefficients = FITTED.reach,
  points = QUADRATURE_POINTS,
): QuadratureRule {
  const row = reach.above[applicant.type];
  const openRow = reach.open;
  const otherSd = applicant.scoreSd;
  // S, the sum of the leanings that apply, is one normal dimension. The open-place model reads each leaning: given
  // S, each one's expectation is its share of S's variance times S.
  const yearsVariance = pattern.leansYears ? priors.yearsLeaningSd ** 2 : 0;
  const attemptsVariance = pattern.leansAttempts ? priors.attemptsLeaningSd ** 2 : 0;
  const usceVariance = pattern.leansUsce ? priors.usceLeaningSd ** 2 : 0;
  const leaningVariance = yearsVariance + attemptsVariance + usceVariance;
  const leaningSd = Math.sqrt(leaningVariance);
  const openPerLeaning =
    leaningVariance === 0
      ? 0
      : (openRow.yearsLeaning * yearsVariance +
          openRow.attemptsLeaning * attemptsVariance +
          openRow.usceLeaning * usceVariance) /
        leaningVariance;
  const hasScore = !Number.isNaN(applicant.score);
  let mixtureTotal = 0;
  for (const piece of priors.imgShareMixture) mixtureTotal += piece.weight;
  let sizeTotal = 0;
  for (const weight of priors.sizes.weights) sizeTotal += weight;
  const xL = new Float64Array(points);
  const xQ = new Float64Array(points);
  const xO = new Float64Array(points);
  const xH = new Float64Array(points);
  const xI = new Float64Array(points);
  const xS = new Float64Array(points);
  const weight = new Float64Array(points);
  let mass = 0;
  for (let i = 0; i < points; i++) {
    // Halton points are offset by half a cell so none sits on 0 (the normal quantile of 0 is −∞).
    const u = (dimension: number) => (halton(i + 1, HALTON_BASES[dimension] as number) + 0.5 / points) % 1;
    const house = priors.houseSd * normalQuantile(u(0));
    const leaning = leaningSd === 0 ? 0 : leaningSd * normalQuantile(u(5));
    let l = house + leaning + (otherSd === 0 ? 0 : otherSd * normalQuantile(u(1)));
    let q =
      row.house * house +
      row.houseSquared * house * house +
      row.leaning * leaning +
      row.leaningSquared * leaning ** 2 +
      row.houseLeaning * house * leaning;
    let o = openRow.house * house + openRow.houseSquared * house * house + openPerLeaning * leaning;
    let w = 1 / points;
    let imgNode = 0;
    if (pattern.typicalScore) {
      const typical = priors.typicalStep2Mean + priors.typicalStep2Sd * normalQuantile(u(2));
      if (hasScore) l += step2Effect(applicant.score, typical, parameters);
      q += (row.typical * (typical - 240)) / 10;
      o += (openRow.typical * (typical - 240)) / 10;
    }
    if (pattern.imgShare) {
      let roll = u(3) * mixtureTotal;
      let share = 0;
      for (const piece of priors.imgShareMixture) {
        if (roll < piece.weight) {
          share = piece.low + (roll / piece.weight) * (piece.high - piece.low);
          break;
        }
        roll -= piece.weight;
      }
      const effect = imgShareEffect(share, parameters);
      o += openRow.imgEffect * effect + openRow.imgSquared * effect * effect;
      q += row.imgEffect * effect + row.imgSquared * effect * effect;
      imgNode = effect;
      if (applicant.isImg) {
        l += effect;
        const accepts =
          pattern.acceptsImgsChance !== null
            ? pattern.acceptsImgsChance
            : share < priors.noImgsWhenShareBelow
              ? 1 - priors.noImgsChance
              : 1;
        w *= accepts;
      }
    } else if (applicant.isImg && pattern.acceptsImgsChance !== null) {
      w *= pattern.acceptsImgsChance;
    }
    if (pattern.positions) {
      let roll = u(4) * sizeTotal;
      let size = priors.sizes.values[priors.sizes.values.length - 1] ?? 6;
      for (let k = 0; k < priors.sizes.values.length; k++) {
        roll -= priors.sizes.weights[k] ?? 0;
        if (roll < 0) {
          size = priors.sizes.values[k] ?? size;
          break;
        }
      }
      q += capacityTerms(size, row);
      o += capacityTerms(size, openRow);
    }
    if (pattern.sponsorsChance < 1) {
      w *= pattern.sponsorsChance;
      l += parameters.interview.visa.sponsorshipKnown;
    }
    xL[i] = l;
    xQ[i] = q;
    xO[i] = o;
    xH[i] = house;
    xI[i] = imgNode;
    xS[i] = leaning;
    weight[i] = w;
    mass += w;
  }
  return {
    xL,
    xQ,
    xO,
    xH,
    xI,
    xS,
    ranked: reach.ranked,
    weight,
    mass,
    low: weightedQuantile(xL, weight, mass, parameters.interview.bandLow),
    high: weightedQuantile(xL, weight, mass, parameters.interview.bandHigh),
  };
}

/** Expectations at one program. */
export interface ProgramChances {
  /** E[σ(L)], without and with a signal. */
  interview: number;
  interviewSignal: number;
  /** E[σ(L)·q]: an interview whose offer reaches you, without and with a signal. */
  reach: number;
  reachSignal: number;
}

/**
 * `mu` is the known part of L without a signal; `muQ` the known part of the "above" predictor without β_L·L, and
 * `muO` the known part of the open-place predictor (offer-reach.ts: intercepts and the known typical score, IMG-share
 * effect and size).
 */
export function programChances(
  rule: QuadratureRule,
  mu: number,
  muQ: number,
  muO: number,
  signal: number,
  betaL: number,
  betaL2: number,
  betaLH: number,
  betaLI: number,
  betaLS: number,
  /** Per unit of L × house leaning², and of the weak tail max(0, WEAK_KNOT − L) (offer-reach.ts). */
  betaLHH: number,
  betaTail: number,
  /** The program's IMG-share effect when known (0 otherwise): the reach model bends with it. */
  knownImgEffect: number,
  out: ProgramChances,
): ProgramChances {
  let interview = 0;
  let interviewSignal = 0;
  let reach = 0;
  let reachSignal = 0;
  const { xL, xQ, xO, xH, xI, xS, weight, ranked } = rule;
  const qBase = muQ + betaL * mu;
  for (let i = 0; i < xL.length; i++) {
    const w = weight[i] as number;
    if (w === 0) continue;
    const x = xL[i] as number;
    const l = mu + x;
    const s0 = tableSigmoid(l);
    const s1 = tableSigmoid(l + signal);
    const open = tableSigmoid(muO + (xO[i] as number));
    const above = tableSigmoid(
      qBase +
        betaL * x +
        betaL2 * l * l +
        betaLH * l * (xH[i] as number) +
        betaLI * l * ((xI[i] as number) + knownImgEffect) +
        betaLS * l * (xS[i] as number) +
        betaLHH * l * (xH[i] as number) ** 2 +
        (l < WEAK_KNOT ? betaTail * (WEAK_KNOT - l) : 0) +
        (xQ[i] as number),
    );
    const q = ranked * (open + (1 - open) * above);
    interview += w * s0;
    interviewSignal += w * s1;
    reach += w * s0 * q;
    reachSignal += w * s1 * q;
  }
  out.interview = interview;
  out.interviewSignal = interviewSignal;
  out.reach = reach;
  out.reachSignal = reachSignal;
  return out;
}

export function patternKey(pattern: UnknownPattern): string {
  return [
    pattern.typicalScore ? 1 : 0,
    pattern.imgShare ? 1 : 0,
    pattern.acceptsImgsChance ?? 'p',
    pattern.sponsorsChance,
    pattern.positions ? 1 : 0,
    pattern.leansYears ? 1 : 0,
    pattern.leansAttempts ? 1 : 0,
    pattern.leansUsce ? 1 : 0,
  ].join('|');
}

/** Rules per pattern, built on first use: one cache per recommendation (the applicant is fixed). */
export function createRuleCache(
  applicant: ApplicantScreen,
  parameters: ModelParameters,
  priors: ProgramPriors = PROGRAM_PRIORS,
  reach: ReachCoefficients = FITTED.reach,
): (pattern: UnknownPattern) => QuadratureRule {
  const cache = new Map<string, QuadratureRule>();
  return (pattern) => {
    const key = patternKey(pattern);
    let rule = cache.get(key);
    if (rule === undefined) {
      rule = quadratureRule(applicant, pattern, parameters, priors, reach);
      cache.set(key, rule);
    }
    return rule;
  };
}

export type { ApplicantType };
