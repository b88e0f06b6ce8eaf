import type { HardFilterId } from '../../core/smartpick/hard-filters.js';
import type { FactorContribution, FactorId } from '../../core/smartpick/types.js';

/** Short names of the interview model's factors (interview-model.ts), for the "Why?" bars. */
export const FACTOR_LABELS: Record<FactorId, string> = {
  'applicant-type': 'Applicant type',
  step2ck: 'Step 2 CK vs the program',
  'years-since-graduation': 'Years since graduation',
  'failed-attempts': 'Failed exam attempts',
  usce: 'U.S. clinical experience',
  'us-letters': 'Letters',
  visa: 'Visa',
  'img-share': 'Program’s IMG share',
  'geographic-ties': 'Ties to the area',
  'geographic-preference': 'Your preferred area',
  'rotated-here': 'Rotated here',
  'letter-writer-here': 'Letter writer here',
  'contact-here': 'Contact here',
  signal: 'Preference signal',
};

/** The "checks" column: what to find out, in a few words, by hard filter ("Check visa sponsorship, …"). */
export const CHECK_LABELS: Record<HardFilterId, string> = {
  visa: 'visa sponsorship',
  'graduation-year': 'graduation-year limit',
  attempts: 'attempt limit',
  'score-minimum': 'Step 2 CK minimum',
  'no-imgs': 'IMG policy',
  'usce-minimum': 'USCE requirement',
};

/** The checks of one program in one line: "Check visa sponsorship, Step 2 CK minimum"; "" when none. */
export function checksText(checks: readonly { filter: HardFilterId }[]): string {
  if (checks.length === 0) return '';
  return `Check ${checks.map((check) => CHECK_LABELS[check.filter] ?? check.filter).join(', ')}`;
}

export interface FactorBar {
  factor: FactorId;
  label: string;
  logOdds: number;
  reason: string;
  /** Length of the bar as a share of the half-width, 0–1; the largest push fills it. */
  size: number;
  direction: 'up' | 'down';
}

/**
 * The factors that moved P(interview), largest push first, each with a bar scaled to the largest; factors
 * with no effect are returned apart so the page can name them in one line.
 *
 * @example factorBars(verdict.interview.contributions).moved[0] // { label: 'Step 2 CK vs the program', size: 1, … }
 */
export function factorBars(contributions: readonly FactorContribution[]): {
  moved: FactorBar[];
  noEffect: FactorContribution[];
} {
  const moved = contributions.filter((c) => Math.abs(c.logOdds) >= 0.005);
  const noEffect = contributions.filter((c) => Math.abs(c.logOdds) < 0.005);
  const largest = Math.max(0, ...moved.map((c) => Math.abs(c.logOdds)));
  return {
    moved: moved
      .map((c) => ({
        factor: c.factor,
        label: FACTOR_LABELS[c.factor] ?? c.factor,
        logOdds: c.logOdds,
        reason: c.reason,
        size: largest > 0 ? Math.abs(c.logOdds) / largest : 0,
        direction: c.logOdds > 0 ? ('up' as const) : ('down' as const),
      }))
      .sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds) || a.label.localeCompare(b.label)),
    noEffect,
  };
}
