import type { TimelineItem, TimelineItemId, TimelineOverrides } from '../lib/api/season.js';

export interface TimelineRowDraft {
  date: string;
  endDate: string;
  done: boolean;
}

export type TimelineDraft = Partial<Record<TimelineItemId, TimelineRowDraft>>;

/** Field names in the form: `match-day.date`, the same paths the server's 400 names. */
export type TimelineField = `${TimelineItemId}.${'date' | 'endDate'}`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function draftFromTimeline(items: readonly TimelineItem[]): TimelineDraft {
  return Object.fromEntries(
    items.map((item) => [item.id, { date: item.date, endDate: item.endDate ?? '', done: item.done }]),
  );
}

/**
 * The overrides to PUT: the stored ones, plus every date or done mark the applicant changed in the form.
 * Unchanged rows keep their stored edits (or none); a bad date is reported under its field.
 *
 * @example timelineOverridesFromDraft(items, { 'match-day': { date: '2027-03-19', endDate: '', done: false } }, {})
 */
export function timelineOverridesFromDraft(
  items: readonly TimelineItem[],
  draft: TimelineDraft,
  stored: TimelineOverrides,
):
  | { ok: true; overrides: TimelineOverrides }
  | { ok: false; errors: Partial<Record<TimelineField, string>> } {
  const overrides: TimelineOverrides = structuredClone(stored);
  const errors: Partial<Record<TimelineField, string>> = {};
  for (const item of items) {
    const row = draft[item.id];
    if (!row) continue;
    const next = { ...(overrides[item.id] ?? {}) };
    if (row.date !== item.date) {
      if (!DATE.test(row.date)) errors[`${item.id}.date`] = 'Use a date like 2027-03-19';
      else next.date = row.date;
    }
    if (item.kind === 'window' && row.endDate !== (item.endDate ?? '')) {
      if (row.endDate !== '' && !DATE.test(row.endDate))
        errors[`${item.id}.endDate`] = 'Use a date like 2027-03-19';
      else if (row.endDate !== '' && row.endDate < (next.date ?? item.date))
        errors[`${item.id}.endDate`] = 'The end cannot be before the start';
      else next.endDate = row.endDate === '' ? null : row.endDate;
    }
    if (row.done !== item.done) next.done = row.done;
    if (Object.keys(next).length > 0) overrides[item.id] = next;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, overrides };
}
