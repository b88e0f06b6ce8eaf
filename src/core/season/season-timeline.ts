import { z } from 'zod';
import { addDays } from '../network/dates.js';
import { defaultMatchDay } from '../network/network-settings.js';
import { storableText } from '../shared/storable-text.js';

/** Every date below comes from this guide unless its item says "verify each cycle". */
const AAFP = 'AAFP "Strolling Through the Match", 2023–2024 edition';

export const TIMELINE_ITEM_IDS = [
  'myeras-opens',
  'applications-open',
  'nrmp-registration-opens',
  'mspe-release',
  'interview-season',
  'nrmp-registration-closes',
  'rank-list-opens',
  'rank-list-deadline',
  'match-week',
  'match-day',
] as const;

export type TimelineItemId = (typeof TIMELINE_ITEM_IDS)[number];

/** A deadline can be missed (overdue); a milestone or a window just passes. */
export type TimelineKind = 'deadline' | 'milestone' | 'window';

export interface TimelineItem {
  id: TimelineItemId;
  title: string;
  kind: TimelineKind;
  /** ISO date; the first day of a window. */
  date: string;
  /** ISO date, inclusive; only windows have one. */
  endDate: string | null;
  /** The source gives a rule ("first week of June"), not a date: the date is computed from the rule. */
  approximate: boolean;
  source: string;
  /** The applicant changed this date; the source no longer describes it. */
  edited: boolean;
  done: boolean;
}

/** The applicant's edits, stored per cycle and validated at the boundary before they reach the timeline. */
export const timelineOverrideSchema = z.object({
  date: z.iso.date({ message: 'Use a date like 2027-03-19' }).optional(),
  endDate: z.iso.date({ message: 'Use a date like 2027-03-19' }).nullable().optional(),
  title: storableText().min(1, 'A title is required').optional(),
  done: z.boolean().optional(),
});

export const timelineOverridesSchema = z.partialRecord(z.enum(TIMELINE_ITEM_IDS), timelineOverrideSchema);

export type TimelineOverride = z.infer<typeof timelineOverrideSchema>;
export type TimelineOverrides = z.infer<typeof timelineOverridesSchema>;

export interface SeasonTimeline {
  matchYear: number;
  items: TimelineItem[];
}

type Base = Omit<TimelineItem, 'edited' | 'done'>;

/** The cycle's defaults; Match Week and the rank list deadline follow Match Day, edited or not. */
function defaults(matchYear: number, matchDay: string): Base[] {
  const fall = matchYear - 1;
  return [
    {
      id: 'myeras-opens',
      title: 'MyERAS opens: register and start the application',
      kind: 'milestone',
      date: `${fall}-06-01`,
      endDate: null,
      approximate: true,
      source: `${AAFP}: "the first week of June" (shown as its first day)`,
    },
    {
      id: 'applications-open',
      title: 'Applications to programs open: apply as early as possible',
      kind: 'milestone',
      date: `${fall}-09-01`,
      endDate: null,
      approximate: true,
      source: `${AAFP}: "September" (shown as its first day)`,
    },
    {
      id: 'nrmp-registration-opens',
      title: 'NRMP registration opens',
      kind: 'milestone',
      date: `${fall}-09-15`,
      endDate: null,
      approximate: true,
      source: `${AAFP}: "mid-September"`,
    },
    {
      id: 'mspe-release',
      title: 'MSPE released to programs',
      kind: 'milestone',
      date: `${fall}-10-01`,
      endDate: null,
      approximate: false,
      source: `${AAFP}: uniform release October 1`,
    },
    {
      id: 'interview-season',
      title: 'Interview season',
      kind: 'window',
      date: `${fall}-11-01`,
      endDate: `${matchYear}-01-31`,
      approximate: true,
      source: `${AAFP}: "late fall to winter" (shown as November through January)`,
    },
    {
      id: 'nrmp-registration-closes',
      title: 'NRMP registration deadline',
      kind: 'deadline',
      date: `${matchYear}-01-31`,
      endDate: null,
      approximate: false,
      source: `${AAFP}: registration until January 31`,
    },
    {
      id: 'rank-list-opens',
      title: 'Rank order list entry opens',
      kind: 'milestone',
      date: `${matchYear}-02-01`,
      endDate: null,
      approximate: true,
      source: 'NRMP Match calendar: early February — verify each cycle',
    },
    {
      id: 'rank-list-deadline',
      title: 'Certify your rank order list',
      kind: 'deadline',
      date: addDays(matchDay, -16),
      endDate: null,
      approximate: true,
      source: `${AAFP}: "late February / early March"; in recent cycles the Wednesday 16 days before Match Day — verify each cycle`,
    },
    {
      id: 'match-week',
      title: 'Match Week: SOAP opens Monday',
      kind: 'window',
      date: addDays(matchDay, -4),
      endDate: matchDay,
      approximate: true,
      source: `${AAFP}: SOAP opens Monday of Match Week`,
    },
    {
      id: 'match-day',
      title: 'Match Day',
      kind: 'milestone',
      date: matchDay,
      endDate: null,
      approximate: true,
      source: `${AAFP}: the third Friday in March`,
    },
  ];
}

