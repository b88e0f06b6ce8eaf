import type { PracticeBody } from '../lib/api/season.js';

export interface PracticeDraft {
  /** A bank question's id, or '' for the applicant's own question. */
  questionId: string;
  questionText: string;
  acgmeId: string;
  rating: string;
  notes: string;
  practicedOn: string;
}

export type PracticeField = keyof PracticeDraft;

export const EMPTY_PRACTICE: PracticeDraft = {
  questionId: '',
  questionText: '',
  acgmeId: '',
  rating: '',
  notes: '',
  practicedOn: '',
};

/**
 * Checks a practice entry: a bank question or one written in, a self-rating 1–5; program and notes optional.
 *
 * @example parsePracticeDraft({ ...EMPTY_PRACTICE, questionId: 'why-fm-1', rating: '4' })
 */
export function parsePracticeDraft(
  draft: PracticeDraft,
): { ok: true; value: PracticeBody } | { ok: false; errors: Partial<Record<PracticeField, string>> } {
  const errors: Partial<Record<PracticeField, string>> = {};
  const own = draft.questionText.trim();
  if (draft.questionId === '' && own === '') errors.questionText = 'Choose a question or write your own';
  const rating = Number(draft.rating);
  if (draft.rating === '' || !Number.isInteger(rating) || rating < 1 || rating > 5)
    errors.rating = 'Rate yourself from 1 to 5';
  if (draft.practicedOn !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.practicedOn))
    errors.practicedOn = 'Use a date like 2026-11-20';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const value: PracticeBody = {
    ...(draft.questionId !== '' ? { questionId: draft.questionId } : { questionText: own }),
    rating,
    acgmeId: draft.acgmeId === '' ? null : draft.acgmeId,
    notes: draft.notes,
  };
  if (draft.practicedOn !== '') value.practicedOn = draft.practicedOn;
  return { ok: true, value };
}
