import type { InterviewWarning } from '../../core/season/interview-warnings.js';
import { INTERVIEW_SLOT_HOURS } from '../../core/season/interview-warnings.js';
import type { ApplicationView } from '../lib/api/season.js';
import { formatDay } from '../network/labels.js';
import { formatInterviewTime } from './interview-time.js';

interface InterviewWarningsProps {
  warnings: readonly InterviewWarning[];
  applications: readonly ApplicationView[];
}

/** Two interviews at once, or one marked interviewed before its date: said plainly, with what to do. */
export function InterviewWarnings({ warnings, applications }: InterviewWarningsProps) {
  if (warnings.length === 0) return null;
  const byId = new Map(applications.map((application) => [application.acgmeId, application]));
  const name = (acgmeId: string) => byId.get(acgmeId)?.program.name ?? acgmeId;
  const when = (acgmeId: string, startsAt: string) =>
    formatInterviewTime(startsAt, byId.get(acgmeId)?.interview?.timeZone ?? 'UTC');
  return (
    <section className="alert alert-warning" aria-labelledby="interview-warnings-heading">
      <h2 id="interview-warnings-heading" className="alert-title">
        Check your interviews
      </h2>
      <ul>
        {warnings.map((warning) =>
          warning.kind === 'overlap' ? (
            <li key={`overlap-${warning.acgmeIds.join('-')}`}>
              Two interviews at the same time: {name(warning.acgmeIds[0])} (
              {when(warning.acgmeIds[0], warning.startsAt[0])}) and {name(warning.acgmeIds[1])} (
              {when(warning.acgmeIds[1], warning.startsAt[1])}) start less than {INTERVIEW_SLOT_HOURS} hours
              apart. Ask one program for another date.
            </li>
          ) : (
            <li key={`early-${warning.acgmeId}`}>
              {name(warning.acgmeId)} is marked interviewed on {formatDay(warning.markedAt.slice(0, 10))},
              before its interview ({when(warning.acgmeId, warning.startsAt)}). If the date changed, correct
              it with Edit.
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
