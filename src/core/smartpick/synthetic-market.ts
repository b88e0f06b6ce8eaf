import type { Program, ProgramFacts, ProgramType } from '../catalog/program.js';
import { divisionOf, STATE_CODES } from '../geo/census.js';
import { PROGRAM_PRIORS } from '../model/program-priors.js';
import { DEFAULT_PARAMETERS } from './model-parameters.js';

/**
 * A seeded synthetic family medicine catalog for tests and the benchmark. Not a catalog anyone should read as real:
 * every program is marked synthetic. Facts are drawn from the model's program priors (model/program-priors.ts);
 * which programs state rules, and which values, are SYNTHETIC_RULES (assumptions for test data only).
 */
const SYNTHETIC_RULES = {
  seed: 5231,
  minStep2Stated: 0.4,
  maxYearsStated: 0.4,
  maxYearsValues: [3, 5, 7, 10],
  maxAttemptsStated: 0.3,
  minUsceStated: 0.3,
  minUsceValues: [0, 2, 3, 6],
  rural: 0.15,
} as const;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, weight] of items) total += weight;
  let roll = random() * total;
  for (const [value, weight] of items) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

/** Standard normal by Box–Muller. */
export function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Rough weights so big states hold more programs (ASSUMPTION for synthetic data only). */
const STATE_WEIGHTS: Readonly<Record<string, number>> = {
  CA: 10,
  TX: 8,
  NY: 7,
  FL: 6,
  PA: 6,
  IL: 5,
  OH: 5,
  MI: 5,
  NC: 4,
  GA: 4,
  WA: 3,
  VA: 3,
  NJ: 3,
  TN: 3,
  MO: 3,
  IN: 3,
  WI: 3,
  MN: 3,
  CO: 3,
  AZ: 3,
  MA: 3,
  SC: 2,
  AL: 2,
  KY: 2,
  LA: 2,
  OK: 2,
  OR: 2,
  IA: 2,
  KS: 2,
  AR: 2,
  MS: 2,
  CT: 2,
  UT: 1,
  NV: 1,
  NM: 1,
  NE: 1,
  WV: 1,
  ID: 1,
  ME: 1,
  NH: 1,
  HI: 1,
  RI: 1,
  MT: 1,
  DE: 1,
  SD: 1,
  ND: 1,
  AK: 1,
  VT: 1,
  WY: 1,
  DC: 1,
  MD: 2,
  PR: 1,
};
export const SYNTHETIC_STATES: readonly (readonly [string, number])[] = STATE_CODES.map(
  (code) => [code, STATE_WEIGHTS[code] ?? 1] as const,
);

const POSITIONS: readonly (readonly [number, number])[] = [
  [3, 5],
  [4, 20],
  [5, 12],
  [6, 20],
  [7, 10],
  [8, 10],
  [9, 5],
  [10, 8],
  [12, 6],
  [14, 3],
  [18, 1],
];
const TYPES: readonly (readonly [ProgramType, number])[] = [
  ['community-university', 48],
  ['community', 30],
  ['university', 19],
  ['military', 3],
];

export interface SyntheticMarketOptions {
  count: number;
  seed?: number;
  /** Chance that each fact is known (default 1). */
  knownRate?: number;
}

/**
 * @example syntheticPrograms({ count: 800, seed: 1, knownRate: 0.4 }) // 800 family medicine programs
 */
export function syntheticPrograms(options: SyntheticMarketOptions): Program[] {
  const random = seededRandom(options.seed ?? SYNTHETIC_RULES.seed);
  const knownRate = options.knownRate ?? 1;
  const m = SYNTHETIC_RULES;
  const priors = PROGRAM_PRIORS;
  const asOf = '2026-09-01';
  const source = 'synthetic market';
  const programs: Program[] = [];
  for (let i = 0; i < options.count; i++) {
    const state = weighted(random, SYNTHETIC_STATES);
    const programType = weighted(random, TYPES);
    const band = weighted(
      random,
      priors.imgShareMixture.map((part) => [part, part.weight] as const),
    );
    const share = band.low + random() * (band.high - band.low);
    const typical = Math.round(
      DEFAULT_PARAMETERS.interview.step2.programExpectationPrior +
        (programType === 'university' ? 4 : 0) +
        priors.typicalStep2Sd * normal(random),
    );
    const truth: Required<ProgramFacts> = {
      visaJ1: fact(random() < priors.sponsorsJ1),
      visaH1b: fact(random() < priors.sponsorsH1b),
      acceptsImgs: fact(!(share < priors.noImgsWhenShareBelow && random() < priors.noImgsChance)),
      imgShare: fact(Math.round(share * 100) / 100),
      minStep2Score: fact(Math.max(200, typical - 15 - Math.floor(random() * 10))),
      typicalStep2Score: fact(Math.min(280, Math.max(200, typical))),
      maxYearsSinceGraduation: fact(pick(random, m.maxYearsValues)),
      maxFailedAttempts: fact(random() < 0.5 ? 0 : 1),
      minUsceMonths: fact(pick(random, m.minUsceValues)),
      rural: fact(random() < m.rural),
    };
    const stated = {
      minStep2Score: random() < m.minStep2Stated,
      maxYearsSinceGraduation: random() < m.maxYearsStated,
      maxFailedAttempts: random() < m.maxAttemptsStated,
      minUsceMonths: random() < m.minUsceStated,
    };
    const facts: ProgramFacts = {};
    for (const key of Object.keys(truth) as (keyof ProgramFacts)[]) {
      const isRule = key in stated;
      const exists = isRule ? stated[key as keyof typeof stated] : true;
      if (exists && random() < knownRate) Object.assign(facts, { [key]: truth[key] });
    }
    programs.push({
      acgmeId: `120${String(i).padStart(7, '0')}`,
      nrmpCode: null,
      name: `Synthetic Family Medicine Program ${i + 1}`,
      institution: null,
      city: `City ${i + 1}`,
      state,
      censusDivision: divisionOf(state),
      latitude: null,
      longitude: null,
      specialty: 'family-medicine',
      positions: weighted(random, POSITIONS),
      programType,
      facts,
      synthetic: true,
      origin: 'synthetic market (smartpick)',
    });
  }
  return programs;

  function fact<T>(value: T) {
    return { value, source, asOf };
  }
}
