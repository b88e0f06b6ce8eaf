import { emptyProfile } from '../../core/profile/applicant-profile.js';

/**
 * The route tests' applicant in interview season: a U.S.-citizen IMG, graduated 2023, Step 2 CK 232, 3 months of
 * hands-on USCE, 3 letters (2 in family medicine), with a budget of `programs` applications.
 */
export function seasonProfile(programs: number) {
  const profile = emptyProfile();
  return {
    ...profile,
    applicantType: 'us-img' as const,
    graduationYear: 2023,
    exams: { ...profile.exams, step2ck: 232 },
    usce: { handsOnMonths: 3, observershipMonths: 0, researchMonths: 0 },
    letters: { total: 3, us: 3, inSpecialty: 2 },
    budget: { kind: 'programs' as const, programs },
  };
}
