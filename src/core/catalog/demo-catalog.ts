import { divisionOf, isStateCode } from '../geo/census.js';
import type { Program, ProgramFacts, ProgramType } from './program.js';
import { type SeededRandom, seededRandom } from './seeded-random.js';
import { SPECIALTIES, type Specialty } from './specialty.js';

/** A real U.S. city to place synthetic programs in; the adapter reads these from a ZIP-code list. */
export interface DemoCity {
  city: string;
  state: string;
  latitude: number;
  longitude: number;
  /** How likely a program lands here relative to other cities; 1 when absent (e.g. its ZIP-code count). */
  weight?: number;
}

export interface DemoCatalogOptions {
  cities: readonly DemoCity[];
  count?: number;
  seed?: number;
  specialty?: Specialty;
  /** Date stamped on the synthetic facts. Fixed by default so the same seed gives the same catalog. */
  asOf?: string;
}

export const DEMO_ORIGIN = 'demo catalog (synthetic)';
export const DEMO_FACT_SOURCE = 'synthetic demo data';
const DEFAULT_OPTIONS = {
  count: 400,
  seed: 2026,
  specialty: 'family-medicine',
  asOf: '2026-01-01',
} satisfies Omit<Required<DemoCatalogOptions>, 'cities'>;

/**
 * Positions per program. Assumption shaped to the 2024 Match, where family medicine offered 5,231 positions
 * in nearly 800 programs (≈6.5 each; AAFP news 2024-03-15): mostly 4-8, a tail of large programs. Mean ≈ 6.8.
 */
const POSITIONS = [
  { value: 3, weight: 5 },
  { value: 4, weight: 20 },
  { value: 5, weight: 12 },
  { value: 6, weight: 20 },
  { value: 7, weight: 10 },
  { value: 8, weight: 10 },
  { value: 9, weight: 5 },
  { value: 10, weight: 8 },
  { value: 12, weight: 6 },
  { value: 14, weight: 3 },
  { value: 18, weight: 1 },
];

/** Assumption: most family medicine programs are community-based and university-affiliated; few are military. */
const PROGRAM_TYPE_WEIGHTS: { value: ProgramType; weight: number }[] = [
  { value: 'community-university', weight: 48 },
  { value: 'community', weight: 30 },
  { value: 'university', weight: 19 },
  { value: 'military', weight: 3 },
];

/**
 * How often each fact is "known" in the demo. Deliberately well below 1: a real catalog knows little about most
 * programs, and the product's "unknown" paths must be exercised by the demo too.
 */
const FACT_DISCLOSURE: Record<keyof ProgramFacts, number> = {
  visaJ1: 0.55,
  visaH1b: 0.45,
  acceptsImgs: 0.5,
  imgShare: 0.4,
  minStep2Score: 0.3,
  typicalStep2Score: 0.25,
  maxYearsSinceGraduation: 0.3,
  maxFailedAttempts: 0.2,
  minUsceMonths: 0.2,
  rural: 0.35,
};

const INSTITUTION_PATTERNS = [
  (city: string) => `${city} Demo Medical Center (synthetic)`,
  (city: string) => `Demo Health System of ${city} (synthetic)`,
  (city: string) => `${city} Demo Community Hospital (synthetic)`,
  (city: string) => `Demo University Hospital ${city} (synthetic)`,
];

/**
 * A synthetic program catalog in real U.S. cities, the same for the same seed. Programs land in cities in
 * proportion to their weight — the adapter passes each city's ZIP-code count, so populous places get more
 * programs, roughly as family medicine programs follow population. Every program is marked synthetic, and
 * many facts are left unknown on purpose.
 *
 * @example
 * generateDemoCatalog({ cities: demoCities(), count: 400, seed: 2026 }) // DEMO-000001 … DEMO-000400
 */
