import { describe, expect, it } from 'vitest';
import { currentMatchYear } from './match-year.js';

describe('currentMatchYear', () => {
  it('is next year from June, when applications for the next Match open', () => {
    expect(currentMatchYear(new Date('2026-11-25T12:00:00Z'))).toBe(2027);
    expect(currentMatchYear(new Date('2026-06-01T00:00:00Z'))).toBe(2027);
  });

  it('is this year until the end of May, while the current Match finishes', () => {
    expect(currentMatchYear(new Date('2027-03-19T12:00:00Z'))).toBe(2027);
    expect(currentMatchYear(new Date('2027-05-31T23:59:59Z'))).toBe(2027);
  });
});
