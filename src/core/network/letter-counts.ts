import type { ApplicantProfile } from '../profile/applicant-profile.js';
import { plural } from '../shared/plural.js';
import type { Letter } from './letter.js';

/**
 * Where Matchwise reads how many letters you have. One rule for every page and the model: the Letters board once
 * it holds any letter (each letter there has a writer, a kind and a status), and until then the counts typed in
 * the profile. So a new applicant who typed "3 letters" sees 3 everywhere, and one who tracks letters sees the
 * board everywhere, never a mix.
 */
export type LetterSource = 'letters-board' | 'profile';

export interface LetterCounts {
  source: LetterSource;
  total: number;
  /** Written by physicians practising in the U.S. */
  us: number;
  /** From the target specialty (family medicine). */
  inSpecialty: number;
  /**
   * U.S. family medicine letters, which the readiness target counts. From the profile, whose counts do not say
   * which U.S. letters are in family medicine, it assumes as many as both counts allow (the smaller of the two).
   */
  usFamilyMedicine: number;
}

/**
 * @example letterCounts({ total: 3, us: 2, inSpecialty: 2 }, []) // from the profile: 3 letters, 2 U.S. FM
 */
export function letterCounts(profile: ApplicantProfile['letters'], board: readonly Letter[]): LetterCounts {
  if (board.length === 0) {
    return { source: 'profile', ...profile, usFamilyMedicine: Math.min(profile.us, profile.inSpecialty) };
  }
  const usFamilyMedicine = board.filter((l) => l.kind === 'us-family-medicine').length;
  return {
    source: 'letters-board',
    total: board.length,
    us: board.filter((l) => l.kind === 'us-family-medicine' || l.kind === 'us-other-primary-care').length,
    inSpecialty: usFamilyMedicine,
    usFamilyMedicine,
  };
}

/** The profile with the letters every page counts, as the model reads it. */
export function withLetterCounts(profile: ApplicantProfile, board: readonly Letter[]): ApplicantProfile {
  const { total, us, inSpecialty } = letterCounts(profile.letters, board);
  return { ...profile, letters: { total, us, inSpecialty } };
}

/** "3 letters (2 U.S., 2 family medicine), from your profile": the count and where it comes from. */
export function describeLetterCounts(counts: LetterCounts): string {
  const from = counts.source === 'profile' ? 'from your profile' : 'on your Letters board';
  return `${plural(counts.total, 'letter')} (${counts.us} U.S., ${counts.inSpecialty} family medicine), ${from}`;
}
