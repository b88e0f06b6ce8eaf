import { programTimeZone } from '../../core/geo/time-zones.js';
import type { ApplicationEdit, ApplicationView, Interview, Stage } from '../lib/api/season.js';
import { isKnownTimeZone, offsetIsoToZoned, zonedToOffsetIso } from './interview-time.js';
import { IMPRESSION_RATINGS } from './labels.js';

/** The stages after which impressions can be recorded. */
export const INTERVIEWED_STAGES: readonly Stage[] = ['interviewed', 'ranked', 'matched', 'not-matched'];

export type RatingKey = (typeof IMPRESSION_RATINGS)[number]['key'];

/** What the edit form holds: text as typed, one field per input (`name` attributes match these keys). */
export interface ApplicationDraft {
  appliedOn: string;
  feeDollars: string;
  invitedOn: string;
  responseDeadline: string;
  interviewAt: string;
  timeZone: string;
  mode: Interview['mode'];
  ratings: Record<RatingKey, string>;
  impressionNotes: string;
  notes: string;
}

export type ApplicationField = Exclude<keyof ApplicationDraft, 'ratings'> | `rating-${RatingKey}`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The browser's zone when it is a US one, else Chicago: the fallback when the program's zone is unknown. */
export function defaultTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone?.startsWith('America/') || zone === 'Pacific/Honolulu' ? zone : 'America/Chicago';
}

export function draftFromApplication(application: ApplicationView): ApplicationDraft {
  const zone = application.interview?.timeZone ?? programTimeZone(application.program) ?? defaultTimeZone();
  const ratings = Object.fromEntries(
    IMPRESSION_RATINGS.map(({ key }) => {
      const value = application.impressions?.ratings[key];
      return [key, value === undefined ? '' : String(value)];
    }),
  ) as Record<RatingKey, string>;
  return {
    appliedOn: application.appliedOn ?? '',
    feeDollars: application.feeDollars === null ? '' : String(application.feeDollars),
    invitedOn: application.invitedOn ?? '',
    responseDeadline: application.responseDeadline ?? '',
    interviewAt: application.interview ? offsetIsoToZoned(application.interview.startsAt, zone) : '',
    timeZone: zone,
    mode: application.interview?.mode ?? 'virtual',
    ratings,
    impressionNotes: application.impressions?.notes ?? '',
    notes: application.notes ?? '',
  };
}

export type ParsedDraft =
  | { ok: true; value: ApplicationEdit }
  | { ok: false; errors: Partial<Record<ApplicationField, string>> };

/** The interview part alone (also used when a card is moved to "Interview scheduled"). */
export function parseInterview(
  interviewAt: string,
  timeZone: string,
  mode: Interview['mode'],
):
  | { ok: true; value: Interview }
  | { ok: false; errors: Partial<Record<'interviewAt' | 'timeZone', string>> } {
  const errors: Partial<Record<'interviewAt' | 'timeZone', string>> = {};
  if (interviewAt.trim() === '') errors.interviewAt = 'Enter the interview date and time';
  if (!isKnownTimeZone(timeZone.trim())) errors.timeZone = 'Use a time zone like America/Chicago';
  const startsAt =
    errors.interviewAt || errors.timeZone ? null : zonedToOffsetIso(interviewAt, timeZone.trim());
  if (!errors.interviewAt && !errors.timeZone && startsAt === null)
    errors.interviewAt = 'Use a date and time like 2026-12-03 09:00';
  if (startsAt === null) return { ok: false, errors };
  return { ok: true, value: { startsAt, timeZone: timeZone.trim(), mode } };
}

/**
 * Checks the form and turns it into a PATCH body. The interview is sent only when a time is entered; the
 * impressions only for a program already interviewed.
 *
 * @example parseApplicationDraft({ ...draft, feeDollars: '-5' }, 'applied') // { ok: false, errors: { feeDollars } }
 */
export function parseApplicationDraft(draft: ApplicationDraft, stage: Stage): ParsedDraft {
  const errors: Partial<Record<ApplicationField, string>> = {};
  const date = (field: 'appliedOn' | 'invitedOn' | 'responseDeadline'): string | null => {
    const text = draft[field].trim();
    if (text === '') return null;
    if (!DATE.test(text)) errors[field] = 'Use a date like 2026-09-27';
    return text;
  };
  const appliedOn = date('appliedOn');
  const invitedOn = date('invitedOn');
  const responseDeadline = date('responseDeadline');

  let feeDollars: number | null = null;
  const feeText = draft.feeDollars.trim().replace(/^\$/, '');
  if (feeText !== '') {
    const fee = Number(feeText);
    if (!Number.isFinite(fee)) errors.feeDollars = 'Enter the fee in dollars, e.g. 35';
    else if (fee < 0) errors.feeDollars = 'Fees cannot be negative';
    else feeDollars = fee;
  }

  let interview: Interview | null = null;
  if (draft.interviewAt.trim() !== '') {
    const parsed = parseInterview(draft.interviewAt, draft.timeZone, draft.mode);
    if (parsed.ok) interview = parsed.value;
    else Object.assign(errors, parsed.errors);
  }

  const value: ApplicationEdit = {
    appliedOn,
    feeDollars,
    invitedOn,
    responseDeadline,
    interview,
    notes: draft.notes,
  };

  if (INTERVIEWED_STAGES.includes(stage)) {
    const ratings: Record<string, number> = {};
    for (const { key } of IMPRESSION_RATINGS) {
      const text = draft.ratings[key];
      if (text !== '') ratings[key] = Number(text);
    }
    const any = Object.keys(ratings).length > 0 || draft.impressionNotes.trim() !== '';
    value.impressions = any ? { ratings, notes: draft.impressionNotes } : null;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value };
}

/** Maps a server field path (`feeDollars`, `interview.timeZone`, `impressions.ratings.fit`) onto a form field. */
export function applicationFieldOfPath(path: string): ApplicationField | null {
  if (path === 'interview.startsAt' || path === 'interview') return 'interviewAt';
  if (path === 'interview.timeZone') return 'timeZone';
  if (path === 'interview.mode') return 'mode';
  const rating = /^impressions\.ratings\.(\w+)/.exec(path);
  if (rating) return `rating-${rating[1]}` as ApplicationField;
  if (path.startsWith('impressions')) return 'impressionNotes';
  const head = path.split('.')[0] ?? '';
  return ['appliedOn', 'feeDollars', 'invitedOn', 'responseDeadline', 'notes'].includes(head)
    ? (head as ApplicationField)
    : null;
}
