import { describe, expect, it } from 'vitest';
import { containsPattern, escapeLikePattern } from './like-pattern.js';

describe('escapeLikePattern', () => {
  it('leaves ordinary text as it is', () => {
    expect(escapeLikePattern('Mayo Clinic (Rochester)')).toBe('Mayo Clinic (Rochester)');
  });

  it('escapes the wildcards and the escape character itself', () => {
    expect(escapeLikePattern('100%_rural\\track')).toBe('100\\%\\_rural\\\\track');
  });
});

describe('containsPattern', () => {
  it('wraps the escaped text in wildcards', () => {
    expect(containsPattern('a_b')).toBe('%a\\_b%');
  });
});
