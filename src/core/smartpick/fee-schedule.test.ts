import { describe, expect, it } from 'vitest';
import { applicationCost, costOfNth, feeScheduleIssues, maxProgramsWithin } from './fee-schedule.js';
import { ERAS_2026_FEE_SCHEDULE, type FeeSchedule } from './model-parameters.js';

describe('ERAS fees for the 2026 season ($11 per program up to 30, $30 from the 31st)', () => {
  it('cost $330 for 30 programs and $720 for 43, as in the AAMC examples', () => {
    expect(applicationCost(30, ERAS_2026_FEE_SCHEDULE)).toBe(330);
    expect(applicationCost(43, ERAS_2026_FEE_SCHEDULE)).toBe(720);
    expect(applicationCost(0, ERAS_2026_FEE_SCHEDULE)).toBe(0);
  });

  it('charge $30 for the 31st program', () => {
    expect(costOfNth(30, ERAS_2026_FEE_SCHEDULE)).toBe(11);
    expect(costOfNth(31, ERAS_2026_FEE_SCHEDULE)).toBe(30);
  });

  it('turn a $1,000 budget into 52 programs ($990)', () => {
    expect(maxProgramsWithin(1000, ERAS_2026_FEE_SCHEDULE)).toBe(52);
    expect(maxProgramsWithin(5, ERAS_2026_FEE_SCHEDULE)).toBe(0);
  });

  it('count a fixed fee once', () => {
    const withToken: FeeSchedule = { ...ERAS_2026_FEE_SCHEDULE, fixedDollars: 100 };
    expect(applicationCost(1, withToken)).toBe(111);
  });

  it('name the problem with a schedule whose tiers do not rise', () => {
    const bad: FeeSchedule = {
      ...ERAS_2026_FEE_SCHEDULE,
      tiers: [
        { upTo: 30, dollarsPerProgram: 11 },
        { upTo: 20, dollarsPerProgram: 30 },
      ],
    };
    const issues = feeScheduleIssues(bad);
    expect(issues.map((issue) => issue.path)).toContain('settings.feeSchedule.tiers.1.upTo');
    expect(feeScheduleIssues(ERAS_2026_FEE_SCHEDULE)).toEqual([]);
  });
});
