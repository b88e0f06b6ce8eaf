import { describe, expect, it } from 'vitest';
import {
  programFiltersToApiQuery,
  programPageToApiQuery,
  readProgramsView,
  writeProgramsView,
} from './filters.js';

describe('Programs view in the URL', () => {
  it('reads states case-insensitively, drops unknown ones, and sorts them', () => {
    const view = readProgramsView(
      new URLSearchParams('state=nj,NY,ZZ&division=Pacific,Atlantis&q=%20rural%20'),
    );
    expect(view.filters).toEqual({ states: ['NJ', 'NY'], divisions: ['Pacific'], q: 'rural' });
  });

  it('defaults to sorting by state, ascending, with nothing selected', () => {
    expect(readProgramsView(new URLSearchParams(''))).toEqual({
      filters: {},
      sort: { key: 'state', direction: 'ascending' },
      selected: null,
      page: 1,
    });
  });

  it('survives a round trip, leaving defaults out of the URL', () => {
    const view = {
      filters: { states: ['NY'], q: 'Brooklyn' },
      sort: { key: 'positions' as const, direction: 'descending' as const },
      selected: '1203500001',
      page: 3,
    };
    const params = writeProgramsView(view);
    expect(params.toString()).toBe('state=NY&q=Brooklyn&sort=positions&dir=desc&program=1203500001&page=3');
    expect(readProgramsView(params)).toEqual(view);
    expect(writeProgramsView({ ...view, sort: { key: 'state', direction: 'ascending' } }).has('sort')).toBe(
      false,
    );
  });

  it('ignores an unknown sort column', () => {
    expect(readProgramsView(new URLSearchParams('sort=salary')).sort.key).toBe('state');
  });

  it('reads a page that is not a whole number above 1 as the first page', () => {
    for (const page of ['0', '-2', '2.5', 'two', '']) {
      expect(readProgramsView(new URLSearchParams({ page })).page).toBe(1);
    }
    expect(readProgramsView(new URLSearchParams('page=4')).page).toBe(4);
  });
});

describe('programFiltersToApiQuery', () => {
  it('joins lists with commas as GET /api/programs expects', () => {
    const query = programFiltersToApiQuery({
      states: ['NY', 'NJ'],
      divisions: ['Middle Atlantic'],
      q: 'family',
    });
    expect(new URLSearchParams(query).get('state')).toBe('NJ,NY');
    expect(new URLSearchParams(query).get('division')).toBe('Middle Atlantic');
    expect(new URLSearchParams(query).get('q')).toBe('family');
  });

  it('is empty with no filters', () => {
    expect(programFiltersToApiQuery({ states: [], q: '  ' })).toBe('');
  });
});

describe('programPageToApiQuery', () => {
  it('asks the server for the filtered, sorted page of the table', () => {
    const query = programPageToApiQuery({
      filters: { states: ['ny'] },
      sort: { key: 'positions', direction: 'descending' },
      page: 2,
    });
    expect(query).toBe('state=NY&sort=positions&dir=desc&page=2&limit=100');
  });

  it('leaves the default sort and the first page to the server', () => {
    const query = programPageToApiQuery({
      filters: {},
      sort: { key: 'state', direction: 'ascending' },
      page: 1,
    });
    expect(query).toBe('limit=100');
  });
});
