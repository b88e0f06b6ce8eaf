import { describe, expect, it } from 'vitest';
import { explainProgram } from './explain-program.js';
import { fact, MATCH_YEAR, program, usImgProfile } from './test-support.js';

describe('explaining one program on demand', () => {
  it('tells a US IMG with Step 2 CK 235 why a Florida program with 60% IMGs is worth applying to', () => {
    const explanation = explainProgram({
      profile: usImgProfile(),
      program: program(1, { imgShare: fact(0.6) }, { state: 'FL' }),
      matchYear: MATCH_YEAR,
      connections: { rotated: true, letterWriter: false, contact: false },
    });
    expect(explanation.filters.excluded).toBe(false);
    const helping = explanation.interview.contributions
      .filter((entry) => entry.logOdds > 0)
      .map((entry) => entry.factor);
    expect(helping).toEqual(expect.arrayContaining(['img-share', 'geographic-ties', 'rotated-here']));
    expect(explanation.tier).toBe('likely');
  });
});
