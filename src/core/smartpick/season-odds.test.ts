import { describe, expect, it } from 'vitest';
import { type Application, newApplication, type Stage } from '../season/application.js';
import {
  nowOdds,
  type SeasonProgramInput,
  SILENCE_RULE,
  shareOfInvitationsSent,
  silentInterviewChance,
} from './season-odds.js';

/** Mid-November of a family medicine season; programs named by what happened there. */
const TODAY = '2026-11-15';
const interview = {
  startsAt: '2026-11-03T09:00:00-06:00',
  timeZone: 'America/Chicago',
  mode: 'virtual' as const,
};

function application(acgmeId: string, stage: Stage, changes: Partial<Application> = {}): Application {
  return {
    ...newApplication(acgmeId, new Date('2026-09-01T12:00:00Z')),
    stage,
    appliedOn: stage === 'saved' ? null : '2026-09-24',
    ...changes,
  };
}

/** What SmartPick says of each program: P(interview) and the chance of an interview whose offer reaches you. */
const model = new Map<string, SeasonProgramInput>(
  [
    ['chicago', 0.3, 0.12],
    ['dayton', 0.2, 0.1],
    ['tampa', 0.4, 0.2],
    ['boise', 0.1, 0.03],
  ].map(([acgmeId, interviewChance, reach]) => [
    acgmeId as string,
    { acgmeId: acgmeId as string, interview: interviewChance as number, reach: reach as number },
  ]),
);

const odds = (applications: Application[], rankList?: string[]) =>
  nowOdds({ applications, today: TODAY, chances: model, ...(rankList ? { rankList } : {}) });

describe('P(match) now for a US IMG in mid-November', () => {
  it('counts an interview on record as an interview: what is left is whether its offer reaches you (reach / interview)', () => {
    const now = odds([application('chicago', 'interviewed', { interview })]);
    expect(now?.programs[0]).toMatchObject({ state: 'interview', chance: 0.4, interviewChance: 1 });
    expect(now?.probability).toBeCloseTo(0.4, 12);
    expect(now?.interviews).toBe(1);
  });

  it('treats invited, scheduled, interviewed and ranked alike, and combines programs as 1 − Π(1 − chance)', () => {
    for (const stage of ['interview-invited', 'interview-scheduled', 'ranked'] as const) {
      expect(odds([application('chicago', stage)])?.probability).toBeCloseTo(0.4, 12);
    }
    const now = odds([application('chicago', 'interviewed', { interview }), application('tampa', 'ranked')]);
    expect(now?.probability).toBeCloseTo(1 - 0.6 * 0.5, 12);
  });

  it('drops rejected and withdrawn programs: they add nothing', () => {
    const now = odds([
      application('chicago', 'interviewed', { interview }),
      application('dayton', 'not-matched'),
      application('tampa', 'withdrawn'),
    ]);
    expect(now?.probability).toBeCloseTo(0.4, 12);
    expect(now?.out).toBe(2);
    expect(now?.programs.filter((entry) => entry.state === 'out').map((entry) => entry.chance)).toEqual([
      0, 0,
    ]);
  });

  it('discounts a program silent for 4 weeks by the stated rule: half its invitations are out, so 20% becomes 11.1%', () => {
    const appliedOn = '2026-10-18';
    const now = odds([application('dayton', 'applied', { appliedOn })]);
    const waiting = now?.programs[0];
    expect(waiting?.daysSilent).toBe(28);
    expect(shareOfInvitationsSent(28)).toBeCloseTo(28 / SILENCE_RULE.fullWindowDays, 12);
    const invited = (0.2 * (1 - 0.5)) / (1 - 0.2 * 0.5);
    expect(waiting?.interviewChance).toBeCloseTo(invited, 12);
    expect(waiting?.chance).toBeCloseTo(invited * (0.1 / 0.2), 12);
    expect(now?.waiting).toBe(1);
  });

  it('never discounts past 95% of invitations sent, and not at all on the day of applying', () => {
    expect(shareOfInvitationsSent(0)).toBe(0);
    expect(shareOfInvitationsSent(200)).toBe(SILENCE_RULE.maxShareSent);
    expect(silentInterviewChance(0.3, 0)).toBeCloseTo(0.3, 12);
    const longSilent = odds([application('tampa', 'signaled', { appliedOn: '2026-06-01' })]);
    expect(longSilent?.programs[0]?.interviewChance).toBeCloseTo(silentInterviewChance(0.4, 0.95), 12);
    expect(longSilent?.programs[0]?.interviewChance).toBeGreaterThan(0);
  });

  it('is 1 once matched', () => {
    const now = odds([application('boise', 'matched'), application('dayton', 'not-matched')]);
    expect(now?.probability).toBe(1);
  });

  it('is null before anything is sent: saved programs are not part of "now"', () => {
    expect(odds([])).toBeNull();
    expect(odds([application('chicago', 'saved'), application('tampa', 'saved')])).toBeNull();
  });
});

describe('a season that contradicts itself is reported, program by program, with what the odds assumed', () => {
  it('an interview recorded at a program the applicant withdrew from counts as withdrawn', () => {
    const now = odds([application('tampa', 'withdrawn', { interview })]);
    expect(now?.issues).toEqual([{ acgmeId: 'tampa', reason: expect.stringMatching(/withdr[ae]w/) }]);
    expect(now?.probability).toBe(0);
  });

  it('a rank list naming a program never interviewed adds nothing and says so', () => {
    const now = odds([application('chicago', 'interviewed', { interview })], ['chicago', 'boise']);
    expect(now?.issues).toEqual([
      { acgmeId: 'boise', reason: expect.stringContaining('without an interview') },
    ]);
    expect(now?.probability).toBeCloseTo(0.4, 12);
  });

  it('an application without a date is counted as just sent, and one outside the catalog is left out', () => {
    const now = odds([
      application('dayton', 'applied', { appliedOn: null }),
      application('elsewhere', 'applied'),
    ]);
    expect(now?.programs.find((entry) => entry.acgmeId === 'dayton')?.interviewChance).toBeCloseTo(0.2, 12);
    expect(now?.issues.map((issue) => issue.acgmeId).sort()).toEqual(['dayton', 'elsewhere']);
    expect(now?.assumptions.length).toBeGreaterThan(0);
  });
});
