import { describe, expect, it } from 'vitest';
import { seasonTimeline, timelineOverridesSchema, whatIsNext } from './season-timeline.js';

const dates = (timeline: ReturnType<typeof seasonTimeline>) =>
  Object.fromEntries(
    timeline.items.map((item) => [item.id, item.endDate ? `${item.date}..${item.endDate}` : item.date]),
  );

describe('the season timeline for the 2027 Match', () => {
  it('computes each date from its rule, Match Day being the third Friday in March', () => {
    expect(dates(seasonTimeline(2027))).toEqual({
      'myeras-opens': '2026-06-01',
      'applications-open': '2026-09-01',
      'nrmp-registration-opens': '2026-09-15',
      'mspe-release': '2026-10-01',
      'interview-season': '2026-11-01..2027-01-31',
      'nrmp-registration-closes': '2027-01-31',
      'rank-list-opens': '2027-02-01',
      'rank-list-deadline': '2027-03-03',
      'match-week': '2027-03-15..2027-03-19',
      'match-day': '2027-03-19',
    });
  });

  it('names a source for every date and marks rule-computed ones approximate', () => {
    const items = seasonTimeline(2027).items;
    expect(items.every((item) => item.source.length > 0)).toBe(true);
    expect(items.find((item) => item.id === 'mspe-release')?.approximate).toBe(false);
    expect(items.find((item) => item.id === 'match-day')?.approximate).toBe(true);
  });

  it('moves Match Week and the rank list deadline when the applicant enters the published Match Day', () => {
    const timeline = seasonTimeline(2027, { 'match-day': { date: '2027-03-26' } });
    expect(dates(timeline)).toMatchObject({
      'rank-list-deadline': '2027-03-10',
      'match-week': '2027-03-22..2027-03-26',
      'match-day': '2027-03-26',
    });
    expect(timeline.items.find((item) => item.id === 'match-day')).toMatchObject({
      approximate: false,
      edited: true,
    });
  });
});

describe('what is next on the Home page', () => {
  it('in mid-February shows the rank list steps ahead and the missed NRMP registration deadline', () => {
    const result = whatIsNext(seasonTimeline(2027), { now: new Date('2027-02-15T15:00:00Z') });
    expect(result.next.map((item) => item.id)).toEqual(['rank-list-deadline', 'match-week', 'match-day']);
    expect(result.overdue.map((item) => item.id)).toEqual(['nrmp-registration-closes']);
  });

  it('no longer lists a deadline the applicant marked done', () => {
    const timeline = seasonTimeline(2027, { 'nrmp-registration-closes': { done: true } });
    expect(whatIsNext(timeline, { now: new Date('2027-02-15T15:00:00Z') }).overdue).toEqual([]);
  });

  it('judges the day in the applicant’s time zone: 9 p.m. in Chicago on the deadline is not yet overdue', () => {
    const timeline = seasonTimeline(2027, { 'nrmp-registration-closes': { done: true } });
    const ninePmChicago = new Date('2027-03-04T03:00:00Z');
    expect(whatIsNext(timeline, { now: ninePmChicago, timeZone: 'America/Chicago' })).toMatchObject({
      overdue: [],
      next: [{ id: 'rank-list-deadline' }, { id: 'match-week' }, { id: 'match-day' }],
    });
    expect(whatIsNext(timeline, { now: ninePmChicago }).overdue.map((item) => item.id)).toEqual([
      'rank-list-deadline',
    ]);
  });

  it('shows a window in progress: interview season in December', () => {
    const result = whatIsNext(seasonTimeline(2027), { now: new Date('2026-12-10T12:00:00Z'), limit: 1 });
    expect(result.next.map((item) => item.id)).toEqual(['interview-season']);
  });
});

describe('stored edits', () => {
  it('accepts a published Match Day and a done mark, and rejects a date in the wrong format', () => {
    expect(
      timelineOverridesSchema.safeParse({
        'match-day': { date: '2027-03-19' },
        'myeras-opens': { done: true },
      }).success,
    ).toBe(true);
    const bad = timelineOverridesSchema.safeParse({ 'match-day': { date: '19/03/2027' } });
    expect(bad.success ? null : bad.error.issues[0]?.message).toBe('Use a date like 2027-03-19');
  });
});
