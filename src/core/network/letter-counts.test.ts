import { describe, expect, it } from 'vitest';
import { describeLetterCounts, letterCounts } from './letter-counts.js';
import { lettersReadiness } from './letters-readiness.js';
import { letter } from './test-support.js';

const typed = { total: 3, us: 2, inSpecialty: 2 };

describe('one count of letters for every page', () => {
  it('uses the profile’s 3 letters while the Letters board is empty, and says so', () => {
    const counts = letterCounts(typed, []);
    expect(counts).toEqual({ source: 'profile', total: 3, us: 2, inSpecialty: 2, usFamilyMedicine: 2 });
    // Home and Letters agree with the profile: the target (2 U.S. family medicine, 3 in all) is met
    const readiness = lettersReadiness([], undefined, typed);
    expect(readiness.ready).toBe(true);
    expect(readiness.message).not.toContain('You still need');
    expect(readiness.message).toContain('3 letters (2 U.S., 2 family medicine), from your profile');
  });

  it('uses the board once it holds a letter, for the count and the readiness alike', () => {
    const board = [letter({ id: 'l-1', writerContactId: 'c-lee', kind: 'us-family-medicine' })];
    const counts = letterCounts(typed, board);
    expect(counts).toMatchObject({ source: 'letters-board', total: 1, us: 1, inSpecialty: 1 });
    expect(describeLetterCounts(counts)).toBe('1 letter (1 U.S., 1 family medicine), on your Letters board');
    const readiness = lettersReadiness(board, undefined, typed);
    expect(readiness.counts.source).toBe('letters-board');
    expect(readiness.message).toContain(
      'You still need 2 U.S. family medicine letters and 1 more of any kind uploaded',
    );
  });
});
