import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApplicantProfile, ApplicantType } from '../profile/applicant-profile.js';
import {
  applicantTerms,
  chancesOf,
  createInterviewWork,
  emptyChances,
  rangeOf,
  scoreInterview,
} from '../smartpick/interview-model.js';
import { DEFAULT_PARAMETERS } from '../smartpick/model-parameters.js';
import { sigmoid } from '../smartpick/probability.js';
import { seededRandom, syntheticPrograms } from '../smartpick/synthetic-market.js';
import { features, usImgProfile } from '../smartpick/test-support.js';
import { NO_CONNECTIONS } from '../smartpick/types.js';
import type { OpenPlaceCoefficients, ReachCoefficientRow, ReachCoefficients } from './offer-reach.js';
import { PROGRAM_PRIORS, type ProgramPriors } from './program-priors.js';
import type { ApplicantScreen } from './screening.js';
import { referenceChances, referenceRule } from './testing/quadrature-reference.js';
import {
  type KnownPart,
  type ProgramChances,
  programChances,
  QUADRATURE_POINTS,
  quadratureRule,
  type UnknownPattern,
} from './unknown-facts.js';

/**
 * Issue 15 item 10: the fast quadrature (unknown-facts.ts) gives what the plain one gives
 * (testing/quadrature-reference.ts) to the last bit, for any reach coefficients, priors, applicant, pattern of
 * unknown facts and known part — so speed never moves an odd. To the bit, not within 1e-12: the optimizer decides
 * exact ties between programs (a catalog with no facts known is full of them) by the last bit of its sums, so a
 * change there can move a signal from one of two identical programs to the other.
 */
function expectSameChances(fast: ProgramChances, plain: ProgramChances, context: string): void {
  for (const key of ['interview', 'interviewSignal', 'reach', 'reachSignal'] as const) {
    if (fast[key] !== plain[key]) throw new Error(`${key}: ${fast[key]} vs ${plain[key]} at ${context}`);
  }
}

// Every coefficient of the reach model, so a term the fast path drops or misplaces shows (and typecheck fails here
// when the model gains a term: add it).
const coefficient = fc.double({ min: -2, max: 2, noNaN: true });
const ROW_KEYS = {
  intercept: coefficient,
  logOdds: coefficient,
  logOddsSquared: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
  logOddsHouse: coefficient,
  houseSquared: coefficient,
  logOddsImg: coefficient,
  imgSquared: coefficient,
  house: coefficient,
  imgEffect: coefficient,
  leaning: coefficient,
  leaningSquared: coefficient,
  logOddsLeaning: coefficient,
  houseLeaning: coefficient,
  logOddsHouseSquared: coefficient,
  weakTail: coefficient,
  typical: coefficient,
  capacity: coefficient,
  logCapacity: coefficient,
} satisfies Record<keyof ReachCoefficientRow, fc.Arbitrary<number>>;
const OPEN_KEYS = {
  intercept: coefficient,
  house: coefficient,
  houseSquared: coefficient,
  imgEffect: coefficient,
  imgSquared: coefficient,
  typical: coefficient,
  capacity: coefficient,
  logCapacity: coefficient,
  yearsLeaning: coefficient,
  attemptsLeaning: coefficient,
  usceLeaning: coefficient,
} satisfies Record<keyof OpenPlaceCoefficients, fc.Arbitrary<number>>;
const TYPES: ApplicantType[] = ['us-md', 'us-do', 'us-img', 'non-us-img'];

const reachArbitrary: fc.Arbitrary<ReachCoefficients> = fc.record({
  ranked: fc.double({ min: 0.5, max: 1, noNaN: true }),
  open: fc.record(OPEN_KEYS),
  above: fc.record({
    'us-md': fc.record(ROW_KEYS),
    'us-do': fc.record(ROW_KEYS),
    'us-img': fc.record(ROW_KEYS),
    'non-us-img': fc.record(ROW_KEYS),
  }),
});

const sd = (max: number) => fc.double({ min: 0, max, noNaN: true });
const positive = fc.double({ min: 0.01, max: 10, noNaN: true });
const priorsArbitrary: fc.Arbitrary<ProgramPriors> = fc
  .record({
    houseSd: sd(1.5),
    yearsLeaningSd: sd(1.5),
    attemptsLeaningSd: sd(1.5),
    usceLeaningSd: sd(1.5),
    typicalStep2Mean: fc.double({ min: 220, max: 255, noNaN: true }),
    typicalStep2Sd: sd(15),
    noImgsWhenShareBelow: fc.double({ min: 0, max: 0.2, noNaN: true }),
    noImgsChance: fc.double({ min: 0, max: 1, noNaN: true }),
    mixtureWeights: fc.array(positive, { minLength: 3, maxLength: 3 }),
    sizeWeights: fc.array(positive, {
      minLength: PROGRAM_PRIORS.sizes.values.length,
      maxLength: PROGRAM_PRIORS.sizes.values.length,
    }),
  })
  .map(({ mixtureWeights, sizeWeights, ...drawn }) => ({
    ...PROGRAM_PRIORS,
    ...drawn,
    imgShareMixture: PROGRAM_PRIORS.imgShareMixture.map((piece, i) => ({
      ...piece,
      weight: mixtureWeights[i] as number,
    })),
    sizes: { values: PROGRAM_PRIORS.sizes.values, weights: sizeWeights },
  }));

