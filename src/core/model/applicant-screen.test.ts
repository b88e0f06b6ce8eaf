import { describe, expect, it } from 'vitest';
import type { ApplicantProfile } from '../profile/applicant-profile.js';
import { estimateInterview } from '../smartpick/interview-model.js';
import { DEFAULT_PARAMETERS } from '../smartpick/model-parameters.js';
import { fact, features, program, usImgProfile } from '../smartpick/test-support.js';
import { applicantScreen, comlexToStep2 } from './applicant-screen.js';

/** A DO senior graduating this year, with the scores given (a DO is compared on what they entered). */
function doSenior(scores: { step2ck: number | null; comlexLevel2: number | null }): ApplicantProfile {
  const base = usImgProfile();
  return {
    ...base,
    applicantType: 'us-do',
    graduationYear: 2027,
    exams: { ...base.exams, ...scores },
    letters: { total: 3, us: 3, inSpecialty: 2 },
  };
}

const screenOf = (profile: ApplicantProfile) => applicantScreen(features(profile), DEFAULT_PARAMETERS);
const chanceAt = (profile: ApplicantProfile, typical: number) =>
  estimateInterview({
    applicant: features(profile),
    program: program(typical, { typicalStep2Score: fact(typical) }),
  }).probability;

describe('a DO who entered COMLEX Level 2 only', () => {
  const comlex600 = doSenior({ step2ck: null, comlexLevel2: 600 });

  it('is screened on the Step 2 CK at the same national percentile, read with some doubt', () => {
    const screen = screenOf(comlex600);
    expect(screen.score).toBeCloseTo(comlexToStep2(600, DEFAULT_PARAMETERS), 12);
    expect(screen.scoreSd).toBe(DEFAULT_PARAMETERS.interview.step2.comlexOnlySd);
  });

  it('has a different P(interview) at programs with different typical scores', () => {
    const atEasy = chanceAt(comlex600, 225);
    const atHard = chanceAt(comlex600, 255);
    expect(atEasy).toBeGreaterThan(atHard + 0.05);
  });

  it('with COMLEX 650 stands above a DO with COMLEX 450, at every program', () => {
    const strong = doSenior({ step2ck: null, comlexLevel2: 650 });
    const weak = doSenior({ step2ck: null, comlexLevel2: 450 });
    expect(screenOf(strong).score).toBeGreaterThan(screenOf(weak).score);
    for (const typical of [225, 240, 255]) {
      expect(chanceAt(strong, typical)).toBeGreaterThan(chanceAt(weak, typical));
    }
  });
});

describe('a DO who entered Step 2 CK 235', () => {
  it('is screened on Step 2 CK, whatever COMLEX says', () => {
    for (const comlexLevel2 of [null, 450, 700]) {
      const screen = screenOf(doSenior({ step2ck: 235, comlexLevel2 }));
      expect(screen.score).toBe(235);
      expect(screen.scoreSd).toBe(0);
    }
    expect(chanceAt(doSenior({ step2ck: 235, comlexLevel2: 700 }), 240)).toBeCloseTo(
      chanceAt(doSenior({ step2ck: 235, comlexLevel2: null }), 240),
      12,
    );
  });

  it('does not score above a DO with Step 2 CK 250 because they also entered a high COMLEX', () => {
    const with235 = doSenior({ step2ck: 235, comlexLevel2: 700 });
    const with250 = doSenior({ step2ck: 250, comlexLevel2: null });
    expect(chanceAt(with250, 240)).toBeGreaterThan(chanceAt(with235, 240));
  });
});

describe('an applicant with no Step 2 CK and no COMLEX', () => {
  it('is screened without a score, lower than with an average one', () => {
    const none = doSenior({ step2ck: null, comlexLevel2: null });
    expect(Number.isNaN(screenOf(none).score)).toBe(true);
    expect(chanceAt(none, 240)).toBeLessThan(chanceAt(doSenior({ step2ck: 240, comlexLevel2: null }), 240));
  });
});
