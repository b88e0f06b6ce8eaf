import type { ApplicantType } from '../profile/applicant-profile.js';
import type { ModelParameters } from '../smartpick/model-parameters.js';
import { FITTED } from './fitted.js';
import { capacityTerms, type ReachCoefficientRow, type ReachCoefficients, WEAK_KNOT } from './offer-reach.js';
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
 *
 * Speed (issue 15 item 10: SmartPick on 5,000 programs): the Halton points through the normal quantile are the same
 * for every rule and are computed once; a rule keeps only the points that carry weight, with what each term of the
 * reach predictor reads there, so a program's expectation is four table logistics a point.
 * testing/quadrature-reference.ts is the same computation written plainly; the equivalence test holds them to the
 * same bits.
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
  /** The reach row the rule was built with: the per-point terms below hold its coefficients. */
  readonly row: ReachCoefficientRow;
  /** Points that carry weight (a point where the program screens you out adds nothing, so it is not kept). */
  readonly count: number;
  readonly weight: Float64Array;
  /** X at each point: the unknowns' contribution to L; and β_L·X, the reach row's slope in L times it. */
  readonly x: Float64Array;
  readonly betaX: Float64Array;
  /** The unknowns' contribution to the open-place predictor (offer-reach.ts). */
  readonly open: Float64Array;
  /**
   * Their own terms in the reach predictor Q (those without L). A new term of the reach model: without L, it goes
   * here (q in quadratureRule); L × an unknown needs what it reads kept below and its product in programChances.
   */
  readonly above: Float64Array;
  /** What the terms of L × an unknown read: house leaning and its square, the IMG-share effect (0 when known), S. */
  readonly house: Float64Array;
  readonly houseSquared: Float64Array;
  readonly imgEffect: Float64Array;
  readonly leaning: Float64Array;
  /** Share of interviewees programs rank. */
  readonly ranked: number;
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

/**
 * The Halton points of a rule of `points` points, the same for every applicant, pattern and prior: per point the
 * uniforms of the two discrete draws (IMG share, size) and the standard normals of the others (house leaning, how
 * the score is read, typical score, leanings). Points are offset by half a cell so none sits on 0 (whose normal
 * quantile is −∞).
 */
interface HaltonPoints {
  readonly houseZ: Float64Array;
  readonly scoreReadZ: Float64Array;
  readonly typicalZ: Float64Array;
  readonly shareU: Float64Array;
  readonly sizeU: Float64Array;
  readonly leaningZ: Float64Array;
}
const haltonPoints = new Map<number, HaltonPoints>();

function haltonPointsOf(points: number): HaltonPoints {
  let cached = haltonPoints.get(points);
  if (cached === undefined) {
    const u = (i: number, dimension: number) =>
      (halton(i + 1, HALTON_BASES[dimension] as number) + 0.5 / points) % 1;
    const normals = (dimension: number) =>
      Float64Array.from({ length: points }, (_, i) => normalQuantile(u(i, dimension)));
    cached = {
      houseZ: normals(0),
      scoreReadZ: normals(1),
      typicalZ: normals(2),
      shareU: Float64Array.from({ length: points }, (_, i) => u(i, 3)),
      sizeU: Float64Array.from({ length: points }, (_, i) => u(i, 4)),
      leaningZ: normals(5),
    };
    haltonPoints.set(points, cached);
  }
  return cached;
}

/** Every point of the rule being built, before the weightless ones are dropped (one set, reused rule after rule). */
function pointBuffers(points: number) {
  return {
    x: new Float64Array(points),
    open: new Float64Array(points),
    above: new Float64Array(points),
    house: new Float64Array(points),
    imgEffect: new Float64Array(points),
    leaning: new Float64Array(points),
    weight: new Float64Array(points),
    order: new Array<number>(points),
  };
}
let all = pointBuffers(QUADRATURE_POINTS);

