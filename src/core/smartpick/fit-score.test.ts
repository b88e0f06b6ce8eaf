import { describe, expect, it } from 'vitest';
import { fitScore } from './fit-score.js';
import { fact, features, program, usImgProfile } from './test-support.js';

describe('fit for a US IMG who prefers Florida, small rural community programs', () => {
  const applicant = features(
    usImgProfile({ programPreferences: { type: 'community', size: 'small', rural: 'prefer' } }),
  );

  it('is highest for a small rural community program in Florida that they starred 5', () => {
    const ideal = fitScore({
      applicant,
      program: program(1, { rural: fact(true) }, { state: 'FL', positions: 4, programType: 'community' }),
      stars: 5,
    });
    expect(ideal.score).toBeCloseTo(1, 9);
  });

  it('is lower for a large university program in Ohio, and neutral where a fact is unknown', () => {
    const poor = fitScore({
      applicant,
      program: program(2, { rural: fact(false) }, { state: 'OH', positions: 14, programType: 'university' }),
      stars: 0,
    });
    expect(poor.score).toBeCloseTo(0, 9);
    const unknown = fitScore({
      applicant,
      program: program(3, {}, { state: 'GA', positions: null, programType: null }),
    });
    expect(unknown.rural).toBe(0.5);
    expect(unknown.size).toBe(0.5);
    expect(unknown.geography).toBe(0.75);
  });
});
