import type { ApplicantProfile } from '../profile/applicant-profile.js';
import { plural } from '../shared/plural.js';
import { type Letter, letterStatus } from './letter.js';
import { describeLetterCounts, type LetterCounts, letterCounts } from './letter-counts.js';

/**
 * How many letters an application needs. Default: at least two from U.S. family physicians and three in all
 * — what many IMG-friendly family medicine programs ask for, and ERAS takes up to four per program.
 */
export interface LetterTarget {
  usFamilyMedicine: number;
  total: number;
}

export const DEFAULT_LETTER_TARGET: LetterTarget = { usFamilyMedicine: 2, total: 3 };

export interface LettersReadiness {
  ready: boolean;
  /** The letters counted and where they come from (letter-counts.ts): the board once it holds any, else the profile. */
  counts: LetterCounts;
  /** Letters uploaded to ERAS: only those count, since programs can see only those. */
  have: { usFamilyMedicine: number; total: number };
  /** Letters still needed: U.S. family medicine ones, then any kind, to reach the target. */
  missing: { usFamilyMedicine: number; any: number };
  /** Requested or agreed but not uploaded yet. */
  pending: { usFamilyMedicine: number; total: number };
  /** One sentence for Home. */
  message: string;
}

/**
 * Whether the letters meet the target. On the Letters board only uploaded letters count, since programs see only
 * those; while the board is empty, the profile's counts stand in (the same rule as SmartPick's, letter-counts.ts).
 *
 * @example lettersReadiness(letters) // { ready: false, missing: { usFamilyMedicine: 1, any: 0 }, ... }
 */
export function lettersReadiness(
  letters: readonly Letter[],
  target: LetterTarget = DEFAULT_LETTER_TARGET,
  profileLetters: ApplicantProfile['letters'] | null = null,
): LettersReadiness {
  const counts = letterCounts(profileLetters ?? { total: 0, us: 0, inSpecialty: 0 }, letters);
  if (counts.source === 'profile' && profileLetters !== null) return fromProfile(counts, target);
  const uploaded = letters.filter((l) => letterStatus(l) === 'uploaded');
  const waiting = letters.filter((l) => letterStatus(l) === 'requested' || letterStatus(l) === 'agreed');
  const isFm = (l: Letter) => l.kind === 'us-family-medicine';
  const have = { usFamilyMedicine: uploaded.filter(isFm).length, total: uploaded.length };
  const pending = { usFamilyMedicine: waiting.filter(isFm).length, total: waiting.length };
  const missingFm = Math.max(0, target.usFamilyMedicine - have.usFamilyMedicine);
  // Letters still needed beyond the missing family medicine ones, which count toward the total too.
  const missingAny = Math.max(0, target.total - have.total - missingFm);
  const ready = missingFm === 0 && missingAny === 0;
  const needs = [
    ...(missingFm > 0 ? [`${plural(missingFm, 'U.S. family medicine letter')}`] : []),
    ...(missingAny > 0 ? [`${missingAny} more of any kind`] : []),
  ];
  const waitingNote =
    pending.total > 0
      ? ` ${plural(pending.total, 'letter')} requested or agreed ${pending.total === 1 ? 'is' : 'are'} not uploaded yet.`
      : '';
  const source = ` Counted ${describeLetterCounts(counts)}.`;
  const message = ready
    ? `Letters ready: ${plural(have.total, 'letter')} uploaded, ${have.usFamilyMedicine} from U.S. family medicine.${source}`
    : `You still need ${needs.join(' and ')} uploaded (target: ${target.usFamilyMedicine} U.S. family medicine, ${target.total} in all).${waitingNote}${source}`;
  return { ready, counts, have, missing: { usFamilyMedicine: missingFm, any: missingAny }, pending, message };
}

/** Readiness from the profile's counts, before any letter is on the board: nothing is tracked as pending yet. */
function fromProfile(counts: LetterCounts, target: LetterTarget): LettersReadiness {
  const have = { usFamilyMedicine: counts.usFamilyMedicine, total: counts.total };
  const missingFm = Math.max(0, target.usFamilyMedicine - have.usFamilyMedicine);
  const missingAny = Math.max(0, target.total - have.total - missingFm);
  const ready = missingFm === 0 && missingAny === 0;
  const needs = [
    ...(missingFm > 0 ? [`${plural(missingFm, 'U.S. family medicine letter')}`] : []),
    ...(missingAny > 0 ? [`${missingAny} more of any kind`] : []),
  ];
  const counted = `Counted ${describeLetterCounts(counts)}; add each letter to the Letters board to track its request and upload.`;
  const message = ready
    ? `Enough for the target (${target.usFamilyMedicine} U.S. family medicine, ${target.total} in all). ${counted}`
    : `You still need ${needs.join(' and ')} (target: ${target.usFamilyMedicine} U.S. family medicine, ${target.total} in all). ${counted}`;
  return {
    ready,
    counts,
    have,
    missing: { usFamilyMedicine: missingFm, any: missingAny },
    pending: { usFamilyMedicine: 0, total: 0 },
    message,
  };
}
