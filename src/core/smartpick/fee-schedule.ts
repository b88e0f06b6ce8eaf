import type { FieldIssue } from '../shared/result.js';
import type { FeeSchedule } from './model-parameters.js';

/**
 * Application cost under a tiered schedule. ERAS charges by how many programs of one specialty you apply to, the
 * same for every program, so a dollar budget becomes a program count.
 */

/** Total cost of applying to `count` programs. */
export function applicationCost(count: number, schedule: FeeSchedule): number {
  if (count <= 0) return 0;
  let cost = schedule.fixedDollars;
  let charged = 0;
  for (const tier of schedule.tiers) {
    const upTo = tier.upTo ?? Number.POSITIVE_INFINITY;
    const inTier = Math.min(count, upTo) - charged;
    if (inTier <= 0) continue;
    cost += inTier * tier.dollarsPerProgram;
    charged += inTier;
    if (charged >= count) break;
  }
  return cost;
}

/** Cost of the n-th program on its own (what adding it costs), n ≥ 1. */
export function costOfNth(n: number, schedule: FeeSchedule): number {
  return applicationCost(n, schedule) - applicationCost(n - 1, schedule);
}

/** The most programs a budget of `dollars` pays for (capped at `limit`). */
export function maxProgramsWithin(dollars: number, schedule: FeeSchedule, limit = 100_000): number {
  let count = 0;
  while (count < limit && applicationCost(count + 1, schedule) <= dollars + 1e-9) count++;
  return count;
}

/** Problems with a schedule, as field issues; empty when it is usable. */
export function feeScheduleIssues(schedule: FeeSchedule, path = 'settings.feeSchedule'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!(schedule.fixedDollars >= 0))
    issues.push({ path: `${path}.fixedDollars`, message: 'Cannot be negative' });
  if (schedule.tiers.length === 0) issues.push({ path: `${path}.tiers`, message: 'Give at least one tier' });
  let previous = 0;
  schedule.tiers.forEach((tier, index) => {
    const at = `${path}.tiers.${index}`;
    if (!(tier.dollarsPerProgram >= 0) || !Number.isFinite(tier.dollarsPerProgram)) {
      issues.push({ path: `${at}.dollarsPerProgram`, message: 'Use a fee of 0 or more' });
    }
    const last = index === schedule.tiers.length - 1;
    if (tier.upTo === null) {
      if (!last) issues.push({ path: `${at}.upTo`, message: 'Only the last tier can be open-ended' });
    } else {
      if (!Number.isInteger(tier.upTo) || tier.upTo <= previous) {
        issues.push({
          path: `${at}.upTo`,
          message: 'Tiers must rise: each upTo a whole number above the last',
        });
      }
      if (last) issues.push({ path: `${at}.upTo`, message: 'The last tier must be open-ended (upTo null)' });
      previous = tier.upTo;
    }
  });
  return issues;
}
