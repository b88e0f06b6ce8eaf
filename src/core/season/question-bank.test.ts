import { describe, expect, it } from 'vitest';
import { QUESTION_BANK, QUESTION_CATEGORIES, questionById } from './question-bank.js';

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
});
