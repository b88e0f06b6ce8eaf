import type { Circle, InteractionKind, LetterStatus, MessagePurpose } from '../../core/network/index.js';

/** Words the Network pages show for the core's enum values. */

export const CIRCLE_LABELS: Record<Circle, string> = {
  inner: 'Inner circle',
  middle: 'Middle circle',
  outer: 'Outer circle',
};

export const CIRCLE_HINTS: Record<Circle, string> = {
  inner: 'People who vouch for you: mentors, sponsors, letter writers.',
  middle: 'People you have worked with or who answer you.',
  outer: 'Everyone else you have met.',
};

export const INTERACTION_KIND_LABELS: Record<InteractionKind, string> = {
  rotation: 'Rotation',
  meeting: 'Meeting',
  'email-sent': 'Email sent',
  'email-received': 'Email received',
  call: 'Call',
  video: 'Video call',
  'conference-meeting': 'Met at a conference',
  'letter-requested': 'Letter requested',
  'letter-received': 'Letter received',
  'introduction-made': 'Introduction made',
};

/** What a message was for: the playbook closes a task only on the message it asks for. */
export const MESSAGE_PURPOSE_LABELS: Record<MessagePurpose, string> = {
  'thank-you': 'A thank-you',
  'feedback-request': 'Asking for feedback',
  'letter-request': 'Asking for a letter',
  'follow-up': 'A follow-up after meeting',
  update: 'An update',
  introduction: 'Introducing yourself',
  other: 'Something else',
};

export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  planned: 'Planned',
  requested: 'Requested',
  agreed: 'Agreed',
  uploaded: 'Uploaded',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 25, 2026" for an ISO date, without time-zone shifts (the date is a calendar day). */
export function formatDay(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${MONTHS[Number(month) - 1]} ${Number(day)}, ${year}`;
}

/** "Nov 3–28, 2026", "Nov 28 – Dec 5, 2026" or one day, for a rotation's dates in a message. */
export function formatDayRange(start: string, end: string | null): string {
  if (end === null || end === start) return formatDay(start);
  const [sy, sm] = [start.slice(0, 4), start.slice(5, 7)];
  const [ey, em] = [end.slice(0, 4), end.slice(5, 7)];
  if (sy === ey && sm === em) {
    return `${MONTHS[Number(sm) - 1]} ${Number(start.slice(8, 10))}–${Number(end.slice(8, 10))}, ${sy}`;
  }
  if (sy === ey) {
    return `${formatDay(start).replace(`, ${sy}`, '')} – ${formatDay(end)}`;
  }
  return `${formatDay(start)} – ${formatDay(end)}`;
}

/** Today as an ISO calendar day in the user's time zone. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "Delete video call on Mar 3, 2026": the accessible name of a timeline entry's delete button. */
export function deleteInteractionLabel(interaction: { kind: InteractionKind; date: string }): string {
  return `Delete ${INTERACTION_KIND_LABELS[interaction.kind].toLowerCase()} on ${formatDay(interaction.date)}`;
}
