import { describe, expect, it } from 'vitest';
import { bulkAddMessage } from './AddToApplications.js';

describe('bulkAddMessage', () => {
  it('says how many were added and how many were already in the pipeline', () => {
    expect(bulkAddMessage({ added: ['a', 'b', 'c'], skipped: ['d', 'e'], applications: [] })).toBe(
      '3 programs added to your applications; 2 already there.',
    );
  });

  it('says so when every program was already there', () => {
    expect(bulkAddMessage({ added: [], skipped: ['a'], applications: [] })).toBe(
      'No program added to your applications; 1 already there.',
    );
  });
});
