import type { ApplicationView } from '../lib/api/season.js';

/**
 * Interviews still to come (scheduled, not yet marked interviewed), soonest first.
 *
 * @example upcomingInterviews(applications, new Date()).slice(0, 3)
 */
export function upcomingInterviews(applications: readonly ApplicationView[], now: Date): ApplicationView[] {
  return applications
    .filter(
      (a) =>
        a.stage === 'interview-scheduled' &&
        a.interview !== null &&
        new Date(a.interview.startsAt).getTime() >= now.getTime() - 4 * 3600_000,
    )
    .sort(
      (a, b) =>
        new Date(a.interview?.startsAt ?? 0).getTime() - new Date(b.interview?.startsAt ?? 0).getTime(),
    );
}
