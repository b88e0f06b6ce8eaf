import type { FeeSchedule } from './model-parameters.js';

/**
 * The ERAS season a schedule is for, read from its `asOf` ("2026 ERAS season (June 2025 on)"); null when it does
 * not name one (a schedule the user wrote).
 */
export function erasSeasonOf(schedule: Pick<FeeSchedule, 'asOf'>): number | null {
  const match = /\b(\d{4}) ERAS season\b/i.exec(schedule.asOf);
  return match ? Number(match[1]) : null;
}

/**
 * The fees labelled by the applicant's cycle. ERAS names a season for the Match it leads to: the 2027 season opens
 * in June 2026 and ends in Match 2027. A schedule for an earlier season is said to be that, with what to check.
 *
 * @example feeCycleLabel(ERAS_2026_FEE_SCHEDULE, 2027)
 * // 'Match 2027 (ERAS 2027 season, from June 2026): the 2026 season’s fees, the latest Matchwise has — check the AAMC’s fees for 2027'
 */
export function feeCycleLabel(schedule: Pick<FeeSchedule, 'asOf'>, matchYear: number): string {
  const cycle = `Match ${matchYear} (ERAS ${matchYear} season, from June ${matchYear - 1})`;
  const season = erasSeasonOf(schedule);
  if (season === null) return `${cycle}: your own schedule`;
  if (season === matchYear) return `${cycle}: the AAMC’s fees for this season`;
  return `${cycle}: the ${season} season’s fees, the latest Matchwise has — check the AAMC’s fees for ${matchYear}`;
}
