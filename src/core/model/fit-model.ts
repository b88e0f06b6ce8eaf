import { seededRandom } from '../catalog/seeded-random.js';
import { NO_PROGRAM } from '../match/compiled-market.js';
import {
  createInterviewRecord,
  createMarketWorkspace,
  generateMarket,
  type InterviewRecord,
} from '../match/market-model/generate-market.js';
import { type MarketParameters, marketForYear } from '../match/market-model/parameters.js';
import { runSeed } from '../match/market-model/random.js';
import { solveMatch } from '../match/solve-match.js';
import type { ApplicantType } from '../profile/applicant-profile.js';
import { logit } from '../smartpick/probability.js';
import type { MatchYearFigures } from './fm-figures.js';
import { type ReachCoefficientRow, type ReachCoefficients, WEAK_KNOT } from './offer-reach.js';
import { GROUP_COUNT, GROUP_TYPE, POPULATION_GROUPS, type PopulationGroup } from './population.js';
import { LEANS_ATTEMPTS, LEANS_USCE, LEANS_YEARS } from './screening.js';

/**
 * Fitting the one model to a published year, by simulated Matches (pure; `npm run model:fit` writes the result
 * to fitted.ts and a test refits and compares):
 * 1. Interview intercepts, one per applicant type, so the simulated Match fills positions by group as published.
 *    Each round runs the same seeded markets (common random numbers) and moves each intercept by the log-odds gap
 *    between the published and simulated match rate of its group.
 * 2. The reach table q(L) (offer-reach.ts), read off simulated Matches with the fitted intercepts.
 */
/** As the simulator solves (monte-carlo.ts): 20 rounds, no other processing orders. */
const SOLVE_OPTIONS = { maxRounds: 20, retries: 0 } as const;

export interface MarketOutcome {
  /** Matched per group, averaged over markets. */
  readonly matchedByGroup: number[];
  readonly applicantsByGroup: number[];
  readonly positions: number;
  readonly matched: number;
}

function marketSeed(seed: number, index: number): number {
  return runSeed(seed, index);
}

/** Averages of simulated Matches: who matched, by group. */
export function simulateOutcome(parameters: MarketParameters, seed: number, markets: number): MarketOutcome {
  const matchedByGroup = new Array<number>(GROUP_COUNT).fill(0);
  const applicantsByGroup = new Array<number>(GROUP_COUNT).fill(0);
  let positions = 0;
  let matched = 0;
  const workspace = createMarketWorkspace();
  for (let m = 0; m < markets; m++) {
    const generated = generateMarket({ random: seededRandom(marketSeed(seed, m)), parameters, workspace });
    const result = solveMatch(generated.market, SOLVE_OPTIONS);
    for (let a = 0; a < generated.market.applicantCount; a++) {
      const group = generated.applicantTypes[a] as number;
      applicantsByGroup[group] = (applicantsByGroup[group] as number) + 1 / markets;
      if (result.assignment[a] !== NO_PROGRAM) {
        matchedByGroup[group] = (matchedByGroup[group] as number) + 1 / markets;
        matched += 1 / markets;
      }
    }
    for (let p = 0; p < generated.market.programCount; p++)
      positions += (generated.market.capacity[p] as number) / markets;
  }
  return { matchedByGroup, applicantsByGroup, positions, matched };
}

export interface InterceptFit {
  readonly intercept: Record<ApplicantType, number>;
  readonly outcome: MarketOutcome;
  readonly rounds: number;
}

const FITTED_TYPES = ['us-md', 'us-do', 'us-img', 'non-us-img'] as const;

export function fitIntercepts(input: {
  figures: MatchYearFigures;
  start: Readonly<Record<ApplicantType, number>>;
  seed: number;
  markets: number;
  rounds: number;
}): InterceptFit {
  const intercept: Record<ApplicantType, number> = { ...input.start };
  let outcome = simulateOutcome(marketForYear(input.figures, intercept), input.seed, input.markets);
  let rounds = 0;
  for (let round = 0; round < input.rounds; round++) {
    rounds++;
    FITTED_TYPES.forEach((type, g) => {
      const applicants = outcome.applicantsByGroup[g] as number;
      const target = Math.min(0.99, (input.figures.filledByGroup[g] as number) / applicants);
      const simulated = Math.min(0.99, Math.max(0.01, (outcome.matchedByGroup[g] as number) / applicants));
      // The match rate moves less than one for one with the intercept: a damped step of 0.8× the gap settles without see-sawing between groups that compete for the same places.
      intercept[type] += 0.8 * (logit(target) - logit(simulated));
    });
    outcome = simulateOutcome(marketForYear(input.figures, intercept), input.seed, input.markets);
  }
  for (const type of FITTED_TYPES) intercept[type] = Math.round(intercept[type] * 1000) / 1000;
  return { intercept, outcome, rounds };
}