/** The weighted p-quantile of `values`, along `order` (their indices by value); the screened-out mass sits at −∞. */
function weightedQuantile(
  values: Float64Array,
  weights: Float64Array,
  order: readonly number[],
  mass: number,
  p: number,
): number {
  let cumulative = 1 - mass;
  if (cumulative >= p) return Number.NEGATIVE_INFINITY;
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
  const z = haltonPointsOf(points);
  if (all.x.length < points) all = pointBuffers(points);
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
  const { x: xs, open: opens, above: aboves, house: houses, imgEffect: imgs, leaning: leanings } = all;
  const { weight: weights, order } = all;
  let mass = 0;
  let count = 0;
  for (let i = 0; i < points; i++) {
    const house = priors.houseSd * (z.houseZ[i] as number);
    const leaning = leaningSd === 0 ? 0 : leaningSd * (z.leaningZ[i] as number);
    let l = house + leaning + (otherSd === 0 ? 0 : otherSd * (z.scoreReadZ[i] as number));
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
      const typical = priors.typicalStep2Mean + priors.typicalStep2Sd * (z.typicalZ[i] as number);
      if (hasScore) l += step2Effect(applicant.score, typical, parameters);
      q += (row.typical * (typical - 240)) / 10;
      o += (openRow.typical * (typical - 240)) / 10;
    }
    if (pattern.imgShare) {
      let roll = (z.shareU[i] as number) * mixtureTotal;
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
      let roll = (z.sizeU[i] as number) * sizeTotal;
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
    xs[i] = l;
    opens[i] = o;
    aboves[i] = q;
    houses[i] = house;
    imgs[i] = imgNode;
    leanings[i] = leaning;
    weights[i] = w;
    order[i] = i;
    mass += w;
    if (w !== 0) count++;
  }
  // One order serves both ends of the range (a stable sort: equal values keep their index order).
  order.length = points;
  order.sort((i, j) => (xs[i] as number) - (xs[j] as number));
  const low = weightedQuantile(xs, weights, order, mass, parameters.interview.bandLow);
  const high = weightedQuantile(xs, weights, order, mass, parameters.interview.bandHigh);
  const rule = {
    row,
    count,
    weight: new Float64Array(count),
    x: new Float64Array(count),
    betaX: new Float64Array(count),
    open: new Float64Array(count),
    above: new Float64Array(count),
    house: new Float64Array(count),
    houseSquared: new Float64Array(count),
    imgEffect: new Float64Array(count),
    leaning: new Float64Array(count),
    ranked: reach.ranked,
    mass,
    low,
    high,
  };
  for (let i = 0, k = 0; i < points; i++) {
    if (weights[i] === 0) continue;
    const x = xs[i] as number;
    rule.weight[k] = weights[i] as number;
    rule.x[k] = x;
    rule.betaX[k] = row.logOdds * x;
    rule.open[k] = opens[i] as number;
    rule.above[k] = aboves[i] as number;
    rule.house[k] = houses[i] as number;
    rule.houseSquared[k] = (houses[i] as number) ** 2;
    rule.imgEffect[k] = imgs[i] as number;
    rule.leaning[k] = leanings[i] as number;
    k++;
  }
  return rule;
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

/** What the catalog and the applicant know at one program (interview-model.ts fills it). */
export interface KnownPart {
  /** The known part of L, without a signal. */
  readonly mu: number;
  /** The known part of the "above" predictor without β_L·L, and of the open-place predictor (offer-reach.ts). */
  readonly muQ: number;
  readonly muO: number;
  /** The program's IMG-share effect when known (0 otherwise): the reach model bends with it. */
  readonly knownImgEffect: number;
}

/** The four expectations at a program, under its rule (the reach row travels with the rule); reuses `out`. */
export function programChances(
  rule: QuadratureRule,
  known: KnownPart,
  signal: number,
  out: ProgramChances,
): ProgramChances {
  const { count, weight, x, betaX, open, above, house, houseSquared, imgEffect, leaning, ranked, row } = rule;
  const mu = known.mu;
  const muO = known.muO;
  const knownImgEffect = known.knownImgEffect;
  const qBase = known.muQ + row.logOdds * mu;
  const { logOddsSquared, logOddsHouse, logOddsImg, logOddsLeaning, logOddsHouseSquared, weakTail } = row;
  // Imports read once, outside the loop: tsx (the bench, the dev server) compiles to CommonJS, where every read of
  // an imported binding is a getter call — reading them per point made this loop twice as slow.
  const knot = WEAK_KNOT;
  const sigma = tableSigmoid;
  let interview = 0;
  let interviewSignal = 0;
  let reach = 0;
  let reachSignal = 0;
  for (let i = 0; i < count; i++) {
    const l = mu + (x[i] as number);
    const w = weight[i] as number;
    const s0 = w * sigma(l);
    const s1 = w * sigma(l + signal);
    const placeOpen = sigma(muO + (open[i] as number));
    // Summed in the reference's order (offer-reach.ts's), so the result is the same to the last bit: the optimizer
    // decides exact ties between programs by the last bit of sums, so a reordering here could move a signal.
    let z =
      qBase +
      (betaX[i] as number) +
      logOddsSquared * l * l +
      logOddsHouse * l * (house[i] as number) +
      logOddsImg * l * ((imgEffect[i] as number) + knownImgEffect) +
      logOddsLeaning * l * (leaning[i] as number) +
      logOddsHouseSquared * l * (houseSquared[i] as number);
    if (l < knot) z += weakTail * (knot - l);
    z += above[i] as number;
    const q = ranked * (placeOpen + (1 - placeOpen) * sigma(z));
    interview += s0;
    interviewSignal += s1;
    reach += s0 * q;
    reachSignal += s1 * q;
  }
  out.interview = interview;
  out.interviewSignal = interviewSignal;
  out.reach = reach;
  out.reachSignal = reachSignal;
  return out;
}

/** Rules per pattern, built on first use: one cache per recommendation (the applicant is fixed). */
export function createRuleCache(
  applicant: ApplicantScreen,
  parameters: ModelParameters,
  priors: ProgramPriors = PROGRAM_PRIORS,
  reach: ReachCoefficients = FITTED.reach,
): (pattern: UnknownPattern) => QuadratureRule {
  // Keyed without strings (this runs once per program): the six yes/no facts as bits, then the two chances.
  const byFlags: (Map<number, Map<number, QuadratureRule>> | undefined)[] = [];
  return (pattern) => {
    const flags =
      (pattern.typicalScore ? 1 : 0) |
      (pattern.imgShare ? 2 : 0) |
      (pattern.positions ? 4 : 0) |
      (pattern.leansYears ? 8 : 0) |
      (pattern.leansAttempts ? 16 : 0) |
      (pattern.leansUsce ? 32 : 0);
    let byAccepts = byFlags[flags];
    if (byAccepts === undefined) {
      byAccepts = new Map();
      byFlags[flags] = byAccepts;
    }
    // Chances are in [0, 1]; −1 stands for "from the share prior" (null).
    const accepts = pattern.acceptsImgsChance ?? -1;
    let bySponsors = byAccepts.get(accepts);
    if (bySponsors === undefined) {
      bySponsors = new Map();
      byAccepts.set(accepts, bySponsors);
    }
    let rule = bySponsors.get(pattern.sponsorsChance);
    if (rule === undefined) {
      rule = quadratureRule(applicant, pattern, parameters, priors, reach);
      bySponsors.set(pattern.sponsorsChance, rule);
    }
    return rule;
  };
}

export type { ApplicantType };
