import { z } from 'zod';
import { budgetSchema } from '../profile/applicant-profile.js';
import { feeScheduleIssues } from './fee-schedule.js';
import { DEFAULT_PARAMETERS, type FeeSchedule } from './model-parameters.js';
import { REGION_MODES, type RecommendSettings } from './settings.js';

const acgmeIds = z.array(z.string().trim().min(1).max(40)).max(5000);

export const feeScheduleSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    asOf: z.string().trim().min(1).max(100),
    source: z.string().trim().min(1).max(300),
    fixedDollars: z.number().min(0).max(10_000),
    tiers: z
      .array(
        z.object({
          upTo: z.number().int().min(1).nullable(),
          dollarsPerProgram: z.number().min(0).max(1000),
        }),
      )
      .min(1, 'Give at least one fee tier'),
  })
  // The shape alone allows tiers that fall or an open-ended tier in the middle; the optimizer's own check
  // runs here too, so a bad schedule is refused when saved rather than failing at the next recommendation.
  .superRefine((schedule, ctx) => {
    for (const issue of feeScheduleIssues(schedule, '')) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.split('.').filter(Boolean) });
    }
  }) satisfies z.ZodType<FeeSchedule>;

/** What the "My list" page saves: the user's choices, stored per profile. */
export const smartPickSettingsSchema = z.object({
  /**
   * The profile's budget, which My list's form edits: the server reads it from and saves it to the profile, and
   * stores none here (app/smartpick/budget-settings.ts). null before a profile is saved. As a recommendation
   * override, a budget to try without saving.
   */
  budget: budgetSchema.nullable(),
  signals: z.number().int('Whole number').min(0, 'Cannot be negative').max(100, 'At most 100'),
  stopThreshold: z.number().min(0, 'Cannot be negative').max(1, 'At most 1 (100 points)'),
  pins: acgmeIds,
  excludes: acgmeIds,
  stars: z.record(z.string(), z.number().int().min(0).max(5)),
  /** null: the default ERAS schedule in model-parameters.ts. */
  feeSchedule: feeScheduleSchema.nullable(),
  /** null: 'prefer' when the profile states places, else 'any' (settings.ts). */
  regionMode: z.enum(REGION_MODES).nullable().optional(),
});

export type SmartPickSettings = z.infer<typeof smartPickSettingsSchema>;

export function defaultSmartPickSettings(): SmartPickSettings {
  const defaults = DEFAULT_PARAMETERS.defaults;
  return {
    budget: null,
    signals: defaults.signals,
    stopThreshold: defaults.stopThreshold,
    pins: [],
    excludes: [],
    stars: {},
    feeSchedule: null,
    regionMode: null,
  };
}

/** Saved settings with a request's overrides on top, as the optimizer takes them. */
export function toRecommendSettings(
  saved: SmartPickSettings,
  overrides: Partial<SmartPickSettings> = {},
  matchYear?: number,
): RecommendSettings {
  const merged = { ...saved, ...overrides };
  return {
    // Only an override: the saved budget is the profile's, which the optimizer reads from the profile.
    ...(overrides.budget ? { budget: overrides.budget } : {}),
    signals: merged.signals,
    stopThreshold: merged.stopThreshold,
    pins: merged.pins,
    excludes: merged.excludes,
    stars: merged.stars,
    ...(merged.feeSchedule ? { feeSchedule: merged.feeSchedule } : {}),
    ...(merged.regionMode ? { regionMode: merged.regionMode } : {}),
    ...(matchYear ? { matchYear } : {}),
  };
}