/**
 * Rows for the two parts of the reach model (offer-reach.ts), from one solved market:
 * - one row per program: did it end with a place open? features: house leaning and its square, IMG-share effect and
 *   its square, typical score, size and its logarithm, and its three trait leanings;
 * - one row per ranked interview of a single at a full program: was the applicant at or above the last matched
 *   rank? features per applicant type: L, L², L × house leaning, house leaning², L × IMG-share effect and its square,
 *   house leaning, IMG-share effect, typical score, size and its logarithm, and S (the program's leanings that apply to the
 *   applicant), S², L × S, house leaning × S, L × house leaning², and the weak tail max(0, WEAK_KNOT − L).
 */
function collectReach(
  record: InterviewRecord,
  generated: ReturnType<typeof generateMarket>,
  assignment: Int32Array,
  open: Rows,
  above: Rows,
  ranked: { ranked: number; total: number },
): void {
  const market = generated.market;
  const { programRolOffsets, programRol, capacity } = market;
  const { typical, imgEffect, house, yearsLeaning, attemptsLeaning, usceLeaning } = generated.programTruth;
  const flags = generated.applicantFlags;
  const worst = new Int32Array(market.programCount).fill(-1);
  const filled = new Int32Array(market.programCount);
  const pairPosition = new Map<number, number>();
  for (let p = 0; p < market.programCount; p++) {
    const start = programRolOffsets[p] as number;
    for (let i = start; i < (programRolOffsets[p + 1] as number); i++) {
      const a = programRol[i] as number;
      pairPosition.set(a * market.programCount + p, i - start);
      if (assignment[a] === p) {
        filled[p] = (filled[p] as number) + 1;
        worst[p] = i - start;
      }
    }
  }
  for (let p = 0; p < market.programCount; p++) {
    pushRow(
      open,
      0,
      [
        house[p] as number,
        (house[p] as number) ** 2,
        imgEffect[p] as number,
        (imgEffect[p] as number) ** 2,
        ((typical[p] as number) - 240) / 10,
        (capacity[p] as number) / 6,
        Math.log((capacity[p] as number) / 6),
        yearsLeaning[p] as number,
        attemptsLeaning[p] as number,
        usceLeaning[p] as number,
      ],
      (filled[p] as number) < (capacity[p] as number) ? 1 : 0,
    );
  }
  for (let r = 0; r < record.count; r++) {
    const a = record.applicant[r] as number;
    if ((generated.partner[a] as number) >= 0) continue;
    ranked.total++;
    if (record.ranked[r] !== 1) continue;
    ranked.ranked++;
    const p = record.program[r] as number;
    if ((filled[p] as number) < (capacity[p] as number)) continue;
    const at = pairPosition.get(a * market.programCount + p);
    if (at === undefined) continue;
    const group = generated.applicantTypes[a] as number;
    const type = GROUP_TYPE[POPULATION_GROUPS[group] as PopulationGroup];
    const l = record.logOdds[r] as number;
    const f = flags[a] as number;
    const s =
      ((f & LEANS_YEARS) !== 0 ? (yearsLeaning[p] as number) : 0) +
      ((f & LEANS_ATTEMPTS) !== 0 ? (attemptsLeaning[p] as number) : 0) +
      ((f & LEANS_USCE) !== 0 ? (usceLeaning[p] as number) : 0);
    pushRow(
      above,
      TYPE_INDEX[type],
      [
        l,
        l * l,
        l * (house[p] as number),
        (house[p] as number) ** 2,
        l * (imgEffect[p] as number),
        (imgEffect[p] as number) ** 2,
        house[p] as number,
        imgEffect[p] as number,
        ((typical[p] as number) - 240) / 10,
        (capacity[p] as number) / 6,
        Math.log((capacity[p] as number) / 6),
        s,
        s * s,
        l * s,
        (house[p] as number) * s,
        l * (house[p] as number) ** 2,
        Math.max(0, WEAK_KNOT - l),
      ],
      at <= (worst[p] as number) ? 1 : 0,
    );
  }
}

