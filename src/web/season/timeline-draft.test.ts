import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../lib/api/season.js';
import { draftFromTimeline, timelineOverridesFromDraft } from './timeline-draft.js';

const items: TimelineItem[] = [
  {
    id: 'interview-season',
    title: 'Interview season',
    kind: 'window',
    date: '2026-11-01',
    endDate: '2027-01-31',
    approximate: true,
    source: 'AAFP',
    edited: false,
    done: false,
  },
  {
    id: 'match-day',
    title: 'Match Day',
    kind: 'milestone',
    date: '2027-03-19',
    endDate: null,
    approximate: true,
    source: 'AAFP',
    edited: false,
    done: false,
  },
];

describe('timelineOverridesFromDraft', () => {
  it('sends nothing new when the applicant changed nothing, and keeps stored edits', () => {
    const stored = { 'myeras-opens': { done: true } };
    expect(timelineOverridesFromDraft(items, draftFromTimeline(items), stored)).toEqual({
      ok: true,
      overrides: stored,
    });
  });

  it('records the published Match Day and a window marked done', () => {
    const draft = draftFromTimeline(items);
    draft['match-day'] = { date: '2027-03-20', endDate: '', done: false };
    draft['interview-season'] = { date: '2026-11-01', endDate: '2027-01-31', done: true };
    expect(timelineOverridesFromDraft(items, draft, {})).toEqual({
      ok: true,
      overrides: { 'match-day': { date: '2027-03-20' }, 'interview-season': { done: true } },
    });
  });

  it('names a window that ends before it starts, under its end date', () => {
    const draft = draftFromTimeline(items);
    draft['interview-season'] = { date: '2026-11-01', endDate: '2026-10-01', done: false };
    expect(timelineOverridesFromDraft(items, draft, {})).toEqual({
      ok: false,
      errors: { 'interview-season.endDate': 'The end cannot be before the start' },
    });
  });

  it('refuses an empty start date', () => {
    const draft = draftFromTimeline(items);
    draft['match-day'] = { date: '', endDate: '', done: false };
    const result = timelineOverridesFromDraft(items, draft, {});
    expect(result.ok).toBe(false);
  });
});
