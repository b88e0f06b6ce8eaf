import { describe, expect, it } from 'vitest';
import { EMPTY_PRACTICE, parsePracticeDraft } from './practice-form.js';

describe('parsePracticeDraft', () => {
  it('logs a bank question rated 4 for no particular program', () => {
    expect(parsePracticeDraft({ ...EMPTY_PRACTICE, questionId: 'why-fm-1', rating: '4' })).toEqual({
      ok: true,
      value: { questionId: 'why-fm-1', rating: 4, acgmeId: null, notes: '' },
    });
  });

  it('logs an own question for one program on a given day', () => {
    const parsed = parsePracticeDraft({
      ...EMPTY_PRACTICE,
      questionText: ' Why our rural track? ',
      acgmeId: '9990000001',
      rating: '2',
      practicedOn: '2026-11-20',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        questionText: 'Why our rural track?',
        rating: 2,
        acgmeId: '9990000001',
        notes: '',
        practicedOn: '2026-11-20',
      },
    });
  });

  it('asks for a question and a rating, question first', () => {
    const parsed = parsePracticeDraft(EMPTY_PRACTICE);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors)).toEqual(['questionText', 'rating']);
  });
});
