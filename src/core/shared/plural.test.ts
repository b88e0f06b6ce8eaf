import { describe, expect, it } from 'vitest';
import { plural, pluralNoun } from './plural.js';

describe('plural', () => {
  it('writes one program, and zero, two or a thousand programs', () => {
    expect(plural(1, 'program')).toBe('1 program');
    expect(plural(0, 'program')).toBe('0 programs');
    expect(plural(2, 'tier change')).toBe('2 tier changes');
    expect(plural(1200, 'program')).toBe('1,200 programs');
  });

  it('treats a fraction as plural, as English does ("1.5 years")', () => {
    expect(plural(1.5, 'year')).toBe('1.5 years');
  });

  it('takes an irregular plural', () => {
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(4, 'person', 'people')).toBe('4 people');
    expect(pluralNoun(1, 'year')).toBe('year');
    expect(pluralNoun(7, 'year')).toBe('years');
  });
});