export function generateDemoCatalog(options: DemoCatalogOptions): Program[] {
  const { count, seed, specialty, asOf } = { ...DEFAULT_OPTIONS, ...stripUndefined(options) };
  const cities = options.cities.filter(
    (city) => isStateCode(city.state) && Math.abs(city.latitude) <= 90 && Math.abs(city.longitude) <= 180,
  );
  if (cities.length === 0) return [];
  const random = seededRandom(seed);
  const pickCity = cityPicker(cities, random);
  const programsInCity = new Map<string, number>();
  const specialtyName = titleCase(SPECIALTIES[specialty].name);
  const programs: Program[] = [];

  for (let n = 1; n <= Math.min(Math.max(0, Math.floor(count)), 999_999); n++) {
    const place = pickCity();
    const key = `${place.city}|${place.state}`;
    const ordinal = (programsInCity.get(key) ?? 0) + 1;
    programsInCity.set(key, ordinal);
    const numbered = ordinal === 1 ? '' : ` ${ordinal}`;
    programs.push({
      acgmeId: `DEMO-${String(n).padStart(6, '0')}`,
      nrmpCode: null, // a made-up code could collide with a real one, so there is none
      name: `Demo ${specialtyName} Program${numbered} — ${place.city}, ${place.state} (synthetic)`,
      institution: pick(INSTITUTION_PATTERNS, random)(place.city),
      city: place.city,
      state: place.state,
      censusDivision: divisionOf(place.state),
      latitude: round(place.latitude, 4),
      longitude: round(place.longitude, 4),
      specialty,
      positions: random.weighted(POSITIONS),
      programType: random.weighted(PROGRAM_TYPE_WEIGHTS),
      facts: syntheticFacts(random, asOf),
      synthetic: true,
      origin: DEMO_ORIGIN,
    });
  }
  return programs;
}

/**
 * Facts drawn from one hidden trait (how open the program is to IMGs) so they agree with each other —
 * a program that takes no IMGs sponsors no visas — then each revealed only with its disclosure rate.
 */
function syntheticFacts(random: SeededRandom, asOf: string): ProgramFacts {
  const openness = random.weighted([
    { value: 'closed', weight: 15 },
    { value: 'low', weight: 35 },
    { value: 'mid', weight: 30 },
    { value: 'high', weight: 20 },
  ] as const);
  const acceptsImgs = openness !== 'closed';
  // Averages ≈ 0.3, near the IMG share of filled family medicine positions in 2024 (1,455 of 4,595; AAFP).
  const imgShare =
    openness === 'closed'
      ? 0
      : openness === 'low'
        ? random.int(0, 15) / 100
        : openness === 'mid'
          ? random.int(15, 50) / 100
          : random.int(50, 95) / 100;
  const minStep2 = random.int(200, 230);
  const draws: ProgramFacts = {
    visaJ1: fact(acceptsImgs && random.chance(openness === 'low' ? 0.4 : 0.85)),
    visaH1b: fact(acceptsImgs && random.chance(openness === 'high' ? 0.45 : 0.15)),
    acceptsImgs: fact(acceptsImgs),
    imgShare: fact(imgShare),
    minStep2Score: fact(minStep2),
    typicalStep2Score: fact(Math.min(260, minStep2 + random.int(10, 30))),
    maxYearsSinceGraduation: fact(
      random.weighted([1, 2, 3, 5, 7, 10].map((value) => ({ value, weight: 1 }))),
    ),
    maxFailedAttempts: fact(random.int(0, 2)),
    minUsceMonths: fact(
      acceptsImgs ? random.weighted([0, 1, 2, 3, 6].map((value) => ({ value, weight: 1 }))) : 0,
    ),
    rural: fact(random.chance(0.2)),
  };
  const facts: ProgramFacts = {};
  for (const key of Object.keys(FACT_DISCLOSURE) as (keyof ProgramFacts)[]) {
    if (random.chance(FACT_DISCLOSURE[key])) Object.assign(facts, { [key]: draws[key] });
  }
  return facts;

  function fact<T>(value: T) {
    return { value, source: DEMO_FACT_SOURCE, asOf };
  }
}

/** Weighted city choice by binary search over cumulative weights: fast enough for ~30,000 cities. */
function cityPicker(cities: readonly DemoCity[], random: SeededRandom): () => DemoCity {
  const cumulative: number[] = [];
  let total = 0;
  for (const city of cities) {
    total += Math.max(0, city.weight ?? 1);
    cumulative.push(total);
  }
  return () => {
    const roll = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > roll) hi = mid;
      else lo = mid + 1;
    }
    return cities[lo] as DemoCity;
  };
}

function pick<T>(items: readonly T[], random: SeededRandom): T {
  return items[random.int(0, items.length - 1)] as T;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** "Obstetrics and gynecology" → "Obstetrics and Gynecology". */
function titleCase(text: string): string {
  return text.replace(/\b(?!and\b)[a-z]/g, (letter) => letter.toUpperCase());
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