const TYPE_INDEX: Record<ApplicantType, number> = { 'us-md': 0, 'us-do': 1, 'us-img': 2, 'non-us-img': 3 };

interface Rows {
  readonly features: number;
  count: number;
  group: Uint8Array;
  x: Float64Array;
  y: Uint8Array;
}

function createRows(features: number): Rows {
  return { features, count: 0, group: new Uint8Array(0), x: new Float64Array(0), y: new Uint8Array(0) };
}

function pushRow(rows: Rows, group: number, features: readonly number[], y: number): void {
  const f = rows.features;
  if (rows.count === rows.group.length) {
    const size = Math.max(4096, rows.count * 2);
    const g = new Uint8Array(size);
    g.set(rows.group);
    const x = new Float64Array(size * f);
    x.set(rows.x);
    const yy = new Uint8Array(size);
    yy.set(rows.y);
    rows.group = g;
    rows.x = x;
    rows.y = yy;
  }
  rows.group[rows.count] = group;
  for (let k = 0; k < f; k++) rows.x[rows.count * f + k] = features[k] as number;
  rows.y[rows.count] = y;
  rows.count++;
}

/** Solves the small dense system A·x = b (Gaussian elimination with partial pivoting). */
function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let i = 0; i < n; i++) {
    let pivot = i;
    for (let r = i + 1; r < n; r++) if (Math.abs(a[r]?.[i] ?? 0) > Math.abs(a[pivot]?.[i] ?? 0)) pivot = r;
    [a[i], a[pivot]] = [a[pivot] as number[], a[i] as number[]];
    [b[i], b[pivot]] = [b[pivot] as number, b[i] as number];
    const row = a[i] as number[];
    for (let r = 0; r < n; r++) {
      if (r === i) continue;
      const other = a[r] as number[];
      const factor = (other[i] as number) / (row[i] as number);
      if (factor === 0) continue;
      for (let c = i; c < n; c++) other[c] = (other[c] as number) - factor * (row[c] as number);
      b[r] = (b[r] as number) - factor * (b[i] as number);
    }
  }
  return b.map((value, i) => value / ((a[i] as number[])[i] as number));
}

/**
 * Logistic regression by Newton's method on the rows of one group: [intercept, ...features]. A feature whose column
 * is all zero in the group (the IMG-share effect for U.S. graduates) is left out and gets 0.
 */