/**
 * The key dates of one Match cycle (June of the year before through Match Day), with the applicant's edits.
 *
 * @example seasonTimeline(2027, { 'match-day': { date: '2027-03-19' }, 'myeras-opens': { done: true } })
 */
export function seasonTimeline(matchYear: number, overrides: TimelineOverrides = {}): SeasonTimeline {
  const matchDay = overrides['match-day']?.date ?? defaultMatchDay(matchYear);
  const items = defaults(matchYear, matchDay).map((base): TimelineItem => {
    const override = overrides[base.id] ?? {};
    const edited = override.date !== undefined || override.endDate !== undefined;
    return {
      ...base,
      // Field by field, so an explicit `undefined` in an edit cannot erase a default.
      title: override.title ?? base.title,
      date: override.date ?? base.date,
      endDate: override.endDate === undefined ? base.endDate : override.endDate,
      // An edited date is the applicant's own, so it is no longer a computed approximation.
      approximate: edited ? false : base.approximate,
      edited,
      done: override.done ?? false,
    };
  });
  items.sort((a, b) => a.date.localeCompare(b.date));
  return { matchYear, items };
}

/** The calendar day an instant falls on in a time zone, e.g. 2027-03-03 at 03:00Z in America/Chicago. */
export function localDay(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export interface WhatIsNext {
  /** Not done and not yet over (a window in progress counts), soonest first. */
  next: TimelineItem[];
  /** Deadlines whose day has passed without being marked done. */
  overdue: TimelineItem[];
}

/**
 * What the Home page shows: what is coming and what was missed, judged on the applicant's local day.
 *
 * @example whatIsNext(seasonTimeline(2027), { now: new Date('2027-02-01T12:00:00Z'), timeZone: 'America/Chicago' })
 */
export function whatIsNext(
  timeline: SeasonTimeline,
  { now, timeZone = 'UTC', limit = 3 }: { now: Date; timeZone?: string; limit?: number },
): WhatIsNext {
  const today = localDay(now, timeZone);
  const open = timeline.items.filter((item) => !item.done);
  return {
    next: open.filter((item) => (item.endDate ?? item.date) >= today).slice(0, limit),
    overdue: open.filter((item) => item.kind === 'deadline' && item.date < today),
  };
}

/** Every cycle's edits, keyed by Match year ("2027"), as one stored settings document. */
export const timelineEditsByYearSchema = z.record(
  storableText().regex(/^\d{4}$/, 'Use a Match year like 2027'),
  timelineOverridesSchema,
);

export type TimelineEditsByYear = z.infer<typeof timelineEditsByYearSchema>;
