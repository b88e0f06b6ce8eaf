import { describe, expect, it } from 'vitest';
import { generateDemoCatalog } from '../../core/catalog/demo-catalog.js';
import { STATE_CODES } from '../../core/geo/census.js';
import { buildDemoCities, demoCities, looksLikePlaceName } from './demo-cities.js';

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
        { city: 'Greeley', state: 'CO', country: 'US', latitude: 40.4123, longitude: -104.7011 },
        { city: 'GREELEY', state: 'CO', country: 'US', latitude: 40.6077, longitude: -104.9189 },
        { city: 'Toronto', state: 'ON', country: 'CA', latitude: 43.7, longitude: -79.4 },
        { city: 'Hagatna', state: 'GU', country: 'US', latitude: 13.5, longitude: 144.8 },
      ]),
    ).toEqual([{ city: 'Greeley', state: 'CO', latitude: 40.51, longitude: -104.81, weight: 2 }]);
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

  it('names only places: no firm, PO-box or abbreviated names from the ZIP-code list', () => {
    const names = new Set(cities.map((c) => `${c.city}, ${c.state}`));
    for (const odd of [
      'Decorative Craft Ideas, AL',
      'Shared Firm Zip, NJ',
      'Atl, GA',
      'Bham, AL',
      'Us Bank, OR',
    ])
      expect(names.has(odd), odd).toBe(false);
    for (const real of ['Atlanta, GA', 'Birmingham, AL', 'Altoona, PA', 'Mar Lin, PA', 'Coeur D Alene, ID'])
      expect(names.has(real), real).toBe(true);
    // Every name is words of letters, each starting with a capital (or "D", "La", "Mc" style particles).
    const wordy = /^[A-Z][a-z]*(?:[ '.-]+[A-Za-z][a-z]*)*$/;
    expect(cities.filter((c) => !wordy.test(c.city)).map((c) => c.city)).toEqual([]);
    const businessWords =
      /\b(inc|corp|company|bank|insurance|firm|zip|brm|dept|service|fulfillment|return)\b/i;
    expect(cities.filter((c) => businessWords.test(c.city)).map((c) => c.city)).toEqual([]);
  });

  it('builds from precise ZIP codes only: a unique ZIP at a rounded point is not a city', () => {
    const zip = (city: string, latitude: number, longitude: number) => ({
      city,
      state: 'AL',
      country: 'US',
      latitude,
      longitude,
    });
    expect(
      buildDemoCities([
        zip('Decorative Craft Ideas', 33.51, -86.8),
        zip('Bham', 33.46, -86.81),
        zip('Birmingham', 33.5446, -86.9292),
        zip('Birmingham', 33.51, -86.8),
      ]),
    ).toEqual([{ city: 'Birmingham', state: 'AL', latitude: 33.5446, longitude: -86.9292, weight: 1 }]);
    expect(looksLikePlaceName('Parcel Return Service')).toBe(false);
    expect(looksLikePlaceName('J B P H H')).toBe(false);
    expect(looksLikePlaceName('Lackland A F B')).toBe(false);
    expect(looksLikePlaceName('Sun City Center')).toBe(true);
  });

  it('places every program of the demo catalog in a named place', () => {
    const catalog = generateDemoCatalog({ cities, count: 400, seed: 2026 });
    expect(catalog.filter((program) => !looksLikePlaceName(program.city)).map((p) => p.city)).toEqual([]);
  });
});
