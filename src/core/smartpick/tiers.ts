import type { ModelParameters } from './model-parameters.js';
import type { Tier } from './types.js';

/**
 * P(interview) in whole percentage points, the way every page and the CLI show it. Tiers are decided on this
 * number, not the unrounded one, so a program shown at "10%" is never a Reach whose heading says "below 10%".
 */
export const tierPoints = (probability: number): number => Math.round(probability * 100);

/** The tier boundaries in whole percentage points: reach below `reachBelow`, likely from `likelyFrom`. */
export function tierBoundaries(parameters: ModelParameters): { reachBelow: number; likelyFrom: number } {
  return {
    reachBelow: tierPoints(parameters.tiers.reachBelow),
    likelyFrom: tierPoints(parameters.tiers.likelyFrom),
  };
}

/**
 * Reach / target / likely by P(interview) as shown (whole points): reach below 10%, target from 10% up to 29%,
 * likely from 30% (thresholds in the parameters). The one rule the list, the explanations, the pages' headings
 * (describeTiers) and the CLI all use.
 *
 * @example tierOf(0.0996, DEFAULT_PARAMETERS) // 'target': it is shown as 10%
 */
export function tierOf(probability: number, parameters: ModelParameters): Tier {
  const points = tierPoints(probability);
  const { reachBelow, likelyFrom } = tierBoundaries(parameters);
  if (points < reachBelow) return 'reach';
  if (points >= likelyFrom) return 'likely';
  return 'target';
}

/** What each tier means, in words built from the same boundaries tierOf uses. */
export function describeTiers(parameters: ModelParameters): Record<Tier, string> {
  const { reachBelow, likelyFrom } = tierBoundaries(parameters);
  return {
    reach: `P(interview) below ${reachBelow}%: long shots.`,
    target: `P(interview) from ${reachBelow}% to ${likelyFrom - 1}%.`,
    likely: `P(interview) ${likelyFrom}% or more: where most of your interviews should come from.`,
  };
}
