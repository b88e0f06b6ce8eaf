import { describe, expect, it } from 'vitest';
import { compileMarket, matchResultToJson } from './json-market.js';
import { solveMatch } from './solve-match.js';
import { findBlockingPairs } from './stability.js';

/**
 * The NRMP's own worked example: "Run A Match", https://www.nrmp.org (Run-A-Match.pdf, "How the matching
 * algorithm works"). Five applicants, three programs with two positions each.
 */
const runAMatch = {
  programs: [
    { id: 'Mercy', positions: 2, rankList: ['Chen', 'Ford'] },
    { id: 'City', positions: 2, rankList: ['Eastman', 'Anderson', 'Chen', 'Davis', 'Ford'] },
    { id: 'General', positions: 2, rankList: ['Eastman', 'Anderson', 'Ford', 'Davis'] },
  ],
  applicants: [
    { id: 'Anderson', rankList: ['City'] },
    { id: 'Chen', rankList: ['City', 'Mercy'] },
    { id: 'Ford', rankList: ['City', 'General', 'Mercy'] },
    { id: 'Davis', rankList: ['Mercy', 'City', 'General'] },
    { id: 'Eastman', rankList: ['City', 'Mercy', 'General'] },
  ],
};

describe('the NRMP "Run A Match" example', () => {
  it('gives the published result: City takes Anderson and Eastman, Mercy keeps one position open', () => {
    const compiled = compileMarket(runAMatch);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
    const result = solveMatch(compiled.value);
    const json = matchResultToJson(compiled.value, result);

    expect(json.status).toBe('stable');
    expect(new Map(json.matches.map((m) => [m.applicant, m.program]))).toEqual(
      new Map([
        ['Anderson', 'City'],
        ['Eastman', 'City'],
        ['Chen', 'Mercy'],
        ['Davis', 'General'],
        ['Ford', 'General'],
      ]),
    );
    expect(json.unmatched).toEqual([]);
    expect(json.unfilled).toEqual([{ program: 'Mercy', positions: 1 }]);
    expect(findBlockingPairs(compiled.value, result.assignment)).toEqual([]);
  });
});
