import { describe, expect, it } from 'vitest';
import { type AdviseeSignals, atRisk } from './at-risk.js';

const onTrack: AdviseeSignals = {
  pMatchNow: 0.81,
  overdueTasks: 1,
  lettersReady: true,
  applicationsOpen: '2026-09-01',
  today: '2026-12-01',
};

describe('the advisor dashboard’s at-risk rule', () => {
  it('leaves an advisee with good odds, few overdue tasks and letters in place alone', () => {
    expect(atRisk(onTrack)).toEqual({ atRisk: false, reasons: [] });
  });

  it('flags P(match) now below 50%, but not 50% itself', () => {
    expect(atRisk({ ...onTrack, pMatchNow: 0.42 })).toEqual({
      atRisk: true,
      reasons: ['P(match) now 42% is below 50%'],
    });
    expect(atRisk({ ...onTrack, pMatchNow: 0.5 }).atRisk).toBe(false);
  });

  it('flags more than 3 overdue tasks, not 3', () => {
    expect(atRisk({ ...onTrack, overdueTasks: 3 }).atRisk).toBe(false);
    expect(atRisk({ ...onTrack, overdueTasks: 4 }).reasons).toEqual(['4 overdue tasks (more than 3)']);
  });

  it('flags missing letters only from 30 days before applications open', () => {
    const short = { ...onTrack, lettersReady: false, applicationsOpen: '2026-09-01' };
    expect(atRisk({ ...short, today: '2026-08-01' }).atRisk).toBe(false);
    expect(atRisk({ ...short, today: '2026-08-02' }).reasons).toEqual([
      'Letters short of the target with applications opening 2026-09-01',
    ]);
    expect(atRisk({ ...short, today: '2026-10-01' }).reasons).toEqual([
      'Letters short of the target after applications opened',
    ]);
  });

  it('judges only what is shared: nothing shared is never at risk, whatever the truth', () => {
    expect(atRisk({ ...onTrack, pMatchNow: null, overdueTasks: null, lettersReady: null }).atRisk).toBe(
      false,
    );
  });
});