export function fitLogistic(rows: Rows, group: number): number[] {
  const f = rows.features;
  const used: number[] = [0];
  for (let k = 0; k < f; k++) {
    for (let r = 0; r < rows.count; r++) {
      if (rows.group[r] === group && rows.x[r * f + k] !== 0) {
        used.push(k + 1);
        break;
      }
    }
  }
  const m = used.length;
  let w = new Array<number>(m).fill(0);
  const x = new Float64Array(f + 1);
  for (let iteration = 0; iteration < 30; iteration++) {
    const hessian = Array.from({ length: m }, () => new Array<number>(m).fill(0));
    const gradient = new Array<number>(m).fill(0);
    for (let r = 0; r < rows.count; r++) {
      if (rows.group[r] !== group) continue;
      x[0] = 1;
      for (let k = 0; k < f; k++) x[k + 1] = rows.x[r * f + k] as number;
      let z = 0;
      for (let i = 0; i < m; i++) z += (w[i] as number) * (x[used[i] as number] as number);
      const p = 1 / (1 + Math.exp(-z));
      const d = p * (1 - p);
      const residual = (rows.y[r] as number) - p;
      for (let i = 0; i < m; i++) {
        const xi = x[used[i] as number] as number;
        gradient[i] = (gradient[i] as number) + residual * xi;
        const h = hessian[i] as number[];
        for (let j = 0; j <= i; j++) h[j] = (h[j] as number) + d * xi * (x[used[j] as number] as number);
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) (hessian[i] as number[])[j] = (hessian[j] as number[])[i] as number;
    }
    const step = solveLinear(hessian, gradient);
    w = w.map((value, i) => value + (step[i] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  const full = new Array<number>(f + 1).fill(0);
  used.forEach((column, i) => {
    full[column] = w[i] as number;
  });
  return full;
}

export interface ReachFit {
  readonly coefficients: ReachCoefficients;
  /** Rows behind each part (the card reports them). */
  readonly programs: number;
  readonly rankedInterviews: Record<ApplicantType, number>;
}

const round = (value: number) => Math.round(value * 10000) / 10000;

export function fitReach(input: { parameters: MarketParameters; seed: number; markets: number }): ReachFit {
  const open = createRows(10);
  const above = createRows(17);
  const ranked = { ranked: 0, total: 0 };
  const workspace = createMarketWorkspace();
  for (let m = 0; m < input.markets; m++) {
    const record = createInterviewRecord();
    const generated = generateMarket({
      random: seededRandom(marketSeed(input.seed + 1, m)),
      parameters: input.parameters,
      workspace,
      record,
    });
    const result = solveMatch(generated.market, SOLVE_OPTIONS);
    collectReach(record, generated, result.assignment, open, above, ranked);
  }
  const [oi, oh, oh2, og, og2, ot, oc, ocl, oy, oa, ou] = fitLogistic(open, 0).map(round);
  const above4 = {} as Record<ApplicantType, ReachCoefficientRow>;
  const rankedInterviews = {} as Record<ApplicantType, number>;
  for (const type of FITTED_TYPES) {
    const [
      intercept,
      logOdds,
      logOddsSquared,
      logOddsHouse,
      houseSquared,
      logOddsImg,
      imgSquared,
      house,
      imgEffect,
      typical,
      capacity,
      logCapacity,
      leaning,
      leaningSquared,
      logOddsLeaning,
      houseLeaning,
      logOddsHouseSquared,
      weakTail,
    ] = fitLogistic(above, TYPE_INDEX[type]).map(round);
    above4[type] = {
      intercept: intercept ?? 0,
      logOdds: logOdds ?? 0,
      logOddsSquared: logOddsSquared ?? 0,
      logOddsHouse: logOddsHouse ?? 0,
      houseSquared: houseSquared ?? 0,
      logOddsImg: logOddsImg ?? 0,
      imgSquared: imgSquared ?? 0,
      house: house ?? 0,
      imgEffect: imgEffect ?? 0,
      typical: typical ?? 0,
      capacity: capacity ?? 0,
      logCapacity: logCapacity ?? 0,
      leaning: leaning ?? 0,
      leaningSquared: leaningSquared ?? 0,
      logOddsLeaning: logOddsLeaning ?? 0,
      houseLeaning: houseLeaning ?? 0,
      logOddsHouseSquared: logOddsHouseSquared ?? 0,
      weakTail: weakTail ?? 0,
    };
    let n = 0;
    for (let r = 0; r < above.count; r++) if (above.group[r] === TYPE_INDEX[type]) n++;
    rankedInterviews[type] = n;
  }
  return {
    coefficients: {
      ranked: round(ranked.ranked / Math.max(1, ranked.total)),
      open: {
        intercept: oi ?? 0,
        house: oh ?? 0,
        houseSquared: oh2 ?? 0,
        imgEffect: og ?? 0,
        imgSquared: og2 ?? 0,
        typical: ot ?? 0,
        capacity: oc ?? 0,
        logCapacity: ocl ?? 0,
        yearsLeaning: oy ?? 0,
        attemptsLeaning: oa ?? 0,
        usceLeaning: ou ?? 0,
      },
      above: above4,
    },
    programs: open.count,
    rankedInterviews,
  };
}

/** The fit `npm run model:fit` runs: fixed seeds and sizes, so the result repeats on every machine. */
export const FIT_SETTINGS = { seed: 20240315, interceptMarkets: 4, rounds: 10, reachMarkets: 24 } as const;

export function fitModel(
  figures: MatchYearFigures,
  start: Readonly<Record<ApplicantType, number>>,
  settings: { seed: number; interceptMarkets: number; rounds: number; reachMarkets: number } = FIT_SETTINGS,
): { intercepts: InterceptFit; reach: ReachFit } {
  const intercepts = fitIntercepts({
    figures,
    start,
    seed: settings.seed,
    markets: settings.interceptMarkets,
    rounds: settings.rounds,
  });
  const reach = fitReach({
    parameters: marketForYear(figures, intercepts.intercept),
    seed: settings.seed,
    markets: settings.reachMarkets,
  });
  return { intercepts, reach };
}
