import type { ModelParameters } from './model-parameters.js';
import type { Tier } from './types.js';

/** Reach / target / likely by P(interview), thresholds in the parameters. */
export function tierOf(probability: number, parameters: ModelParameters): Tier {
  if (probability < parameters.tiers.reachBelow) return 'reach';
  if (probability >= parameters.tiers.likelyFrom) return 'likely';
  return 'target';
}
