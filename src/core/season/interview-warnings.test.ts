import { describe, expect, it } from 'vitest';
import { type Application, newApplication } from './application.js';
import { interviewWarnings } from './interview-warnings.js';
import { transition } from './pipeline.js';

const AT = new Date('2026-09-03T14:00:00Z');

/** An application moved through the pipeline the way the API does: applied, scheduled, maybe interviewed. */
function scheduled(acgmeId: string, startsAt: string, interviewedAt?: string): Application {
  let app = newApplication(acgmeId, AT);
  const step = (result: ReturnType<typeof transition>) => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  app = step(transition(app, 'applied', { at: AT }));
  app = step(
    transition(app, 'interview-scheduled', {
      at: new Date('2026-10-20T15:00:00Z'),
      details: { interview: { startsAt, timeZone: 'America/Chicago', mode: 'virtual' } },
    }),
  );
  if (interviewedAt) app = step(transition(app, 'interviewed', { at: new Date(interviewedAt) }));
  return app;
}

describe('interviewWarnings', () => {
  it('Given interviews at 9:00 in Chicago and 10:00 in New York on the same day (the same moment), Then they clash', () => {
    const warnings = interviewWarnings([
      scheduled('A', '2026-12-03T09:00:00-06:00'),
      scheduled('B', '2026-12-03T10:00:00-05:00'),
    ]);
    // 10:00 in New York is 9:00 in Chicago: the same moment.
    expect(warnings).toEqual([
      {
        kind: 'overlap',
        acgmeIds: ['A', 'B'],
        startsAt: ['2026-12-03T09:00:00-06:00', '2026-12-03T10:00:00-05:00'],
      },
    ]);
  });

  it('Given a morning and an afternoon interview 5 hours apart, or on different days, Then no clash', () => {
    expect(
      interviewWarnings([
        scheduled('A', '2026-12-03T08:00:00-06:00'),
        scheduled('B', '2026-12-03T13:00:00-06:00'),
        scheduled('C', '2026-12-04T08:00:00-06:00'),
      ]),
    ).toEqual([]);
  });

  it('Given an interview on 3 December marked interviewed on 25 November, Then it warns', () => {
    expect(interviewWarnings([scheduled('A', '2026-12-03T09:00:00-06:00', '2026-11-25T12:00:00Z')])).toEqual([
      {
        kind: 'interviewed-before-date',
        acgmeId: 'A',
        markedAt: '2026-11-25T12:00:00.000Z',
        startsAt: '2026-12-03T09:00:00-06:00',
      },
    ]);
    expect(interviewWarnings([scheduled('A', '2026-12-03T09:00:00-06:00', '2026-12-03T18:00:00Z')])).toEqual(
      [],
    );
  });

  it('Given a withdrawn application, Then its slot is free', () => {
    const withdrawn = transition(scheduled('B', '2026-12-03T09:00:00-06:00'), 'withdrawn', { at: AT });
    if (!withdrawn.ok) throw new Error(withdrawn.error.message);
    expect(interviewWarnings([scheduled('A', '2026-12-03T09:00:00-06:00'), withdrawn.value])).toEqual([]);
  });
});