const chance = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));
const patternArbitrary: fc.Arbitrary<UnknownPattern> = fc.record({
  typicalScore: fc.boolean(),
  imgShare: fc.boolean(),
  acceptsImgsChance: fc.oneof(fc.constant(null), chance),
  sponsorsChance: chance,
  positions: fc.boolean(),
  leansYears: fc.boolean(),
  leansAttempts: fc.boolean(),
  leansUsce: fc.boolean(),
});

const screenArbitrary: fc.Arbitrary<ApplicantScreen> = fc.record({
  type: fc.constantFrom(...TYPES),
  base: fc.constant(0),
  score: fc.oneof(fc.constant(Number.NaN), fc.double({ min: 190, max: 280, noNaN: true })),
  scoreSd: fc.oneof(fc.constant(0), sd(20)),
  isImg: fc.boolean(),
  visa: fc.constantFrom(0 as const, 1 as const, 2 as const),
  leansYears: fc.boolean(),
  leansAttempts: fc.boolean(),
  leansUsce: fc.boolean(),
});

const knownArbitrary: fc.Arbitrary<KnownPart> = fc.record({
  mu: fc.double({ min: -12, max: 8, noNaN: true }),
  muQ: fc.double({ min: -6, max: 6, noNaN: true }),
  muO: fc.double({ min: -10, max: 4, noNaN: true }),
  knownImgEffect: fc.oneof(fc.constant(0), fc.double({ min: -2, max: 2, noNaN: true })),
});

describe('the fast quadrature over unknown facts gives what the plain one gives, to the bit', () => {
  it('for any reach coefficients, priors, applicant, pattern, number of points and known part', () => {
    fc.assert(
      fc.property(
        reachArbitrary,
        priorsArbitrary,
        screenArbitrary,
        patternArbitrary,
        fc.oneof(fc.constant(QUADRATURE_POINTS), fc.integer({ min: 2, max: 400 })),
        fc.array(knownArbitrary, { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (reach, priors, screen, pattern, points, knowns, signal) => {
          const fast = quadratureRule(screen, pattern, DEFAULT_PARAMETERS, priors, reach, points);
          const plain = referenceRule(screen, pattern, DEFAULT_PARAMETERS, priors, reach, points);
          expect(fast.mass).toBe(plain.mass);
          expect(fast.low).toBe(plain.low);
          expect(fast.high).toBe(plain.high);
          const out = emptyChances();
          for (const known of knowns) {
            programChances(fast, known, signal, out);
            expectSameChances(
              out,
              referenceChances(plain, reach.above[screen.type], known, signal),
              JSON.stringify(known),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  const applicants: [string, ApplicantProfile][] = [
    ['a US IMG with Step 2 CK 235 and 3 months of USCE', usImgProfile()],
    [
      'a non-U.S. IMG needing a J-1, graduated 2016, one failed Step 1, 1 month of USCE',
      usImgProfile({
        applicantType: 'non-us-img',
        visaNeed: 'j1',
        graduationYear: 2016,
        exams: { ...usImgProfile().exams, step2ck: 228, step1Attempts: 2 },
        usce: { handsOnMonths: 1, observershipMonths: 2, researchMonths: 0 },
      }),
    ],
    [
      'a non-U.S. IMG needing an H-1B with no Step 2 CK',
      usImgProfile({
        applicantType: 'non-us-img',
        visaNeed: 'h1b',
        exams: { ...usImgProfile().exams, step2ck: null },
      }),
    ],
    [
      'a DO with COMLEX Level 2 only',
      usImgProfile({
        applicantType: 'us-do',
        graduationYear: 2027,
        exams: { ...usImgProfile().exams, step2ck: null, comlexLevel2: 560 },
      }),
    ],
    [
      'a U.S. MD senior with Step 2 CK 250',
      usImgProfile({
        applicantType: 'us-md',
        graduationYear: 2027,
        exams: { ...usImgProfile().exams, step2ck: 250 },
      }),
    ],
  ];

  for (const [name, profile] of applicants) {
    it(`through SmartPick's hot path (scoreInterview, chancesOf, rangeOf) for ${name} on partly known catalogs`, () => {
      const applicant = features(profile);
      for (const seed of [1, 2]) {
        const reach = fc.sample(reachArbitrary, {
          seed,
          numRuns: 1,
        })[0] as ReachCoefficients;
        const terms = applicantTerms(applicant, DEFAULT_PARAMETERS, reach);
        const work = createInterviewWork();
        const out = emptyChances();
        const knownRate = seededRandom(seed)();
        const programs = syntheticPrograms({
          count: 400,
          seed: 100 + seed,
          knownRate,
        });
        for (const program of programs) {
          scoreInterview(applicant, terms, program, NO_CONNECTIONS, DEFAULT_PARAMETERS, work);
          const rule = chancesOf(terms, DEFAULT_PARAMETERS, work, out);
          const plain = referenceRule(
            terms.screen,
            work.pattern,
            DEFAULT_PARAMETERS,
            PROGRAM_PRIORS,
            reach,
            QUADRATURE_POINTS,
          );
          const signal = DEFAULT_PARAMETERS.interview.signal;
          expectSameChances(
            out,
            referenceChances(plain, reach.above[applicant.applicantType], work, signal),
            program.acgmeId,
          );
          expect(rangeOf(rule, work.mu)).toEqual([
            sigmoid(work.mu + plain.low),
            sigmoid(work.mu + plain.high),
          ]);
        }
      }
    });
  }
});
