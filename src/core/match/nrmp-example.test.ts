import { describe, expect, it } from 'vitest';
import { compileMarket, matchResultToJson } from './json-market.js';
import { solveMatch } from './solve-match.js';
import { findBlockingPairs } from './stability.js';
import { RUN_A_MATCH as runAMatch } from './testing/run-a-match.js';

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
