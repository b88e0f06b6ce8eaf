import { describe, expect, it } from 'vitest';
import { STATE_CODES } from '../../core/geo/census.js';
import { filterStates } from './state-search.js';

describe('filterStates', () => {
  it('puts an exact postal code first', () => {
    expect(filterStates(STATE_CODES, 'ny')[0]).toBe('NY');
  });

  it('prefers names that start with the text over names that contain it', () => {
    expect(filterStates(STATE_CODES, 'new').slice(0, 4)).toEqual(['NH', 'NJ', 'NM', 'NY']);
    expect(filterStates(STATE_CODES, 'carolina')).toEqual(['NC', 'SC']);
  });

  it('returns every state for empty text', () => {
    expect(filterStates(STATE_CODES, '  ')).toHaveLength(STATE_CODES.length);
  });
});
