import { describe, expect, it } from 'vitest';
import { programLabel, searchPrograms } from './program-search.js';

const programs = [
  { acgmeId: '1204100001', name: 'UPMC Altoona FM', city: 'Altoona', state: 'PA' },
  { acgmeId: '1204100002', name: 'Lancaster General FM', city: 'Lancaster', state: 'PA' },
  { acgmeId: '1201600003', name: 'Altru Family Medicine', city: 'Grand Forks', state: 'ND' },
  { acgmeId: '1203500004', name: 'Mount Sinai FM', city: 'New York', state: 'NY' },
];

describe('searchPrograms: pick a program from the catalog', () => {
  it('finds the program in Altoona by its city, not only its name', () => {
    expect(searchPrograms(programs, 'altoona').map((p) => p.acgmeId)).toEqual(['1204100001']);
  });

  it('puts names that start with the text first, needs every word, and finds an ACGME id', () => {
    expect(searchPrograms(programs, 'alt').map((p) => p.name)).toEqual([
      'Altru Family Medicine',
      'UPMC Altoona FM',
    ]);
    expect(searchPrograms(programs, 'fm pa').map((p) => p.city)).toEqual(['Lancaster', 'Altoona']);
    expect(searchPrograms(programs, '1203500004')[0]?.name).toBe('Mount Sinai FM');
  });

  it('offers nothing for empty text or text no program has', () => {
    expect(searchPrograms(programs, '  ')).toEqual([]);
    expect(searchPrograms(programs, 'Atlantis')).toEqual([]);
    expect(programLabel(programs[0] as (typeof programs)[number])).toBe('UPMC Altoona FM — Altoona, PA');
  });
});
