import { plural } from '../shared/plural.js';
import { type Letter, letterStatus } from './letter.js';

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
 * Whether the letters uploaded so far meet the target.
 *
 * @example lettersReadiness(letters) // { ready: false, missing: { usFamilyMedicine: 1, any: 0 }, ... }
 */
export function lettersReadiness(
  letters: readonly Letter[],
  target: LetterTarget = DEFAULT_LETTER_TARGET,
): LettersReadiness {
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
  const message = ready
    ? `Letters ready: ${plural(have.total, 'letter')} uploaded, ${have.usFamilyMedicine} from U.S. family medicine.`
    : `You still need ${needs.join(' and ')} uploaded (target: ${target.usFamilyMedicine} U.S. family medicine, ${target.total} in all).${waitingNote}`;
  return { ready, have, missing: { usFamilyMedicine: missingFm, any: missingAny }, pending, message };
}
