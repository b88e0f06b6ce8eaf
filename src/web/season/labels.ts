import type { Stage } from '../lib/api/season.js';

/** Words for the pipeline's stages, as the board's column headings and the "Move to…" options. */
export const STAGE_LABELS: Record<Stage, string> = {
  saved: 'Saved',
  applied: 'Applied',
  signaled: 'Signaled',
  'interview-invited': 'Interview invited',
  'interview-scheduled': 'Interview scheduled',
  interviewed: 'Interviewed',
  ranked: 'Ranked',
  matched: 'Matched',
  'not-matched': 'Not matched',
  withdrawn: 'Withdrawn',
};

/** The impressions an applicant rates after each interview, 1 (poor) to 5 (excellent). */
export const IMPRESSION_RATINGS = [
  { key: 'residents', label: 'Residents and culture' },
  { key: 'faculty', label: 'Faculty and teaching' },
  { key: 'location', label: 'Location and life' },
  { key: 'fit', label: 'Overall fit' },
] as const;

/** "$1,234" for a dollar amount. */
export const formatDollars = (dollars: number): string => `$${Math.round(dollars).toLocaleString('en-US')}`;

/** "42%" for a probability between 0 and 1; under 1% shows "<1%" so a small chance never reads as none. */
export function formatProbability(p: number): string {
  if (p > 0 && p < 0.01) return '<1%';
  return `${Math.round(p * 100)}%`;
}

/** "62% (95% CI 59–65%)". */
export function formatWithCi(p: number, ci: readonly [number, number]): string {
  return `${formatProbability(p)} (95% CI ${Math.round(ci[0] * 100)}–${Math.round(ci[1] * 100)}%)`;
}
