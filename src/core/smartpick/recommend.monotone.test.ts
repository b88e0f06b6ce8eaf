import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CENSUS_DIVISIONS, CENSUS_REGIONS } from '../geo/census.js';
import type { ApplicantProfile } from '../profile/applicant-profile.js';
import { recommend } from './recommend.js';
import { REGION_MODES, type RegionMode } from './settings.js';
import { syntheticPrograms } from './synthetic-market.js';
import { MATCH_YEAR, usImgProfile } from './test-support.js';

/**
 * Monotone where it must be (issue 15, item 4): the P(match) My list headlines — that of the list the budget buys —
 * never falls when the applicant improves or may do more: Step 2 CK higher by 1–10 points, more hands-on USCE, one
 * more signal, one more program in the budget. Checked for every region mode with the default fit tolerance 0, over
 * random applicants and random synthetic catalogs. fast-check prints the seed and the counterexample on failure.
 */
const TOLERANCE = 1e-9;

const applicantArbitrary = fc.record({
  applicantType: fc.constantFrom(
    'us-md' as const,
    'us-do' as const,
    'us-img' as const,
    'non-us-img' as const,
  ),
  visa: fc.constantFrom('none' as const, 'j1' as const, 'h1b' as const),
  step2ck: fc.integer({ min: 200, max: 270 }),
  handsOn: fc.integer({ min: 0, max: 12 }),
  observership: fc.integer({ min: 0, max: 4 }),
  usLetters: fc.integer({ min: 0, max: 3 }),
  inSpecialty: fc.integer({ min: 0, max: 3 }),
  graduationYear: fc.integer({ min: 2015, max: MATCH_YEAR }),
  step1Attempts: fc.integer({ min: 1, max: 2 }),
  preferredStates: fc.subarray(['FL', 'OH', 'NY', 'CA', 'TX', 'MI', 'PA']),
  preferredDivisions: fc.subarray([...CENSUS_DIVISIONS], { maxLength: 2 }),
  preferredRegions: fc.subarray([...CENSUS_REGIONS], { maxLength: 2 }),
  tiesStates: fc.subarray(['FL', 'OH', 'IL', 'GA']),
});

type ApplicantDraw = typeof applicantArbitrary extends fc.Arbitrary<infer T> ? T : never;

const situationArbitrary = fc.record({
  applicant: applicantArbitrary,
  catalog: fc.record({
    count: fc.integer({ min: 40, max: 150 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    knownRate: fc.constantFrom(0, 0.3, 0.7, 1),
  }),
  budget: fc.integer({ min: 1, max: 60 }),
  signals: fc.integer({ min: 0, max: 6 }),
});

type Situation = typeof situationArbitrary extends fc.Arbitrary<infer T> ? T : never;

function profileOf(draw: ApplicantDraw): ApplicantProfile {
  const base = usImgProfile();
  return {
    ...base,
    applicantType: draw.applicantType,
    visaNeed: draw.applicantType === 'non-us-img' ? draw.visa : 'none',
    graduationYear: draw.graduationYear,
    exams: { ...base.exams, step2ck: draw.step2ck, step1Attempts: draw.step1Attempts },
    usce: { handsOnMonths: draw.handsOn, observershipMonths: draw.observership, researchMonths: 0 },
    letters: { total: 3, us: draw.usLetters, inSpecialty: Math.min(draw.inSpecialty, draw.usLetters) },
    geography: {
      preferredStates: draw.preferredStates,
      preferredDivisions: draw.preferredDivisions,
      preferredRegions: draw.preferredRegions,
      tiesStates: draw.tiesStates,
      excludedStates: [],
    },
  };
}

const catalogs = new Map<string, ReturnType<typeof syntheticPrograms>>();
function catalogOf(situation: Situation) {
  const key = JSON.stringify(situation.catalog);
  let programs = catalogs.get(key);
  if (programs === undefined) {
    programs = syntheticPrograms(situation.catalog);
    catalogs.set(key, programs);
  }
  return programs;
}

function headline(
  situation: Situation,
  regionMode: RegionMode,
  change: { profile?: ApplicantProfile; budget?: number; signals?: number } = {},
): number {
  const result = recommend({
    profile: change.profile ?? profileOf(situation.applicant),
    programs: catalogOf(situation),
    settings: {
      matchYear: MATCH_YEAR,
      budget: { kind: 'programs', programs: change.budget ?? situation.budget },
      signals: change.signals ?? situation.signals,
      regionMode,
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.pMatch.probability;
}

/** For every region mode: the improved situation's headline is at least the original's. */
function neverFalls(
  situation: Situation,
  improve: (situation: Situation) => { profile?: ApplicantProfile; budget?: number; signals?: number },
): boolean {
  for (const mode of REGION_MODES) {
    const before = headline(situation, mode);
    const after = headline(situation, mode, improve(situation));
    if (after < before - TOLERANCE) {
      throw new Error(`regionMode ${mode}: P(match) fell from ${before} to ${after}`);
    }
  }
  return true;
}

const RUNS = 120;

describe('the headline P(match) never falls when the applicant improves (every region mode, fit tolerance 0)', () => {
  it('Step 2 CK 1–10 points higher', () => {
    fc.assert(
      fc.property(situationArbitrary, fc.integer({ min: 1, max: 10 }), (situation, rise) =>
        neverFalls(situation, (s) => {
          const profile = profileOf(s.applicant);
          return {
            profile: { ...profile, exams: { ...profile.exams, step2ck: s.applicant.step2ck + rise } },
          };
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('more months of hands-on USCE', () => {
    fc.assert(
      fc.property(situationArbitrary, fc.integer({ min: 1, max: 6 }), (situation, more) =>
        neverFalls(situation, (s) => {
          const profile = profileOf(s.applicant);
          return {
            profile: { ...profile, usce: { ...profile.usce, handsOnMonths: s.applicant.handsOn + more } },
          };
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('one more signal allowed', () => {
    fc.assert(
      fc.property(situationArbitrary, (situation) =>
        neverFalls(situation, (s) => ({ signals: s.signals + 1 })),
      ),
      { numRuns: RUNS },
    );
  });

  it('one more program in the budget', () => {
    fc.assert(
      fc.property(situationArbitrary, (situation) =>
        neverFalls(situation, (s) => ({ budget: s.budget + 1 })),
      ),
      { numRuns: RUNS },
    );
  });
});
