import { toCsv } from '../shared/csv.js';
import type { Recommendation } from './recommend.js';

export const LIST_CSV_COLUMNS = [
  'position',
  'acgme_id',
  'program',
  'city',
  'state',
  'tier',
  'p_interview',
  'p_interview_low',
  'p_interview_high',
  'signal',
  'pinned',
  'marginal_gain',
  'checks',
  'why',
  'synthetic',
] as const;

const round = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : value.toFixed(3);

/**
 * The recommended list as CSV an applicant pastes into a spreadsheet or ERAS planning: one row per program in
 * list order, probabilities as 0–1 with three decimals, and what to check before applying.
 */
export function recommendationToCsv(
  recommendation: Recommendation,
  syntheticIds: ReadonlySet<string>,
): string {
  return toCsv(
    [...LIST_CSV_COLUMNS],
    recommendation.list.map((verdict) => [
      verdict.position,
      verdict.acgmeId,
      verdict.name,
      verdict.city,
      verdict.state,
      verdict.tier,
      round(verdict.interview?.probability),
      round(verdict.interview?.range[0]),
      round(verdict.interview?.range[1]),
      verdict.signaled ? 'yes' : '',
      verdict.pinned ? 'yes' : '',
      round(verdict.marginalGain),
      verdict.checks.map((check) => check.whatToCheck).join('; '),
      verdict.why,
      syntheticIds.has(verdict.acgmeId) ? 'synthetic' : '',
    ]),
  );
}
