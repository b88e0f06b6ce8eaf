import { describe, expect, it } from 'vitest';
import { DEMO_FACT_SOURCE, DEMO_ORIGIN, type DemoCity, generateDemoCatalog } from './demo-catalog.js';
import { PROGRAM_FACT_KEYS, programSchema } from './program.js';

/** A few real cities; the weight plays the part of each city's ZIP-code count. */
const CITIES: DemoCity[] = [
  { city: 'Houston', state: 'TX', latitude: 29.7604, longitude: -95.3698, weight: 180 },
  { city: 'Los Angeles', state: 'CA', latitude: 34.0522, longitude: -118.2437, weight: 150 },
  { city: 'Springfield', state: 'IL', latitude: 39.7817, longitude: -89.6501, weight: 30 },
  { city: 'Casper', state: 'WY', latitude: 42.8666, longitude: -106.3131, weight: 5 },
  { city: 'Burlington', state: 'VT', latitude: 44.4759, longitude: -73.2121, weight: 5 },
];

describe('generateDemoCatalog', () => {
  const catalog = generateDemoCatalog({ cities: CITIES });

  it('makes 400 valid programs with DEMO ids by default', () => {
    expect(catalog).toHaveLength(400);
    expect(catalog[0]?.acgmeId).toBe('DEMO-000001');
    expect(catalog[399]?.acgmeId).toBe('DEMO-000400');
    for (const program of catalog) expect(programSchema.safeParse(program).success).toBe(true);
  });

  it('gives the same catalog for the same seed, and a different one for another seed', () => {
    expect(generateDemoCatalog({ cities: CITIES, seed: 2026 })).toEqual(catalog);
    expect(generateDemoCatalog({ cities: CITIES, seed: 7 })).not.toEqual(catalog);
  });

  it('marks every program as synthetic, by flag, origin and name', () => {
    for (const program of catalog) {
      expect(program.synthetic).toBe(true);
      expect(program.origin).toBe(DEMO_ORIGIN);
      expect(program.name).toMatch(/^Demo Family Medicine Program( \d+)? — .+, [A-Z]{2} \(synthetic\)$/);
    }
    expect(new Set(catalog.map((program) => program.name)).size).toBe(catalog.length);
  });

  it('places programs in the given cities, more where the weight is larger', () => {
    const perCity = new Map<string, number>();
    for (const program of catalog) perCity.set(program.city, (perCity.get(program.city) ?? 0) + 1);
    expect([...perCity.keys()].sort()).toEqual(CITIES.map((c) => c.city).sort());
    expect(perCity.get('Houston')).toBeGreaterThan(perCity.get('Springfield') ?? 0);
    expect(perCity.get('Springfield')).toBeGreaterThan(perCity.get('Casper') ?? 0);
    const houston = catalog.find((program) => program.city === 'Houston');
    expect(houston).toMatchObject({ state: 'TX', censusDivision: 'West South Central', latitude: 29.7604 });
  });

  it('fills positions and program type, with positions averaging near family medicine (≈6.5 per program)', () => {
    const positions = catalog.map((program) => program.positions ?? 0);
    const mean = positions.reduce((sum, n) => sum + n, 0) / positions.length;
    expect(mean).toBeGreaterThan(5.5);
    expect(mean).toBeLessThan(8);
    expect(catalog.every((program) => program.programType !== null)).toBe(true);
  });

  it('knows some research facts, always marked as synthetic, and leaves many unknown', () => {
    const facts = catalog.flatMap((program) => Object.values(program.facts));
    expect(facts.every((fact) => fact.source === DEMO_FACT_SOURCE)).toBe(true);
    for (const key of PROGRAM_FACT_KEYS) {
      const known = catalog.filter((program) => program.facts[key] !== undefined).length;
      expect(known, key).toBeGreaterThan(0);
      expect(known, key).toBeLessThan(catalog.length * 0.7);
    }
    expect(catalog.some((program) => Object.keys(program.facts).length === 0)).toBe(true);
  });

  it('keeps facts consistent: a program closed to IMGs sponsors no visa', () => {
    for (const { facts } of catalog) {
      if (facts.acceptsImgs?.value === false) {
        expect(facts.visaJ1?.value ?? false).toBe(false);
        expect(facts.imgShare?.value ?? 0).toBe(0);
      }
    }
  });

  it('honours count and specialty, and makes nothing without cities', () => {
    const psychiatry = generateDemoCatalog({ cities: CITIES, count: 3, specialty: 'psychiatry' });
    expect(psychiatry.map((program) => program.specialty)).toEqual([
      'psychiatry',
      'psychiatry',
      'psychiatry',
    ]);
    expect(psychiatry[0]?.name).toMatch(/^Demo Psychiatry Program/);
    expect(generateDemoCatalog({ cities: [] })).toEqual([]);
  });
});
