import type { ApplicantProfile } from '../profile/applicant-profile.js';
import type { FieldIssue } from '../shared/result.js';
import { feeScheduleIssues } from './fee-schedule.js';
import type { FeeSchedule, ModelParameters } from './model-parameters.js';

/** What the user can change on the "My list" page; everything is optional and has a documented default. */
export interface RecommendSettings {
  /** Programs or dollars; defaults to the profile's budget. */
  budget?: ApplicantProfile['budget'];
  /** Preference signals to place (default: parameters.defaults.signals). */
  signals?: number;
  /** Stop suggesting programs once the next adds less than this to P(match) (default 0.001 = 0.1 point). */
  stopThreshold?: number;
  /** Application fees per program-count tier (default: ERAS 2026 season; verify each cycle). */
  feeSchedule?: FeeSchedule;
  /** ACGME ids always on the list. */
  pins?: readonly string[];
  /** ACGME ids never on the list. */
  excludes?: readonly string[];
  /** The user's stars, 0–5, by ACGME id. */
  stars?: Readonly<Record<string, number>>;
  /**
   * How much fit may weigh against chance: each program's value in the objective counts (1 + fitTolerance × fit)
   * times (default 0: fit only breaks exact ties, so the headline P(match) is the best the budget can buy).
   */
  fitTolerance?: number;
  /**
   * Where you want to live against your chance: 'any' (chance only), 'prefer' (at most 40% of the list outside your
   * preferred states, divisions and regions) or 'strongly-prefer' (at most 10%). Default 'prefer' when you stated a
   * preference, else 'any'.
   */
  regionMode?: RegionMode;
  /** The Match year (e.g. 2027 for applications in fall 2026); sets years since graduation. */
  matchYear?: number;
  /** Per-factor explanations for listed programs only ('list', default: keeps 5,000-program results small and fast;
   * use explainProgram for one program on demand) or for every evaluated program ('all'). */
  explain?: 'all' | 'list';
}

export const REGION_MODES = ['any', 'prefer', 'strongly-prefer'] as const;
export type RegionMode = (typeof REGION_MODES)[number];

/** Share of the list that may lie outside the preferred places, per mode (a value judgement, yours to change). */
export const OUTSIDE_SHARE: Record<RegionMode, number> = { any: 1, prefer: 0.4, 'strongly-prefer': 0.1 };

/** Settings with every default filled in. */
export interface ResolvedSettings {
  budget: ApplicantProfile['budget'];
  signals: number;
  stopThreshold: number;
  feeSchedule: FeeSchedule;
  pins: ReadonlySet<string>;
  excludes: ReadonlySet<string>;
  stars: Readonly<Record<string, number>>;
  fitTolerance: number;
  regionMode: RegionMode;
  matchYear: number;
  explain: 'all' | 'list';
}

export function resolveSettings(
  profile: ApplicantProfile,
  settings: RecommendSettings | undefined,
  parameters: ModelParameters,
): ResolvedSettings {
  const s = settings ?? {};
  const d = parameters.defaults;
  return {
    budget: s.budget ?? profile.budget,
    signals: s.signals ?? d.signals,
    stopThreshold: s.stopThreshold ?? d.stopThreshold,
    feeSchedule: s.feeSchedule ?? d.feeSchedule,
    pins: new Set(s.pins ?? []),
    excludes: new Set(s.excludes ?? []),
    stars: s.stars ?? {},
    fitTolerance: s.fitTolerance ?? d.fitTolerance,
    regionMode:
      s.regionMode ??
      (profile.geography.preferredStates.length +
        profile.geography.preferredDivisions.length +
        (profile.geography.preferredRegions?.length ?? 0) >
      0
        ? 'prefer'
        : 'any'),
    matchYear: s.matchYear ?? d.matchYear,
    explain: s.explain ?? 'list',
  };
}

/** Problems with the settings, named by field; empty when they are usable. */
export function settingsIssues(settings: ResolvedSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const budget = settings.budget;
  if (budget.kind === 'programs') {
    if (!Number.isInteger(budget.programs) || budget.programs < 0) {
      issues.push({ path: 'settings.budget.programs', message: 'Use a whole number of programs, 0 or more' });
    }
  } else if (!(budget.dollars >= 0) || !Number.isFinite(budget.dollars)) {
    issues.push({ path: 'settings.budget.dollars', message: 'Use a dollar amount, 0 or more' });
  }
  if (!Number.isInteger(settings.signals) || settings.signals < 0 || settings.signals > 100) {
    issues.push({ path: 'settings.signals', message: 'Use a whole number of signals from 0 to 100' });
  }
  if (!(settings.stopThreshold >= 0 && settings.stopThreshold <= 1)) {
    issues.push({
      path: 'settings.stopThreshold',
      message: 'Use a share of P(match) between 0 and 1 (0.001 = 0.1 point)',
    });
  }
  if (!(REGION_MODES as readonly string[]).includes(settings.regionMode)) {
    issues.push({ path: 'settings.regionMode', message: 'Use any, prefer or strongly-prefer' });
  }
  if (!(settings.fitTolerance >= 0 && settings.fitTolerance < 1)) {
    issues.push({ path: 'settings.fitTolerance', message: 'Use a tolerance from 0 up to (not including) 1' });
  }
  if (!Number.isInteger(settings.matchYear) || settings.matchYear < 1960 || settings.matchYear > 2100) {
    issues.push({ path: 'settings.matchYear', message: 'Use a Match year like 2027' });
  }
  for (const [id, stars] of Object.entries(settings.stars)) {
    if (!(stars >= 0 && stars <= 5))
      issues.push({ path: `settings.stars.${id}`, message: 'Stars run from 0 to 5' });
  }
  issues.push(...feeScheduleIssues(settings.feeSchedule));
  return issues;
}
