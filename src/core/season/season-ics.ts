import { addDays } from '../network/dates.js';
import { escapeText, foldLine } from '../network/ics.js';
import type { Application } from './application.js';
import type { SeasonTimeline } from './season-timeline.js';

/**
 * Assumption, not a sourced fact: an interview day is blocked as 4 hours unless the caller says otherwise,
 * since the application records only when it starts.
 */
export const DEFAULT_INTERVIEW_MINUTES = 240;

export interface SeasonIcsInput {
  timeline: SeasonTimeline;
  applications: readonly Application[];
  /** Program names by ACGME id, for readable titles; the id is used when a name is missing. */
  programNames?: Readonly<Record<string, string>>;
  interviewMinutes?: number;
  now: Date;
}

const compactDate = (isoDate: string): string => isoDate.replace(/-/g, '');
const compactInstant = (instant: Date): string =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

interface AllDayEvent {
  uid: string;
  stamp: string;
  firstDay: string;
  lastDay: string;
  summary: string;
  description: string;
}

function allDay({ uid, stamp, firstDay, lastDay, summary, description }: AllDayEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}@matchwise.local`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compactDate(firstDay)}`,
    // DTEND is exclusive: an all-day event ends the day after its last day.
    `DTEND;VALUE=DATE:${compactDate(addDays(lastDay, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** "09:00 America/Chicago": the program's own clock, which is what the invitation email states. */
function localTime(instant: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${time.format(instant)} ${timeZone}`;
}

/**
 * The season in one iCalendar file (RFC 5545): timeline dates and invitation reply deadlines as all-day
 * events, scheduled interviews as timed events.
 *
 * Interviews are written in UTC (`DTSTART:20261203T150000Z`), not with TZID: a TZID needs a matching
 * VTIMEZONE block with the zone's rules, which core has no tz database to write, and every calendar shows a
 * UTC time in the viewer's own zone. The program's local time stays readable in the description.
 *
 * @example seasonIcs({ timeline: seasonTimeline(2027), applications, now: new Date('2026-11-25T12:00:00Z') })
 */
export function seasonIcs({
  timeline,
  applications,
  programNames = {},
  interviewMinutes = DEFAULT_INTERVIEW_MINUTES,
  now,
}: SeasonIcsInput): string {
  const stamp = compactInstant(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Matchwise//Application season//EN',
    'CALSCALE:GREGORIAN',
  ];
  for (const item of timeline.items) {
    const caveat = item.approximate ? 'Approximate date; check the official calendar. ' : '';
    lines.push(
      ...allDay({
        uid: `season-${timeline.matchYear}-${item.id}`,
        stamp,
        firstDay: item.date,
        lastDay: item.endDate ?? item.date,
        summary: item.title,
        description: `${caveat}Source: ${item.source}`,
      }),
    );
  }
  for (const application of applications) {
    const name = programNames[application.acgmeId] ?? `Program ${application.acgmeId}`;
    const deadline = application.responseDeadline;
    if (application.stage === 'interview-invited' && deadline !== null) {
      lines.push(
        ...allDay({
          uid: `invite-reply-${application.acgmeId}`,
          stamp,
          firstDay: deadline,
          lastDay: deadline,
          summary: `Reply to interview invitation: ${name}`,
          description: 'Invitations fill up; reply early.',
        }),
      );
    }
    const interview = application.interview;
    if (interview === null || application.stage === 'withdrawn') continue;
    const start = new Date(interview.startsAt);
    const end = new Date(start.getTime() + interviewMinutes * 60_000);
    const mode = interview.mode === 'virtual' ? 'Virtual' : 'In-person';
    lines.push(
      'BEGIN:VEVENT',
      // One interview per program, so the id keeps re-imports updating the same event.
      `UID:interview-${escapeText(application.acgmeId)}@matchwise.local`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${compactInstant(start)}`,
      `DTEND:${compactInstant(end)}`,
      `SUMMARY:${escapeText(`Interview: ${name}`)}`,
      `DESCRIPTION:${escapeText(`${mode} interview, starts ${localTime(start, interview.timeZone)}`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
