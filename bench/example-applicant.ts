import { type ApplicantProfile, emptyProfile } from '../src/core/profile/applicant-profile.js';

/**
 * The applicant the SmartPick and Monte Carlo benchmarks time: a U.S.-citizen IMG, Step 2 CK 235, graduated 2025,
 * 3 months hands-on USCE and 1 of observership, 2 U.S. family medicine letters, ties to Florida.
 */
export function benchApplicant(): ApplicantProfile {
  const base = emptyProfile();
  return {
    ...base,
    applicantType: 'us-img',
    graduationYear: 2025,
    exams: { ...base.exams, step2ck: 235 },
    usce: { handsOnMonths: 3, observershipMonths: 1, researchMonths: 0 },
    letters: { total: 3, us: 2, inSpecialty: 2 },
    geography: {
      preferredStates: ['FL', 'TX'],
      preferredDivisions: [],
      preferredRegions: [],
      tiesStates: ['FL'],
      excludedStates: [],
    },
  };
}
