import { z } from 'zod';
import { SPECIALTY_IDS } from '../catalog/specialty.js';
import { CENSUS_DIVISIONS, CENSUS_REGIONS, isStateCode } from '../geo/census.js';
import { storableText } from '../shared/storable-text.js';

export const APPLICANT_TYPES = ['us-md', 'us-do', 'us-img', 'non-us-img'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  'us-md': 'U.S. MD',
  'us-do': 'U.S. DO',
  'us-img': 'U.S.-citizen IMG',
  'non-us-img': 'Non-U.S. IMG',
};

export const VISA_NEEDS = ['none', 'j1', 'h1b'] as const;
export type VisaNeed = (typeof VISA_NEEDS)[number];

const stateCode = storableText().refine(isStateCode, 'Unknown U.S. state');
const months = z.number().min(0, 'Cannot be negative').max(120, 'At most 120 months');
const count = (max: number) =>
  z.number().int('Whole number').min(0, 'Cannot be negative').max(max, `At most ${max}`);
const attempts = z.number().int('Whole number').min(1, 'At least 1 (the attempt that counted)').max(10);

/** USMLE three-digit scores run 1–300 (USMLE score reports). */
const usmleScore = z
  .number({ message: 'Enter a number' })
  .int('Whole number')
  .min(1, 'USMLE scores run from 1 to 300')
  .max(300, 'USMLE scores run from 1 to 300');

/** Step 1 became pass/fail in January 2022; earlier takers have a three-digit score. */
export const step1Schema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pass-fail'), passed: z.boolean() }),
  z.object({ kind: z.literal('scored'), score: usmleScore }),
]);

/** COMLEX-USA Level 2-CE three-digit scores run 9–999 (NBOME). Level 1 is pass/fail since May 2022. */
const comlexScore = z
  .number()
  .int('Whole number')
  .min(9, 'COMLEX scores run from 9 to 999')
  .max(999, 'COMLEX scores run from 9 to 999');

export const examsSchema = z.object({
  step1: step1Schema.nullable(),
  step2ck: usmleScore.nullable(),
  comlexLevel1Passed: z.boolean().nullable(),
  comlexLevel2: comlexScore.nullable(),
  /** Attempts it took to pass each exam; 1 means first-time pass. */
  step1Attempts: attempts,
  step2ckAttempts: attempts,
  comlexAttempts: attempts,
});

export const PROGRAM_TYPE_PREFERENCES = ['any', 'university', 'community-university', 'community'] as const;
export const SIZE_PREFERENCES = ['any', 'small', 'medium', 'large'] as const;
export const RURAL_PREFERENCES = ['any', 'prefer', 'avoid'] as const;

export const budgetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('programs'),
    programs: z.number().int().min(1, 'At least 1 program').max(1000),
  }),
  z.object({ kind: z.literal('dollars'), dollars: z.number().min(1, 'At least $1').max(100_000) }),
]);

export const applicantProfileSchema = z.object({
  name: storableText().trim().max(120).default(''),
  applicantType: z.enum(APPLICANT_TYPES, { message: 'Choose your applicant type' }),
  visaNeed: z.enum(VISA_NEEDS),
  targetSpecialty: z.enum(SPECIALTY_IDS),
  exams: examsSchema,
  graduationYear: z
    .number({ message: 'Enter a year' })
    .int('Whole number')
    .min(1960, 'Year looks too early')
    .max(2035, 'Year looks too late'),
  usce: z.object({ handsOnMonths: months, observershipMonths: months, researchMonths: months }),
  research: z.object({ experiences: count(200), publications: count(500), presentations: count(500) }),
  letters: z.object({
    total: count(20),
    /** Letters written by physicians practising in the U.S. */
    us: count(20),
    /** Letters from physicians in the target specialty. */
    inSpecialty: count(20),
  }),
  languages: z.array(storableText().trim().min(1).max(60)).max(30),
  geography: z.object({
    preferredStates: z.array(stateCode),
    preferredDivisions: z.array(z.enum(CENSUS_DIVISIONS)),
    /** Census regions (Northeast, Midwest, South, West): a coarser way to say where you want to live. */
    preferredRegions: z.array(z.enum(CENSUS_REGIONS)).optional(),
    /** States where the applicant has ties (grew up, studied, family, worked). */
    tiesStates: z.array(stateCode),
    /** States the applicant will not apply to. */
    excludedStates: z.array(stateCode),
  }),
  programPreferences: z.object({
    type: z.enum(PROGRAM_TYPE_PREFERENCES),
    size: z.enum(SIZE_PREFERENCES),
    rural: z.enum(RURAL_PREFERENCES),
  }),
  budget: budgetSchema,
});

export type ApplicantProfile = z.infer<typeof applicantProfileSchema>;
export type ApplicantProfileInput = z.input<typeof applicantProfileSchema>;

/** A profile to start the form from: every number a neutral value the applicant is asked to change. */
export function emptyProfile(): ApplicantProfile {
  return {
    name: '',
    applicantType: 'us-img',
    visaNeed: 'none',
    targetSpecialty: 'family-medicine',
    exams: {
      step1: { kind: 'pass-fail', passed: true },
      step2ck: null,
      comlexLevel1Passed: null,
      comlexLevel2: null,
      step1Attempts: 1,
      step2ckAttempts: 1,
      comlexAttempts: 1,
    },
    graduationYear: new Date().getUTCFullYear(),
    usce: { handsOnMonths: 0, observershipMonths: 0, researchMonths: 0 },
    research: { experiences: 0, publications: 0, presentations: 0 },
    letters: { total: 0, us: 0, inSpecialty: 0 },
    languages: ['English'],
    geography: {
      preferredStates: [],
      preferredDivisions: [],
      preferredRegions: [],
      tiesStates: [],
      excludedStates: [],
    },
    programPreferences: { type: 'any', size: 'any', rural: 'any' },
    budget: { kind: 'programs', programs: 40 },
  };
}
