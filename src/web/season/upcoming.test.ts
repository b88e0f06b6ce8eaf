import { describe, expect, it } from 'vitest';
import type { ApplicationView, Interview } from '../lib/api/season.js';
import { upcomingInterviews } from './upcoming.js';

const at = (
  name: string,
  startsAt: string,
  stage: ApplicationView['stage'] = 'interview-scheduled',
): ApplicationView => {
  const interview: Interview = { startsAt, timeZone: 'America/Chicago', mode: 'virtual' };
  return {
    acgmeId: name,
    stage,
    appliedOn: null,
    feeDollars: null,
    signaled: false,
    invitedOn: null,
    responseDeadline: null,
    interview,
    impressions: null,
    history: [],
    notes: '',
    program: { name, city: 'X', state: 'IL' },
  };
};

describe('upcomingInterviews', () => {
  it('lists scheduled interviews still ahead, soonest first, whatever their offsets', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const list = upcomingInterviews(
      [
        at('late', '2026-12-10T09:00:00-06:00'),
        at('past', '2026-11-01T09:00:00-06:00'),
        at('soon', '2026-12-01T09:00:00-05:00'),
        at('done', '2026-12-02T09:00:00-06:00', 'interviewed'),
      ],
      now,
    );
    expect(list.map((a) => a.acgmeId)).toEqual(['soon', 'late']);
  });
});
