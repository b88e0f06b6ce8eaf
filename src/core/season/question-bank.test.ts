import { describe, expect, it } from 'vitest';
import { QUESTION_BANK, QUESTION_CATEGORIES, questionById, questionsFor } from './question-bank.js';

describe('the interview question bank', () => {
  it('Given the bank, Then it holds about thirty questions with unique ids', () => {
    expect(QUESTION_BANK.length).toBeGreaterThanOrEqual(28);
    expect(new Set(QUESTION_BANK.map((q) => q.id)).size).toBe(QUESTION_BANK.length);
  });

  it('Given each category, Then it has questions, each with a tip on what interviewers listen for', () => {
    for (const category of QUESTION_CATEGORIES) {
      const questions = QUESTION_BANK.filter((q) => q.category === category.id);
      expect(questions.length, category.id).toBeGreaterThanOrEqual(5);
      expect(questions.every((q) => q.text.endsWith('?') || q.text.endsWith('.'))).toBe(true);
      expect(questions.every((q) => q.listenFor.length > 20)).toBe(true);
    }
  });

  it('When an IMG practises the gap question, Then it is found by id', () => {
    expect(questionById('img-3')?.text).toContain('gap');
    expect(questionById('nope')).toBeUndefined();
  });

  describe('follows the profile', () => {
    const ids = (questions: { id: string }[]) => questions.map((question) => question.id);
    const visa = /visa/i;

    it('Given a U.S.-citizen IMG who needs no visa, graduated 2023, Then no visa question, but the gap and U.S. experience ones', () => {
      const questions = questionsFor(
        { applicantType: 'us-img', visaNeed: 'none', graduationYear: 2023 },
        2027,
      );
      expect(questions.filter((question) => visa.test(question.text))).toEqual([]);
      expect(ids(questions)).toEqual(expect.arrayContaining(['img-1', 'img-2', 'img-3']));
      // Nor "why train in the United States" or "life away from your family": they are at home.
      expect(ids(questions)).not.toContain('img-4');
      expect(ids(questions)).not.toContain('img-7');
    });

    it('Given a non-U.S. IMG who needs a J-1, Then the visa question is asked', () => {
      const questions = questionsFor(
        { applicantType: 'non-us-img', visaNeed: 'j1', graduationYear: 2026 },
        2027,
      );
      expect(ids(questions)).toEqual(expect.arrayContaining(['img-4', 'img-6', 'img-7']));
      // Graduated the year before residency starts: no gap to explain.
      expect(ids(questions)).not.toContain('img-3');
    });

    it('Given a U.S. MD graduating this year, Then no international-graduate question at all', () => {
      const questions = questionsFor(
        { applicantType: 'us-md', visaNeed: 'none', graduationYear: 2027 },
        2027,
      );
      expect(questions.filter((question) => question.category === 'img')).toEqual([]);
      expect(questions.length).toBeGreaterThan(15);
    });

    it('Given no profile yet, Then the whole bank', () => {
      expect(questionsFor(null, 2027)).toHaveLength(QUESTION_BANK.length);
    });
  });
});
