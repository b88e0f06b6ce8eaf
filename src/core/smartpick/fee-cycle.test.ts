import { describe, expect, it } from 'vitest';
import { erasSeasonOf, feeCycleLabel } from './fee-cycle.js';
import { ERAS_2026_FEE_SCHEDULE } from './model-parameters.js';

describe('fees labelled by the applicant’s cycle', () => {
  it('reads the season the built-in schedule is for', () => {
    expect(erasSeasonOf(ERAS_2026_FEE_SCHEDULE)).toBe(2026);
    expect(erasSeasonOf({ ...ERAS_2026_FEE_SCHEDULE, asOf: 'my notes' })).toBeNull();
  });

  it('Given an applicant in Match 2027, Then the label names Match 2027 and says the fees are 2026’s', () => {
    const label = feeCycleLabel(ERAS_2026_FEE_SCHEDULE, 2027);
    expect(label).toMatch(/^Match 2027 \(ERAS 2027 season, from June 2026\)/);
    expect(label).toContain('the 2026 season’s fees');
    expect(label).toContain('check the AAMC’s fees for 2027');
  });

  it('Given an applicant in Match 2026, Then the schedule is this season’s', () => {
    expect(feeCycleLabel(ERAS_2026_FEE_SCHEDULE, 2026)).toBe(
      'Match 2026 (ERAS 2026 season, from June 2025): the AAMC’s fees for this season',
    );
  });

  it('Given a schedule the user wrote, Then it is theirs, labelled with their cycle', () => {
    expect(feeCycleLabel({ ...ERAS_2026_FEE_SCHEDULE, asOf: 'edited' }, 2027)).toBe(
      'Match 2027 (ERAS 2027 season, from June 2026): your own schedule',
    );
  });
});
