import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_PROGRAM } from './compiled-market.js';
import { solveMatchWithObjects, toObjectMarket } from './object-baseline.js';
import { solveMatch } from './solve-match.js';
import { findBlockingPairs } from './stability.js';
import { compile, marketArbitrary } from './testing/random-market.js';

describe('the object baseline used by benchmarks', () => {
  it('matches exactly as solveMatch does on markets without couples', () => {
    const markets = marketArbitrary({
      applicants: { min: 1, max: 40 },
      programs: { min: 1, max: 8 },
      capacity: { min: 0, max: 6 },
      couples: { max: 0 },
    });
    fc.assert(
      fc.property(markets, (plain) => {
        const market = compile(plain);
        const baseline = solveMatchWithObjects(toObjectMarket(market));
        expect(baseline.assignment.map((p) => p ?? NO_PROGRAM)).toEqual(
          Array.from(solveMatch(market).assignment),
        );
      }),
      { seed: 7_2026, numRuns: 200 },
    );
  });

  it('with couples, finds a stable matching whenever it says so', () => {
    const markets = marketArbitrary({
      applicants: { min: 2, max: 14 },
      programs: { min: 1, max: 5 },
      capacity: { min: 0, max: 3 },
      couples: { max: 4 },
    });
    fc.assert(
      fc.property(markets, (plain) => {
        const market = compile(plain);
        const baseline = solveMatchWithObjects(toObjectMarket(market), { maxRounds: 20 });
        if (baseline.status !== 'stable') return;
        const assignment = Int32Array.from(baseline.assignment, (p) => p ?? NO_PROGRAM);
        expect(findBlockingPairs(market, assignment)).toEqual([]);
      }),
      { seed: 7_2026, numRuns: 200 },
    );
  });
});
