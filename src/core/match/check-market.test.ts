import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCompiledMarket } from './check-market.js';
import { market } from './testing/named.js';
import { compile, marketArbitrary } from './testing/random-market.js';

const m = market({
  programs: [{ id: 'City', positions: 2, rankList: ['Ames', 'Xu'] }],
  applicants: [{ id: 'Ames', rankList: ['City'] }],
  couples: [{ id: 'Xu+Yates', members: ['Xu', 'Yates'], rankList: [['City', null]] }],
});

describe('checking a compiled market before solving it', () => {
  it('passes every market compileMarket or the test generator builds', () => {
    expect(checkCompiledMarket(m)).toEqual([]);
    const markets = marketArbitrary({
      applicants: { min: 0, max: 12 },
      programs: { min: 1, max: 5 },
      capacity: { min: 0, max: 4 },
      couples: { max: 3 },
    });
    fc.assert(
      fc.property(markets, (plain) => {
        expect(checkCompiledMarket(compile(plain))).toEqual([]);
      }),
      { seed: 11_2026, numRuns: 100 },
    );
  });

  it('names out-of-range ids, bad offsets and a couple member with a list of its own', () => {
    expect(checkCompiledMarket({ ...m, applicantRol: Int32Array.from([3]) })).toEqual([
      { path: 'applicantRol.0', message: 'id 3 is outside 0..0' },
    ]);
    expect(checkCompiledMarket({ ...m, programRolOffsets: Int32Array.from([1, 2]) })).toEqual([
      { path: 'programRolOffsets.0', message: 'must be 0' },
    ]);
    expect(checkCompiledMarket({ ...m, coupleMembers: Int32Array.from([0, 2]) })).toEqual([
      {
        path: 'coupleMembers.0',
        message: 'applicant 0 ranks programs alone; couple members rank only as a couple',
      },
    ]);
  });
});
