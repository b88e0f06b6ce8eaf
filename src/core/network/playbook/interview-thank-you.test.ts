import { describe, expect, it } from 'vitest';
import { type Application, newApplication } from '../../season/application.js';
import { contact, interaction, LAKESHORE, RIVERSIDE, runPlaybook } from '../test-support.js';
import { interviewThankYouRule } from './interview-thank-you.js';

/** Riverside interviewed the applicant (virtually, from Chicago) on Monday 23 November 2026. */
function interviewedAt(acgmeId: string, startsAt: string, timeZone = 'America/Chicago'): Application {
  const saved = newApplication(acgmeId, new Date('2026-06-03T12:00:00Z'));
  return {
    ...saved,
    stage: 'interviewed',
    appliedOn: '2026-09-03',
    invitedOn: '2026-10-20',
    interview: { startsAt, timeZone, mode: 'virtual' },
    history: [
      ...saved.history,
      { stage: 'applied', at: '2026-09-03T14:00:00.000Z' },
      { stage: 'interview-scheduled', at: '2026-10-20T15:00:00.000Z' },
      { stage: 'interviewed', at: '2026-11-24T01:00:00.000Z' },
    ],
  };
}

const programNames = new Map([
  [RIVERSIDE, 'Riverside Family Medicine'],
  [LAKESHORE, 'Lakeshore Family Medicine'],
]);

describe('after an interview day', () => {
  it('Given an interview at Riverside on 23 November, Then thank-you notes are due 48 hours later', () => {
    const { tasks } = runPlaybook({
      applications: [interviewedAt(RIVERSIDE, '2026-11-23T09:00:00-06:00')],
      programNames,
      rules: [interviewThankYouRule],
    });
    expect(tasks).toEqual([
      {
        id: `interview-thank-you:${RIVERSIDE}`,
        ruleId: 'interview-thank-you',
        acgmeId: RIVERSIDE,
        title: 'Send thank-you notes to Riverside Family Medicine within 48 hours',
        why: 'A specific thank-you soon after the interview keeps you in mind while programs build rank lists.',
        dueDate: '2026-11-25',
        status: 'open',
      },
    ]);
  });

  it('Given a 7 p.m. interview in Chicago (01:00 UTC next day), Then the day counted is the Chicago day', () => {
    const { tasks } = runPlaybook({
      applications: [interviewedAt(RIVERSIDE, '2026-11-23T19:00:00-06:00')],
      rules: [interviewThankYouRule],
    });
    expect(tasks.map((t) => [t.title, t.dueDate])).toEqual([
      [`Send thank-you notes to program ${RIVERSIDE} within 48 hours`, '2026-11-25'],
    ]);
  });

  it('When a thank-you to the program coordinator is logged after the interview, Then the task closes', () => {
    const coordinator = contact({
      id: 'c-coord',
      name: 'Beth Nolan',
      affiliation: { acgmeId: RIVERSIDE, institution: null },
    });
    const { tasks } = runPlaybook({
      contacts: [coordinator],
      interactions: [
        interaction({
          contactId: coordinator.id,
          kind: 'email-sent',
          purpose: 'thank-you',
          date: '2026-11-24',
        }),
      ],
      applications: [
        interviewedAt(RIVERSIDE, '2026-11-23T09:00:00-06:00'),
        interviewedAt(LAKESHORE, '2026-11-24T10:00:00-05:00', 'America/New_York'),
      ],
      programNames,
      rules: [interviewThankYouRule],
    });
    expect(tasks.map((t) => t.acgmeId)).toEqual([LAKESHORE]);
  });

  it('Given an interview still ahead, ranked already, or two months old, Then no thank-you is asked for', () => {
    const ahead = interviewedAt(RIVERSIDE, '2026-12-03T09:00:00-06:00');
    const ranked = { ...interviewedAt(LAKESHORE, '2026-11-20T09:00:00-06:00'), stage: 'ranked' as const };
    const old = interviewedAt('1201600003', '2026-09-20T09:00:00-06:00');
    const { tasks } = runPlaybook({ applications: [ahead, ranked, old], rules: [interviewThankYouRule] });
    expect(tasks).toEqual([]);
  });
});
