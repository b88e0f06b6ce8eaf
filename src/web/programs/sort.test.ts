import { describe, expect, it } from 'vitest';
import type { Program } from '../../core/catalog/program.js';
import { nextSort, sortPrograms } from './sort.js';

const program = (acgmeId: string, name: string, state: string, positions: number | null): Program => ({
  acgmeId,
  nrmpCode: null,
  name,
  institution: null,
  city: 'Somewhere',
  state,
  censusDivision: null,
  latitude: null,
  longitude: null,
  specialty: 'family-medicine',
  positions,
  programType: null,
  facts: {},
  synthetic: false,
  origin: 'test',
});

const catalog = [
  program('1200000003', 'Valley FM', 'TX', 6),
  program('1200000001', 'Bronx FM', 'NY', null),
  program('1200000002', 'Albany FM', 'NY', 12),
];

describe('sortPrograms', () => {
  it('sorts by positions with unknown positions last in both directions', () => {
    const ids = (sort: Parameters<typeof sortPrograms>[1]) => sortPrograms(catalog, sort).map((p) => p.name);
    expect(ids({ key: 'positions', direction: 'ascending' })).toEqual(['Valley FM', 'Albany FM', 'Bronx FM']);
    expect(ids({ key: 'positions', direction: 'descending' })).toEqual([
      'Albany FM',
      'Valley FM',
      'Bronx FM',
    ]);
  });

  it('breaks ties by state then name', () => {
    expect(sortPrograms(catalog, { key: 'state', direction: 'ascending' }).map((p) => p.name)).toEqual([
      'Albany FM',
      'Bronx FM',
      'Valley FM',
    ]);
  });

  it('does not change the input', () => {
    const copy = [...catalog];
    sortPrograms(catalog, { key: 'name', direction: 'descending' });
    expect(catalog).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('starts a new column ascending and flips the same column', () => {
    expect(nextSort({ key: 'state', direction: 'ascending' }, 'name')).toEqual({
      key: 'name',
      direction: 'ascending',
    });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({
      key: 'name',
      direction: 'descending',
    });
  });
});
