import { describe, expect, it } from 'vitest';
import { type Application, applicationSchema, newApplication } from './application.js';
import { pipelineTotals, transition } from './pipeline.js';

// A fixed clock: the applicant saves programs the day MyERAS opens and applies in September.
const JUNE = new Date('2026-06-03T12:00:00Z');
const SEPT = new Date('2026-09-03T14:00:00Z');
const OCT = new Date('2026-10-20T15:00:00Z');
const DEC = new Date('2026-12-03T22:00:00Z');
const FEB = new Date('2027-02-20T18:00:00Z');
const MARCH = new Date('2027-03-19T16:00:00Z');

const chicagoInterview = {
  startsAt: '2026-12-03T09:00:00-06:00',
  timeZone: 'America/Chicago',
  mode: 'virtual',
} as const;

function must(result: ReturnType<typeof transition>): Application {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('moving an application through the season', () => {
  it('takes a family medicine program in Illinois from saved to matched', () => {
    let app = newApplication('1201600001', JUNE);
    app = must(transition(app, 'signaled', { at: SEPT, details: { feeDollars: 35 } }));
    expect(app).toMatchObject({ appliedOn: '2026-09-03', signaled: true, feeDollars: 35 });
    app = must(
      transition(app, 'interview-invited', { at: OCT, details: { responseDeadline: '2026-10-27' } }),
    );
    expect(app).toMatchObject({ invitedOn: '2026-10-20', responseDeadline: '2026-10-27' });
    app = must(transition(app, 'interview-scheduled', { at: OCT, details: { interview: chicagoInterview } }));
    app = must(
      transition(app, 'interviewed', {
        at: DEC,
        details: {
          impressions: { ratings: { residents: 5, curriculum: 4 }, notes: 'Strong OB, friendly PD' },
        },
      }),
    );
    app = must(transition(app, 'ranked', { at: FEB }));
    app = must(transition(app, 'matched', { at: MARCH }));
    expect(app.history.map((change) => change.stage)).toEqual([
      'saved',
      'signaled',
      'interview-invited',
      'interview-scheduled',
      'interviewed',
      'ranked',
      'matched',
    ]);
    expect(applicationSchema.safeParse(app).success).toBe(true);
  });

  it('lets an invitation arrive already scheduled, recording the invitation that day', () => {
    const applied = must(transition(newApplication('1201600002', JUNE), 'applied', { at: SEPT }));
    const scheduled = must(
      transition(applied, 'interview-scheduled', { at: OCT, details: { interview: chicagoInterview } }),
    );
    expect(scheduled.invitedOn).toBe('2026-10-20');
  });

  it('withdraws from any open stage, and nothing moves after that', () => {
    const applied = must(transition(newApplication('1201600003', JUNE), 'applied', { at: SEPT }));
    const withdrawn = must(transition(applied, 'withdrawn', { at: OCT }));
    expect(withdrawn.stage).toBe('withdrawn');
    const again = transition(withdrawn, 'interview-invited', { at: OCT });
    expect(again).toEqual({
      ok: false,
      error: {
        message: 'Cannot move a withdrawn application; it is closed',
        from: 'withdrawn',
        to: 'interview-invited',
      },
    });
  });
});

describe('illegal moves are rejected with a clear message', () => {
  const saved = newApplication('1201600004', JUNE);
  const applied = must(transition(saved, 'applied', { at: SEPT }));
  const invited = must(transition(applied, 'interview-invited', { at: OCT }));

  it.each([
    [saved, 'interview-invited', 'Cannot mark interview invited before applying'],
    [invited, 'interviewed', 'Cannot mark interviewed before an interview is scheduled'],
    [invited, 'interview-scheduled', 'A scheduled interview needs a date/time and time zone'],
    [invited, 'ranked', 'Cannot rank a program before interviewing there'],
    [invited, 'matched', 'Cannot record an outcome for a program that is not on the rank list'],
    [invited, 'applied', 'Cannot move back from interview invited to applied'],
    [applied, 'applied', 'Already applied'],
  ] as const)('from %# (%s → %s)', (app, to, message) => {
    const result = transition(app, to, { at: OCT });
    expect(result.ok ? null : result.error.message).toBe(message);
  });

  it('names the field when a scheduled interview has an unknown time zone', () => {
    const result = transition(invited, 'interview-scheduled', {
      at: OCT,
      details: { interview: { ...chicagoInterview, timeZone: 'Central Time' } },
    });
    expect(result.ok ? null : result.error.message).toBe(
      'interview.timeZone: Use a time zone like America/Chicago',
    );
  });

  it('rejects a rating outside 1 to 5', () => {
    const scheduled = must(
      transition(invited, 'interview-scheduled', { at: OCT, details: { interview: chicagoInterview } }),
    );
    const result = transition(scheduled, 'interviewed', {
      at: DEC,
      details: { impressions: { ratings: { residents: 6 }, notes: '' } },
    });
    expect(result.ok ? null : result.error.message).toBe('impressions.ratings.residents: To 5');
  });
});

describe('season totals', () => {
  it('counts 3 programs: one saved, one applied then withdrawn, one interviewed; $70 of a $60 budget', () => {
    const saved = newApplication('1201600005', JUNE);
    const withdrawn = must(
      transition(
        must(
          transition(newApplication('1201600006', JUNE), 'applied', {
            at: SEPT,
            details: { feeDollars: 35 },
          }),
        ),
        'withdrawn',
        { at: OCT },
      ),
    );
    let interviewed = must(
      transition(newApplication('1201600007', JUNE), 'applied', { at: SEPT, details: { feeDollars: 35 } }),
    );
    interviewed = must(
      transition(interviewed, 'interview-scheduled', { at: OCT, details: { interview: chicagoInterview } }),
    );
    interviewed = must(transition(interviewed, 'interviewed', { at: DEC }));

    const totals = pipelineTotals([saved, withdrawn, interviewed], 60);
    expect(totals).toMatchObject({
      applications: 2,
      invites: 1,
      interviews: 1,
      spentDollars: 70,
      budget: { budgetDollars: 60, remainingDollars: -10, overBudget: true },
    });
    expect(totals.byStage).toMatchObject({ saved: 1, withdrawn: 1, interviewed: 1, applied: 0 });
  });

  it('has no budget line when no budget is set', () => {
    expect(pipelineTotals([]).budget).toBeNull();
  });
});
