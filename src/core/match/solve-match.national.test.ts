import { describe, expect, it } from 'vitest';
import { NO_PROGRAM } from './compiled-market.js';
import { solveMatch } from './solve-match.js';
import { findBlockingPairs } from './stability.js';
import { nationalMarket } from './testing/national-market.js';

describe('a Match at national scale (48,000 applicants, 6,000 programs, 44,000 positions, 1,000 couples)', () => {
  it('settles on a stable matching that fills most positions', () => {
    const market = nationalMarket({ seed: 2026 });
    const result = solveMatch(market);
    expect(result.status).toBe('stable');
    expect(findBlockingPairs(market, result.assignment)).toEqual([]);
    const positions = market.capacity.reduce((sum, n) => sum + n, 0);
    const matched = result.assignment.filter((p) => p !== NO_PROGRAM).length;
    expect(matched / positions).toBeGreaterThan(0.9);
  });
});
