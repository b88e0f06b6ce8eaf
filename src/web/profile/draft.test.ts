import { describe, expect, it } from 'vitest';
import { emptyProfile } from '../../core/profile/applicant-profile.js';
import { fieldForPath, mapProblemErrors, parseNumberText, profileToDraft, validateDraft } from './draft.js';

const usImgDraft = () => profileToDraft(emptyProfile());

describe('validateDraft', () => {
  it('accepts the starting profile unchanged', () => {
    const result = validateDraft(usImgDraft());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.profile).toEqual(emptyProfile());
  });

  it('tells a U.S. IMG who types Step 2 CK 320 the score range', () => {
    const result = validateDraft({ ...usImgDraft(), 'exams.step2ck': '320' });
    expect(result.errors['exams.step2ck']).toBe('USMLE scores run from 1 to 300');
  });

  it('accepts Step 2 CK 235 and an empty Step 2 CK (not taken yet)', () => {
    expect(validateDraft({ ...usImgDraft(), 'exams.step2ck': '235' }).ok).toBe(true);
    expect(validateDraft({ ...usImgDraft(), 'exams.step2ck': '' }).ok).toBe(true);
  });

  it('says "Enter a number" for text that is not one, or an empty required number', () => {
    const result = validateDraft({ ...usImgDraft(), 'usce.handsOnMonths': 'three', graduationYear: '' });
    expect(result.errors).toMatchObject({
      'usce.handsOnMonths': 'Enter a number',
      graduationYear: 'Enter a number',
    });
  });

  it('checks a scored Step 1 only when Step 1 is scored', () => {
    const scored = { ...usImgDraft(), 'exams.step1.kind': 'scored' as const, 'exams.step1.score': '0' };
    expect(validateDraft(scored).errors['exams.step1.score']).toBe('USMLE scores run from 1 to 300');
    expect(validateDraft({ ...scored, 'exams.step1.kind': 'pass-fail' }).ok).toBe(true);
  });

  it('ignores COMLEX fields for a non-DO and checks them for a DO', () => {
    const draft = { ...usImgDraft(), 'exams.comlexLevel2': '5' };
    expect(validateDraft(draft).ok).toBe(true);
    expect(validateDraft({ ...draft, applicantType: 'us-do' }).errors['exams.comlexLevel2']).toBe(
      'COMLEX scores run from 9 to 999',
    );
  });

  it('asks for an applicant type when none is chosen', () => {
    expect(validateDraft({ ...usImgDraft(), applicantType: '' }).errors.applicantType).toBe(
      'Choose your applicant type',
    );
  });

  it('turns a dollars budget into numbers, accepting "$1,500"', () => {
    const result = validateDraft({ ...usImgDraft(), 'budget.kind': 'dollars', 'budget.dollars': '$1,500' });
    expect(result.ok && result.profile.budget).toEqual({ kind: 'dollars', dollars: 1500 });
  });

  it('splits languages on commas', () => {
    const result = validateDraft({ ...usImgDraft(), languages: 'English, Spanish ,, Tagalog' });
    expect(result.ok && result.profile.languages).toEqual(['English', 'Spanish', 'Tagalog']);
  });
});

describe('fieldForPath', () => {
  it('maps schema and server paths onto form fields', () => {
    expect(fieldForPath('exams.step2ck')).toBe('exams.step2ck');
    expect(fieldForPath('geography.preferredStates.2')).toBe('geography.preferredStates');
    expect(fieldForPath('languages.0')).toBe('languages');
    expect(fieldForPath('exams.step1')).toBe('exams.step1.kind');
    expect(fieldForPath('budget')).toBe('budget.kind');
    expect(fieldForPath('(root)')).toBeNull();
  });
});

describe('parseNumberText', () => {
  it('reads numbers, empties and junk', () => {
    expect(parseNumberText(' 235 ')).toBe(235);
    expect(parseNumberText('2.5')).toBe(2.5);
    expect(parseNumberText('')).toBeNull();
    expect(parseNumberText('12abc')).toBeNaN();
  });
});

describe('mapProblemErrors', () => {
  it('puts a server 400 onto the fields it names and keeps the rest for the form', () => {
    const { fields, other } = mapProblemErrors([
      { path: 'exams.step2ck', message: 'USMLE scores run from 1 to 300' },
      { path: 'geography.excludedStates.1', message: 'Unknown U.S. state' },
      { path: '(root)', message: 'Expected an object' },
    ]);
    expect(fields).toEqual({
      'exams.step2ck': 'USMLE scores run from 1 to 300',
      'geography.excludedStates': 'Unknown U.S. state',
    });
    expect(other).toEqual([{ path: '(root)', message: 'Expected an object' }]);
  });
});
