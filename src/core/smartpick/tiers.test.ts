import { describe, expect, it } from 'vitest';
import { percent } from './format.js';
import { DEFAULT_PARAMETERS } from './model-parameters.js';
import { describeTiers, tierOf } from './tiers.js';

describe('tierOf: one boundary rule, on P(interview) as shown', () => {
  it('never calls a program shown at 10% a Reach, whose description says "below 10%"', () => {
    // Given a program at P(interview) 9.96%, which every page shows as "10%"
    const shown = percent(0.0996);
    expect(shown).toBe('10%');
    // Then it is a Target, and the Reach description excludes what is shown
    expect(tierOf(0.0996, DEFAULT_PARAMETERS)).toBe('target');
    expect(describeTiers(DEFAULT_PARAMETERS).reach).toContain('below 10%');
  });

  it('puts each whole percentage in exactly the tier whose description names it', () => {
    const descriptions = describeTiers(DEFAULT_PARAMETERS);
    for (let points = 0; points <= 100; points++) {
      const tier = tierOf(points / 100, DEFAULT_PARAMETERS);
      const [low, high] = rangeOf(descriptions[tier]);
      expect(points, `${points}% is ${tier}: ${descriptions[tier]}`).toBeGreaterThanOrEqual(low);
      expect(points, `${points}% is ${tier}: ${descriptions[tier]}`).toBeLessThanOrEqual(high);
    }
  });

  it('moves with the parameters', () => {
    const parameters = { ...DEFAULT_PARAMETERS, tiers: { reachBelow: 0.15, likelyFrom: 0.4 } };
    expect(tierOf(0.14, parameters)).toBe('reach');
    expect(tierOf(0.39, parameters)).toBe('target');
    expect(describeTiers(parameters).target).toBe('P(interview) from 15% to 39%.');
  });
});

/** The inclusive range of whole percentages a description states ("below 10%", "from 10% to 29%", "30% or more"). */
function rangeOf(description: string): [number, number] {
  const below = /below (\d+)%/.exec(description);
  if (below) return [0, Number(below[1]) - 1];
  const between = /from (\d+)% to (\d+)%/.exec(description);
  if (between) return [Number(between[1]), Number(between[2])];
  const from = /(\d+)% or more/.exec(description);
  if (from) return [Number(from[1]), 100];
  throw new Error(`no range in "${description}"`);
}
