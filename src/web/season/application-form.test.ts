import { describe, expect, it } from 'vitest';
import type { ApplicationView } from '../lib/api/season.js';
import {
  applicationFieldOfPath,
  draftFromApplication,
  parseApplicationDraft,
  parseInterview,
} from './application-form.js';

const scheduled: ApplicationView = {
  acgmeId: '9990000001',
  stage: 'interviewed',
  appliedOn: '2026-09-24',
  feeDollars: 35,
  signaled: false,
  invitedOn: '2026-10-10',
  responseDeadline: '2026-10-17',
  interview: { startsAt: '2026-12-03T09:00:00-06:00', timeZone: 'America/Chicago', mode: 'virtual' },
  impressions: { ratings: { fit: 4 }, notes: 'Warm residents' },
  history: [],
  notes: '',
  program: { name: 'Prairie Valley FM (synthetic)', city: 'Peoria', state: 'IL' },
};

describe('draftFromApplication and parseApplicationDraft', () => {
  it('offers a Pennsylvania program’s interview in Eastern time, not Chicago, before one is scheduled', () => {
    const applied: ApplicationView = {
      ...scheduled,
      stage: 'interview-invited',
      interview: null,
      program: { name: 'Altoona FM', city: 'Altoona', state: 'PA' },
    };
    expect(draftFromApplication(applied).timeZone).toBe('America/New_York');
  });

  it('round-trips an interviewed application: the 9:00 Chicago time and the 4-star fit survive', () => {
    const draft = draftFromApplication(scheduled);
    expect(draft.interviewAt).toBe('2026-12-03T09:00');
    const parsed = parseApplicationDraft(draft, 'interviewed');
    expect(parsed).toEqual({
      ok: true,
      value: {
        appliedOn: '2026-09-24',
        feeDollars: 35,
        invitedOn: '2026-10-10',
        responseDeadline: '2026-10-17',
        interview: scheduled.interview,
        notes: '',
        impressions: { ratings: { fit: 4 }, notes: 'Warm residents' },
      },
    });
  });

  it('rejects a negative fee and an unknown time zone, naming each field', () => {
    const draft = { ...draftFromApplication(scheduled), feeDollars: '-5', timeZone: 'Central' };
    const parsed = parseApplicationDraft(draft, 'interviewed');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors)).toEqual(['feeDollars', 'timeZone']);
  });

  it('leaves impressions out for a program not interviewed yet', () => {
    const parsed = parseApplicationDraft(draftFromApplication({ ...scheduled, stage: 'applied' }), 'applied');
    expect(parsed.ok && 'impressions' in parsed.value).toBe(false);
  });

  it('accepts "$35" as a fee', () => {
    const parsed = parseApplicationDraft(
      { ...draftFromApplication(scheduled), feeDollars: '$35' },
      'applied',
    );
    expect(parsed.ok && parsed.value.feeDollars).toBe(35);
  });
});

describe('parseInterview', () => {
  it('needs a date and time', () => {
    expect(parseInterview('', 'America/Chicago', 'virtual')).toEqual({
      ok: false,
      errors: { interviewAt: 'Enter the interview date and time' },
    });
  });
});

describe('applicationFieldOfPath', () => {
  it('maps the server paths onto form fields', () => {
    expect(applicationFieldOfPath('interview.timeZone')).toBe('timeZone');
    expect(applicationFieldOfPath('impressions.ratings.fit')).toBe('rating-fit');
    expect(applicationFieldOfPath('feeDollars')).toBe('feeDollars');
    expect(applicationFieldOfPath('history')).toBeNull();
  });
});
