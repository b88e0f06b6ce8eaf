import type { Program, ProgramFacts } from '../catalog/program.js';
import { divisionOf } from '../geo/census.js';
import { type ApplicantProfile, emptyProfile } from '../profile/applicant-profile.js';
import { type ApplicantFeatures, applicantFeatures } from './applicant-features.js';
import { DEFAULT_PARAMETERS } from './model-parameters.js';

/** Domain examples shared by the SmartPick tests: people and programs a reader can picture. */

export const MATCH_YEAR = 2027;

/** A U.S.-citizen IMG, graduated 2025, Step 2 CK 235, 3 months hands-on USCE, 2 U.S. letters in FM, ties to Florida. */
export function usImgProfile(overrides: Partial<ApplicantProfile> = {}): ApplicantProfile {
  const base = emptyProfile();
  return {
    ...base,
    name: 'Dr. Rivera',
    applicantType: 'us-img',
    visaNeed: 'none',
    graduationYear: 2025,
    exams: { ...base.exams, step2ck: 235 },
    usce: { handsOnMonths: 3, observershipMonths: 0, researchMonths: 0 },
    letters: { total: 3, us: 2, inSpecialty: 2 },
    geography: {
      preferredStates: ['FL'],
      preferredDivisions: ['South Atlantic'],
      tiesStates: ['FL'],
      excludedStates: [],
    },
    budget: { kind: 'programs', programs: 60 },
    ...overrides,
  };
}

export function withStep2(profile: ApplicantProfile, step2ck: number | null): ApplicantProfile {
  return { ...profile, exams: { ...profile.exams, step2ck } };
}

export function features(profile: ApplicantProfile): ApplicantFeatures {
  return applicantFeatures({ profile, matchYear: MATCH_YEAR, parameters: DEFAULT_PARAMETERS });
}

export const fact = <T>(value: T) => ({ value, source: 'program website', asOf: '2026-08-01' });

/** A community family medicine program in the given state with the facts given (others unknown). */
export function program(id: number, facts: ProgramFacts = {}, overrides: Partial<Program> = {}): Program {
  const state = overrides.state ?? 'OH';
  return {
    acgmeId: `120${String(id).padStart(7, '0')}`,
    nrmpCode: null,
    name: `Example Family Medicine ${id}`,
    institution: null,
    city: 'Springfield',
    state,
    censusDivision: divisionOf(state),
    latitude: null,
    longitude: null,
    specialty: 'family-medicine',
    positions: 6,
    programType: 'community',
    facts,
    synthetic: true,
    origin: 'test example',
    ...overrides,
  };
}
