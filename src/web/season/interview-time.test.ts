import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, offsetIsoToZoned, zonedToOffsetIso } from './interview-time.js';

describe('zonedToOffsetIso', () => {
  it('gives a 9:00 Chicago interview in December the central standard offset', () => {
    expect(zonedToOffsetIso('2026-12-03T09:00', 'America/Chicago')).toBe('2026-12-03T09:00:00-06:00');
  });

  it('gives an October interview in New York the daylight offset', () => {
    expect(zonedToOffsetIso('2026-10-20T13:30', 'America/New_York')).toBe('2026-10-20T13:30:00-04:00');
  });

  it('keeps Phoenix on -07:00 all year and UTC on +00:00', () => {
    expect(zonedToOffsetIso('2026-07-01T08:00', 'America/Phoenix')).toBe('2026-07-01T08:00:00-07:00');
    expect(zonedToOffsetIso('2026-07-01T08:00', 'UTC')).toBe('2026-07-01T08:00:00+00:00');
  });

  it('refuses a malformed time or an unknown zone', () => {
    expect(zonedToOffsetIso('2026-12-03 9am', 'America/Chicago')).toBeNull();
    expect(zonedToOffsetIso('2026-12-03T09:00', 'Mars/Olympus')).toBeNull();
  });
});

describe('offsetIsoToZoned', () => {
  it('reads an instant back as the program wall-clock time', () => {
    expect(offsetIsoToZoned('2026-12-03T15:00:00Z', 'America/Chicago')).toBe('2026-12-03T09:00');
    expect(offsetIsoToZoned('2026-12-03T09:00:00-06:00', 'America/New_York')).toBe('2026-12-03T10:00');
  });

  it('round-trips with zonedToOffsetIso', () => {
    const iso = zonedToOffsetIso('2027-01-14T16:45', 'America/Los_Angeles') ?? '';
    expect(offsetIsoToZoned(iso, 'America/Los_Angeles')).toBe('2027-01-14T16:45');
  });
});

describe('isKnownTimeZone', () => {
  it('knows IANA zones and rejects empty or invented ones', () => {
    expect(isKnownTimeZone('America/Denver')).toBe(true);
    expect(isKnownTimeZone('')).toBe(false);
    expect(isKnownTimeZone('Central')).toBe(false);
  });
});
