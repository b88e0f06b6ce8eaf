import { z } from 'zod';
import { storableText } from '../shared/storable-text.js';

/**
 * What kind of letter it is, in the terms family medicine programs screen on: most ask for letters from U.S.
 * family physicians, and many IMG-friendly programs want at least two of them.
 */
export const LETTER_KINDS = ['us-family-medicine', 'us-other-primary-care', 'non-us', 'other'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  'us-family-medicine': 'U.S. family medicine',
  'us-other-primary-care': 'U.S. other primary care',
  'non-us': 'Non-U.S.',
  other: 'Other',
};

const isoDate = z.iso.date({ message: 'Use a date like 2026-09-01' });

export const letterSchema = z.object({
  id: storableText().min(1),
  writerContactId: storableText().min(1),
  kind: z.enum(LETTER_KINDS, { message: 'Choose the kind of letter' }),
  requestedOn: isoDate.nullable(),
  agreedOn: isoDate.nullable(),
  /** The day the writer uploaded it to ERAS (the Letter of Recommendation Portal). */
  uploadedOn: isoDate.nullable(),
  notes: storableText().max(20_000).default(''),
});

export type Letter = z.infer<typeof letterSchema>;
export type LetterInput = z.input<typeof letterSchema>;

export const LETTER_STATUSES = ['planned', 'requested', 'agreed', 'uploaded'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/**
 * Status is derived from the dates rather than stored, so it can never disagree with them: the furthest step
 * that has a date wins (an upload implies the writer agreed even if nobody logged the agreement).
 */
export function letterStatus(letter: Letter): LetterStatus {
  if (letter.uploadedOn !== null) return 'uploaded';
  if (letter.agreedOn !== null) return 'agreed';
  if (letter.requestedOn !== null) return 'requested';
  return 'planned';
}
