import { describe, expect, it } from 'vitest';
import { generateDemoCatalog } from '../../core/catalog/demo-catalog.js';
import { STATE_CODES } from '../../core/geo/census.js';
import { buildDemoCities, demoCities } from './demo-cities.js';

describe('demoCities', () => {
  const cities = demoCities();

  it('lists each city once per state, in the 50 states and DC only', () => {
    const keys = cities.map((c) => `${c.state}|${c.city.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
    const states = new Set(cities.map((c) => c.state));
    expect([...states].sort()).toEqual(STATE_CODES.filter((code) => code !== 'PR').sort());
    expect(cities.length).toBeGreaterThan(20_000);
  });

  it('weights a city by its ZIP codes and places it at their mean', () => {
    const newYork = cities.find((c) => c.city === 'New York' && c.state === 'NY');
    const springfield = cities.find((c) => c.city === 'Springfield' && c.state === 'IL');
    expect(newYork?.weight).toBeGreaterThan(springfield?.weight ?? Number.POSITIVE_INFINITY);
    expect(newYork?.latitude).toBeCloseTo(40.75, 0);
    expect(
      buildDemoCities([
        { city: 'Greeley', state: 'CO', country: 'US', latitude: 40.4, longitude: -104.7 },
        { city: 'GREELEY', state: 'CO', country: 'US', latitude: 40.6, longitude: -104.9 },
        { city: 'Toronto', state: 'ON', country: 'CA', latitude: 43.7, longitude: -79.4 },
        { city: 'Hagatna', state: 'GU', country: 'US', latitude: 13.5, longitude: 144.8 },
      ]),
    ).toEqual([{ city: 'Greeley', state: 'CO', latitude: 40.5, longitude: -104.8, weight: 2 }]);
  });

  it('gives a demo catalog with more programs in populous states than in small ones', () => {
    const catalog = generateDemoCatalog({ cities, count: 400, seed: 2026 });
    const perState = new Map<string, number>();
    for (const program of catalog) perState.set(program.state, (perState.get(program.state) ?? 0) + 1);
    const big = (perState.get('CA') ?? 0) + (perState.get('TX') ?? 0) + (perState.get('NY') ?? 0);
    const small = (perState.get('WY') ?? 0) + (perState.get('VT') ?? 0) + (perState.get('DE') ?? 0);
    expect(big).toBeGreaterThan(3 * small);
    expect(perState.size).toBeGreaterThan(40);
  });
});
