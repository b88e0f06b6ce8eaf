import { describe, expect, it } from 'vitest';
import { STATE_CODES } from './census.js';
import { CITY_TIME_ZONE_EXCEPTIONS, programTimeZone, STATE_MAIN_TIME_ZONE } from './time-zones.js';

const knownZone = (zone: string) => {
  new Intl.DateTimeFormat('en-US', { timeZone: zone });
  return true;
};

describe('programTimeZone: the program’s own clock for its interviews', () => {
  it('gives a Pennsylvania program Eastern time, not Chicago', () => {
    expect(programTimeZone({ state: 'PA', city: 'Altoona' })).toBe('America/New_York');
  });

  it('decides a split state by city where the city is known, else by the state’s main zone', () => {
    expect(programTimeZone({ state: 'TN', city: 'Knoxville' })).toBe('America/New_York');
    expect(programTimeZone({ state: 'TN', city: 'Memphis' })).toBe('America/Chicago');
    expect(programTimeZone({ state: 'FL', city: ' Pensacola ' })).toBe('America/Chicago');
    expect(programTimeZone({ state: 'FL', city: 'Miami' })).toBe('America/New_York');
    expect(programTimeZone({ state: 'in', city: 'Evansville' })).toBe('America/Chicago');
    expect(programTimeZone({ state: 'TX', city: 'El Paso' })).toBe('America/Denver');
  });

  it('knows every state the catalog knows, in zones the runtime knows, and nothing it does not', () => {
    for (const state of STATE_CODES) expect(STATE_MAIN_TIME_ZONE[state], state).toBeDefined();
    const zones = [
      ...Object.values(STATE_MAIN_TIME_ZONE),
      ...Object.values(CITY_TIME_ZONE_EXCEPTIONS).flatMap((cities) => Object.values(cities)),
    ];
    for (const zone of zones) expect(knownZone(zone), zone).toBe(true);
    expect(programTimeZone({ state: 'ZZ', city: 'Nowhere' })).toBeNull();
  });
});
