import { DEFAULT_PARAMETERS } from '../../core/smartpick/model-parameters.js';
import type { ProgramVerdict, VerdictCode } from '../../core/smartpick/recommend.js';
import { describeTiers } from '../../core/smartpick/tiers.js';
import type { Tier } from '../../core/smartpick/types.js';

/** The order tiers are shown in: the long shots first, the safest last, as a list is usually read. */
export const TIERS: readonly Tier[] = ['reach', 'target', 'likely'];

export const TIER_LABELS: Record<Tier, string> = {
  reach: 'Reach',
  target: 'Target',
  likely: 'Likely',
};

/** Key for a listed program with no tier (pinned although a known rule excludes the applicant). */
export const NO_TIER = 'none';
export type TierKey = Tier | typeof NO_TIER;

export const TIER_KEY_LABELS: Record<TierKey, string> = {
  ...TIER_LABELS,
  none: 'No estimate',
};

/** What each tier means: the core's words, from the same boundaries that decide the tiers (core tiers.ts). */
export const TIER_DESCRIPTIONS: Record<TierKey, string> = {
  ...describeTiers(DEFAULT_PARAMETERS),
  none: 'Pinned by you, but a stated rule of the program excludes you, so no chance is counted.',
};

export interface TierGroup {
  tier: TierKey;
  programs: ProgramVerdict[];
}

const tierKey = (verdict: ProgramVerdict): TierKey => verdict.tier ?? NO_TIER;

/**
 * The listed programs in groups by tier (reach, target, likely, then any without a tier), each in list order.
 * Empty tiers are kept, so the page can say "no reach programs".
 *
 * @example groupByTier(recommendation.list).map((g) => `${g.tier}: ${g.programs.length}`)
 */
export function groupByTier(list: readonly ProgramVerdict[]): TierGroup[] {
  const keys: TierKey[] = [...TIERS, NO_TIER];
  const groups = new Map<TierKey, ProgramVerdict[]>(keys.map((tier) => [tier, []]));
  for (const verdict of list) groups.get(tierKey(verdict))?.push(verdict);
  const byPosition = (a: ProgramVerdict, b: ProgramVerdict) =>
    (a.position ?? Number.POSITIVE_INFINITY) - (b.position ?? Number.POSITIVE_INFINITY);
  return [...groups]
    .filter(([tier, programs]) => tier !== NO_TIER || programs.length > 0)
    .map(([tier, programs]) => ({ tier, programs: programs.sort(byPosition) }));
}

/** Tier of each listed program by ACGME id, for the map. */
export function tierById(list: readonly ProgramVerdict[]): Map<string, TierKey> {
  return new Map(list.map((verdict) => [verdict.acgmeId, tierKey(verdict)]));
}

export const VERDICT_CODE_LABELS: Record<VerdictCode, string> = {
  pinned: 'Pinned by you',
  signaled: 'Signal recommended',
  'best-chance': 'Among the best chances',
  'hard-filter': 'A stated rule excludes you',
  'excluded-by-you': 'Excluded by you',
  'excluded-state': 'In a state you will not apply to',
  'other-specialty': 'Another specialty',
  duplicate: 'Duplicate row',
  'below-stop-point': 'Past the stop point',
  'over-budget': 'Next past the budget',
  'outside-regions': 'Outside your places (list already holds its share)',
  'lower-fit': 'Fits your preferences less',
  'lower-chance': 'Lower chance',
};

/** How many programs are out for each reason, most common first (ties by label). */
export function countByCode(verdicts: readonly ProgramVerdict[]): { code: VerdictCode; count: number }[] {
  const counts = new Map<VerdictCode, number>();
  for (const verdict of verdicts) counts.set(verdict.code, (counts.get(verdict.code) ?? 0) + 1);
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort(
      (a, b) => b.count - a.count || VERDICT_CODE_LABELS[a.code].localeCompare(VERDICT_CODE_LABELS[b.code]),
    );
}

/**
 * The programs not on the list, the ones you decided about first (excluded by you), then those with a
 * P(interview) from the highest, then the rest by name.
 */
export function programsOff(verdicts: readonly ProgramVerdict[]): ProgramVerdict[] {
  const rank = (v: ProgramVerdict) => (v.code === 'excluded-by-you' ? 0 : v.interview !== null ? 1 : 2);
  return verdicts
    .filter((verdict) => verdict.status === 'out')
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (b.interview?.probability ?? 0) - (a.interview?.probability ?? 0) ||
        a.name.localeCompare(b.name),
    );
}
