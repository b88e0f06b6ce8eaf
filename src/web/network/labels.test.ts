import { describe, expect, it } from 'vitest';
import { deleteInteractionLabel, formatDay, formatDayRange, localToday } from './labels.js';

describe('date labels', () => {
  it('formats calendar days without time-zone shifts', () => {
    expect(formatDay('2026-11-01')).toBe('Nov 1, 2026');
    expect(formatDay('not a date')).toBe('not a date');
  });

  it('formats ranges within a month, across months and across years', () => {
    expect(formatDayRange('2026-11-03', '2026-11-28')).toBe('Nov 3–28, 2026');
    expect(formatDayRange('2026-11-28', '2026-12-05')).toBe('Nov 28 – Dec 5, 2026');
    expect(formatDayRange('2026-12-28', '2027-01-05')).toBe('Dec 28, 2026 – Jan 5, 2027');
    expect(formatDayRange('2026-11-03', null)).toBe('Nov 3, 2026');
  });

  it('gives the local calendar day', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('deleteInteractionLabel', () => {
  it('names the kind and the day', () => {
    expect(deleteInteractionLabel({ kind: 'video', date: '2026-03-03' })).toBe(
      'Delete video call on Mar 3, 2026',
    );
  });
});
