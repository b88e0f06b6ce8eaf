import type { ModelParameters } from '../../smartpick/model-parameters.js';
import { type ReachCoefficientRow, type ReachCoefficients, WEAK_KNOT } from '../offer-reach.js';
import type { ProgramPriors } from '../program-priors.js';
import { type ApplicantScreen, imgShareEffect, step2Effect } from '../screening.js';
import { tableSigmoid } from '../table-sigmoid.js';
import { normalQuantile, type ProgramChances, type UnknownPattern } from '../unknown-facts.js';

/**
 * The quadrature over unknown facts written the plain way: every point of the rule kept, every term of the reach
 * predictor summed at every point in the order offer-reach.ts lists them. unknown-facts.ts computes the same thing
 * fast (shared Halton tables, zero-weight points dropped, the μ-free part of each point precomputed);
 * unknown-facts.equivalence.test.ts holds the two together. Tests only: not part of the build.
 */
export interface ReferenceRule {
  readonly xL: Float64Array;
  readonly xQ: Float64Array;
  readonly xO: Float64Array;
  readonly xH: Float64Array;
  readonly xI: Float64Array;
  readonly xS: Float64Array;
  readonly weight: Float64Array;
  readonly ranked: number;
  readonly mass: number;
  readonly low: number;
  readonly high: number;
}

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

export function referenceRule(
  applicant: ApplicantScreen,
  pattern: UnknownPattern,
  parameters: ModelParameters,
  priors: ProgramPriors,
  reach: ReachCoefficients,
  points: number,
): ReferenceRule {
  const row = reach.above[applicant.type];
  const openRow = reach.open;
  const otherSd = applicant.scoreSd;
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
      q += row.capacity * (size / 6) + row.logCapacity * Math.log(size / 6);
      o += openRow.capacity * (size / 6) + openRow.logCapacity * Math.log(size / 6);
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

/** The four expectations at one program: μ, μ_Q, μ_O and the known IMG effect as in unknown-facts.ts. */
export function referenceChances(
  rule: ReferenceRule,
  row: ReachCoefficientRow,
  known: { mu: number; muQ: number; muO: number; knownImgEffect: number },
  signal: number,
): ProgramChances {
  let interview = 0;
  let interviewSignal = 0;
  let reach = 0;
  let reachSignal = 0;
  const { mu, muQ, muO, knownImgEffect } = known;
  const { xL, xQ, xO, xH, xI, xS, weight, ranked } = rule;
  const qBase = muQ + row.logOdds * mu;
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
        row.logOdds * x +
        row.logOddsSquared * l * l +
        row.logOddsHouse * l * (xH[i] as number) +
        row.logOddsImg * l * ((xI[i] as number) + knownImgEffect) +
        row.logOddsLeaning * l * (xS[i] as number) +
        row.logOddsHouseSquared * l * (xH[i] as number) ** 2 +
        (l < WEAK_KNOT ? row.weakTail * (WEAK_KNOT - l) : 0) +
        (xQ[i] as number),
    );
    const q = ranked * (open + (1 - open) * above);
    interview += w * s0;
    interviewSignal += w * s1;
    reach += w * s0 * q;
    reachSignal += w * s1 * q;
  }
  return { interview, interviewSignal, reach, reachSignal };
}
