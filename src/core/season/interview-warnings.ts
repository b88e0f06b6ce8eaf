import type { Application } from './application.js';

/**
 * ASSUMPTION: an interview takes up to 4 hours (a virtual family medicine interview day is usually a morning or an
 * afternoon); two interviews that start less than this apart clash. Programs that run a full day make it longer:
 * a clash this flags is worth checking either way.
 */
export const INTERVIEW_SLOT_HOURS = 4;

export type InterviewWarning =
  | {
      kind: 'overlap';
      /** The two programs, the earlier interview first. */
      acgmeIds: [string, string];
      startsAt: [string, string];
    }
  | {
      kind: 'interviewed-before-date';
      acgmeId: string;
      /** When it was marked interviewed, and when the interview is. */
      markedAt: string;
      startsAt: string;
    };

const HOUR_MS = 3_600_000;
const interviewStages = new Set<Application['stage']>(['interview-scheduled', 'interviewed', 'ranked']);

/**
 * What does not add up in the interviews: two at the same time, or one marked "interviewed" before its date. Only
 * live applications count (a withdrawn one frees its slot).
 *
 * @example interviewWarnings(applications) // [{ kind: 'overlap', acgmeIds: ['A', 'B'], … }]
 */
export function interviewWarnings(applications: readonly Application[]): InterviewWarning[] {
  const booked = applications
    .filter((a) => a.interview !== null && interviewStages.has(a.stage))
    .map((a) => ({
      acgmeId: a.acgmeId,
      startsAt: a.interview?.startsAt ?? '',
      at: Date.parse(a.interview?.startsAt ?? ''),
    }))
    .sort((a, b) => a.at - b.at || (a.acgmeId < b.acgmeId ? -1 : 1));
  const warnings: InterviewWarning[] = [];
  for (let i = 0; i < booked.length; i++) {
    const first = booked[i];
    if (first === undefined) continue;
    for (let j = i + 1; j < booked.length; j++) {
      const second = booked[j];
      if (second === undefined || second.at - first.at >= INTERVIEW_SLOT_HOURS * HOUR_MS) break;
      warnings.push({
        kind: 'overlap',
        acgmeIds: [first.acgmeId, second.acgmeId],
        startsAt: [first.startsAt, second.startsAt],
      });
    }
  }
  for (const application of applications) {
    const marked = application.history.find((change) => change.stage === 'interviewed');
    if (marked === undefined || application.interview === null) continue;
    if (Date.parse(marked.at) < Date.parse(application.interview.startsAt)) {
      warnings.push({
        kind: 'interviewed-before-date',
        acgmeId: application.acgmeId,
        markedAt: marked.at,
        startsAt: application.interview.startsAt,
      });
    }
  }
  return warnings;
}
