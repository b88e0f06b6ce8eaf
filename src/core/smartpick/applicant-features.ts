import type { CensusDivision, CensusRegion } from '../geo/census.js';
import { divisionOf } from '../geo/census.js';
import type { ApplicantProfile, ApplicantType, VisaNeed } from '../profile/applicant-profile.js';
import type { ModelParameters } from './model-parameters.js';

/** The profile reduced once to the numbers the models read, so per-program work stays short. */
export interface ApplicantFeatures {
  applicantType: ApplicantType;
  isImg: boolean;
  step2ck: number | null;
  /** A DO with a COMLEX Level 2 score and no Step 2 CK. */
  comlexOnly: boolean;
  /** COMLEX Level 2-CE score when entered. */
  comlexLevel2: number | null;
  yearsSinceGraduation: number;
  /** Failed attempts over all exams. */
  failedAttempts: number;
  /** Most failed attempts on any one exam. */
  maxFailedOnOneExam: number;
  usceHandsOn: number;
  usceObservership: number;
  usceResearch: number;
  /** hands-on + weighted observership and research months (weights in the parameters). */
  usceEffectiveMonths: number;
  usLetters: number;
  inSpecialtyLetters: number;
  visaNeed: VisaNeed;
  tiesStates: ReadonlySet<string>;
  tiesDivisions: ReadonlySet<CensusDivision>;
  preferredStates: ReadonlySet<string>;
  preferredDivisions: ReadonlySet<CensusDivision>;
  preferredRegions: ReadonlySet<CensusRegion>;
  excludedStates: ReadonlySet<string>;
  programPreferences: ApplicantProfile['programPreferences'];
}

/** @example applicantFeatures({ profile, matchYear: 2027, parameters: DEFAULT_PARAMETERS }) */
export function applicantFeatures(input: {
  profile: ApplicantProfile;
  matchYear: number;
  parameters: ModelParameters;
}): ApplicantFeatures {
  const { profile, matchYear, parameters } = input;
  const exams = profile.exams;
  const step1Failures = exams.step1Attempts - 1;
  const step2Failures = exams.step2ckAttempts - 1;
  const comlexFailures = exams.comlexAttempts - 1;
  const type = profile.applicantType;
  const isImg = type === 'us-img' || type === 'non-us-img';
  const usce = parameters.interview.usce;
  const tiesDivisions = new Set<CensusDivision>();
  for (const state of profile.geography.tiesStates) {
    const division = divisionOf(state);
    if (division !== null) tiesDivisions.add(division);
  }
  return {
    applicantType: type,
    isImg,
    step2ck: exams.step2ck,
    comlexOnly: exams.step2ck === null && type === 'us-do' && exams.comlexLevel2 !== null,
    comlexLevel2: exams.comlexLevel2,
    yearsSinceGraduation: Math.max(0, matchYear - profile.graduationYear),
    failedAttempts: step1Failures + step2Failures + comlexFailures,
    maxFailedOnOneExam: Math.max(step1Failures, step2Failures, comlexFailures),
    usceHandsOn: profile.usce.handsOnMonths,
    usceObservership: profile.usce.observershipMonths,
    usceResearch: profile.usce.researchMonths,
    usceEffectiveMonths:
      usce.weightHandsOn * profile.usce.handsOnMonths +
      usce.weightObservership * profile.usce.observershipMonths +
      usce.weightResearch * profile.usce.researchMonths,
    usLetters: profile.letters.us,
    inSpecialtyLetters: profile.letters.inSpecialty,
    visaNeed: profile.visaNeed,
    tiesStates: new Set(profile.geography.tiesStates),
    tiesDivisions,
    preferredStates: new Set(profile.geography.preferredStates),
    preferredDivisions: new Set(profile.geography.preferredDivisions),
    preferredRegions: new Set(profile.geography.preferredRegions ?? []),
    excludedStates: new Set(profile.geography.excludedStates),
    programPreferences: profile.programPreferences,
  };
}
