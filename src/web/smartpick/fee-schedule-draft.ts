import { feeScheduleIssues } from '../../core/smartpick/fee-schedule.js';
import { ERAS_2026_FEE_SCHEDULE, type FeeSchedule } from '../../core/smartpick/model-parameters.js';
import { feeScheduleSchema } from '../../core/smartpick/settings-schema.js';
import type { SmartPickSettings } from '../lib/api/types.js';

/**
 * The "Application fees" editor of the "My list" form: the fee schedule as typed (text, so any value can be typed
 * and then explained), edited immutably, and turned back into a core `FeeSchedule` — or null for the default.
 */

/** The schedule the server uses when the settings hold none (settings.feeSchedule null). */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = ERAS_2026_FEE_SCHEDULE;

/** How a schedule the user typed is labelled: theirs, not the AAMC's, dated the day it was entered. */
export const USER_SCHEDULE_NAME = 'Your fee schedule';
export const USER_SCHEDULE_SOURCE = 'entered by you';

/** A fee schedule as the settings hold it (the core FeeSchedule, as the zod schema types it). */
export type SettingsFeeSchedule = NonNullable<SmartPickSettings['feeSchedule']>;

export interface FeeTierDraft {
  /** A stable key while tiers are added and removed (React keys, focus). */
  id: number;
  /** The last program count charged at this rate, as typed; ignored for the last tier ("and above"). */
  upTo: string;
  dollarsPerProgram: string;
}

export interface FeeScheduleDraft {
  /**
   * The saved schedule the draft started from, null for the default. While the numbers are unchanged it is kept
   * as it is (its name and date); once they change, the schedule becomes the user's own.
   */
  base: SettingsFeeSchedule | null;
  fixedDollars: string;
  tiers: FeeTierDraft[];
}

export type FeeDraftField =
  | 'fixedDollars'
  | 'tiers'
  | `tiers.${number}.upTo`
  | `tiers.${number}.dollarsPerProgram`;

export type FeeDraftErrors = Partial<Record<FeeDraftField, string>>;

export type ParsedFeeDraft =
  | { ok: true; schedule: SettingsFeeSchedule | null }
  | { ok: false; errors: FeeDraftErrors };

/** The numbers of a schedule, without its labels. */
type FeeNumbers = Pick<FeeSchedule, 'fixedDollars' | 'tiers'>;
type SettingsFeeNumbers = Pick<SettingsFeeSchedule, 'fixedDollars' | 'tiers'>;

const WHOLE = /^\d+$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;

const amountText = (value: number): string => String(value);

/** Today as YYYY-MM-DD in the user's time zone: the date a schedule they typed is "as of". */
export function localIsoDate(date: Date = new Date()): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * The editor's starting values for a saved schedule (null: the default ERAS one).
 *
 * @example feeDraftFromSchedule(null).tiers // [{ id: 1, upTo: '30', dollarsPerProgram: '11' }, { id: 2, upTo: '', dollarsPerProgram: '30' }]
 */
export function feeDraftFromSchedule(schedule: SettingsFeeSchedule | null): FeeScheduleDraft {
  const shown = schedule ?? DEFAULT_FEE_SCHEDULE;
  return {
    base: schedule,
    fixedDollars: amountText(shown.fixedDollars),
    tiers: shown.tiers.map((tier, index) => ({
      id: index + 1,
      upTo: tier.upTo === null ? '' : String(tier.upTo),
      dollarsPerProgram: amountText(tier.dollarsPerProgram),
    })),
  };
}

/** "Reset to ERAS default": the default schedule, which the settings store as null. */
export function resetFeeDraft(): FeeScheduleDraft {
  return feeDraftFromSchedule(null);
}

/** One tier's typed value changed. */
export function setFeeTier(
  draft: FeeScheduleDraft,
  index: number,
  field: 'upTo' | 'dollarsPerProgram',
  value: string,
): FeeScheduleDraft {
  if (index < 0 || index >= draft.tiers.length) return draft;
  return {
    ...draft,
    tiers: draft.tiers.map((tier, i) => (i === index ? { ...tier, [field]: value } : tier)),
  };
}

export function setFixedDollars(draft: FeeScheduleDraft, value: string): FeeScheduleDraft {
  return { ...draft, fixedDollars: value };
}

/**
 * Add a tier just before the open-ended last one: it ends 10 programs after the tier before it and charges what
 * the last tier charges, so adding it changes no cost until it is edited. Returns the draft and the new tier's
 * index.
 *
 * @example addFeeTier(feeDraftFromSchedule(null)).draft.tiers.map((t) => t.upTo) // ['30', '40', '']
 */
export function addFeeTier(draft: FeeScheduleDraft): { draft: FeeScheduleDraft; index: number } {
  const count = draft.tiers.length;
  const last = draft.tiers[count - 1];
  const before = count >= 2 ? draft.tiers[count - 2] : undefined;
  const previousUpTo = before && WHOLE.test(before.upTo.trim()) ? Number(before.upTo.trim()) : 0;
  const id = Math.max(0, ...draft.tiers.map((tier) => tier.id)) + 1;
  const added: FeeTierDraft = {
    id,
    upTo: String(previousUpTo + 10),
    dollarsPerProgram: last?.dollarsPerProgram ?? '0',
  };
  const index = Math.max(0, count - 1);
  return {
    draft: { ...draft, tiers: [...draft.tiers.slice(0, index), added, ...draft.tiers.slice(index)] },
    index,
  };
}

/**
 * Remove one tier; the schedule keeps at least one. Removing the last tier makes the one before it open-ended
 * ("and above").
 */
export function removeFeeTier(draft: FeeScheduleDraft, index: number): FeeScheduleDraft {
  if (draft.tiers.length <= 1 || index < 0 || index >= draft.tiers.length) return draft;
  const tiers = draft.tiers.filter((_, i) => i !== index);
  const lastIndex = tiers.length - 1;
  return {
    ...draft,
    tiers: tiers.map((tier, i) => (i === lastIndex ? { ...tier, upTo: '' } : tier)),
  };
}

const wholeOrNull = (text: string | undefined): number | null =>
  text !== undefined && WHOLE.test(text.trim()) ? Number(text.trim()) : null;

/**
 * The program counts a tier charges for (`to` null for the open-ended last tier), from what is typed; null while
 * that cannot be read (a limit up to this tier is missing or does not rise).
 *
 * @example tierBounds(feeDraftFromSchedule(null), 1) // { from: 31, to: null }
 */
export function tierBounds(
  draft: FeeScheduleDraft,
  index: number,
): { from: number; to: number | null } | null {
  if (index < 0 || index >= draft.tiers.length) return null;
  const last = index === draft.tiers.length - 1;
  let previous = 0;
  for (let i = 0; i < (last ? index : index + 1); i++) {
    const upTo = wholeOrNull(draft.tiers[i]?.upTo);
    if (upTo === null || upTo <= previous) return null;
    if (i < index) previous = upTo;
    else return { from: previous + 1, to: upTo };
  }
  return { from: previous + 1, to: null };
}

/**
 * A tier's program counts in words, or null while they cannot be read.
 *
 * @example tierRange(feeDraftFromSchedule(null), 1) // "programs 31 and above"
 */
export function tierRange(draft: FeeScheduleDraft, index: number): string | null {
  const bounds = tierBounds(draft, index);
  if (bounds === null) return null;
  const { from, to } = bounds;
  if (to === null) return from === 1 ? 'every program' : `programs ${from} and above`;
  return from === to ? `program ${from}` : `programs ${from}–${to}`;
}

export function sameFees(a: FeeNumbers, b: FeeNumbers): boolean {
  return (
    a.fixedDollars === b.fixedDollars &&
    a.tiers.length === b.tiers.length &&
    a.tiers.every(
      (tier, i) => tier.upTo === b.tiers[i]?.upTo && tier.dollarsPerProgram === b.tiers[i]?.dollarsPerProgram,
    )
  );
}

/** Two settings values for feeSchedule are the same: both the default, or the same labels and numbers. */
export function sameSchedule(a: FeeSchedule | null, b: FeeSchedule | null): boolean {
  if (a === null || b === null) return a === b;
  return a.name === b.name && a.asOf === b.asOf && a.source === b.source && sameFees(a, b);
}

const FIELD_MESSAGES = {
  upTo: 'Enter a whole number of programs, 1 or more, e.g. 30',
  dollarsPerProgram: 'Enter a fee from $0 to $1,000 per program, e.g. 11',
  fixedDollars: 'Enter a fixed fee from $0 to $10,000 (0 when none)',
  tiers: 'Give at least one fee tier',
} as const;

type FieldKind = keyof typeof FIELD_MESSAGES;

function kindOf(field: string): FieldKind | null {
  const last = field.split('.').at(-1);
  return last === 'upTo' || last === 'dollarsPerProgram' || last === 'fixedDollars' || last === 'tiers'
    ? last
    : null;
}

const money = (text: string): string => text.trim().replace(/^\$/, '').replaceAll(',', '');

/**
 * The typed schedule as the settings value: null when it is the default ERAS schedule (so the settings follow the
 * default), the saved schedule unchanged when its numbers are, and otherwise the user's own schedule — named
 * "Your fee schedule", source "entered by you", as of `today`. Each field that cannot be used gets a message; the
 * numbers are checked with the core's feeScheduleSchema and feeScheduleIssues, the rules the server applies.
 *
 * @example parseFeeDraft(setFeeTier(feeDraftFromSchedule(null), 0, 'dollarsPerProgram', '5'), '2026-05-01')
 * // { ok: true, schedule: { name: 'Your fee schedule', asOf: '2026-05-01', source: 'entered by you', … } }
 */
export function parseFeeDraft(draft: FeeScheduleDraft, today: string = localIsoDate()): ParsedFeeDraft {
  const errors: FeeDraftErrors = {};
  const fixedText = money(draft.fixedDollars);
  if (!AMOUNT.test(fixedText)) errors.fixedDollars = FIELD_MESSAGES.fixedDollars;
  const lastIndex = draft.tiers.length - 1;
  const tiers = draft.tiers.map((tier, index) => {
    let upTo: number | null = null;
    if (index < lastIndex) {
      const text = tier.upTo.trim();
      if (WHOLE.test(text)) upTo = Number(text);
      else {
        upTo = Number.NaN;
        errors[`tiers.${index}.upTo`] = FIELD_MESSAGES.upTo;
      }
    }
    const dollarsText = money(tier.dollarsPerProgram);
    if (!AMOUNT.test(dollarsText))
      errors[`tiers.${index}.dollarsPerProgram`] = FIELD_MESSAGES.dollarsPerProgram;
    return { upTo, dollarsPerProgram: AMOUNT.test(dollarsText) ? Number(dollarsText) : Number.NaN };
  });
  const numbers: SettingsFeeNumbers = { fixedDollars: Number(fixedText), tiers };
  const candidate: SettingsFeeSchedule = {
    name: draft.base?.name ?? USER_SCHEDULE_NAME,
    asOf: draft.base?.asOf ?? today,
    source: draft.base?.source ?? USER_SCHEDULE_SOURCE,
    ...numbers,
  };

  // The core's rules, each message kept to a field the user can see; the first problem per field wins.
  const add = (field: string, message: string) => {
    const key = field as FeeDraftField;
    if (errors[key] === undefined) errors[key] = message;
  };
  for (const issue of feeScheduleIssues(candidate, 'fees')) {
    const field = issue.path.replace(/^fees\./, '');
    const match = /^tiers\.(\d+)\.upTo$/.exec(field);
    const index = match ? Number(match[1]) : -1;
    const previous = index > 0 ? tiers[index - 1]?.upTo : null;
    if (match && typeof previous === 'number' && Number.isFinite(previous)) {
      add(field, `Tiers must rise: enter more than ${previous}, where tier ${index} ends`);
    } else {
      const kind = kindOf(field);
      add(field, kind ? FIELD_MESSAGES[kind] : issue.message);
    }
  }
  const checked = feeScheduleSchema.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path.join('.');
      const kind = kindOf(field);
      if (kind) add(field, FIELD_MESSAGES[kind]);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  if (sameFees(numbers, DEFAULT_FEE_SCHEDULE)) return { ok: true, schedule: null };
  if (draft.base && sameFees(numbers, draft.base)) return { ok: true, schedule: draft.base };
  return {
    ok: true,
    schedule: { name: USER_SCHEDULE_NAME, asOf: today, source: USER_SCHEDULE_SOURCE, ...numbers },
  };
}

/** A fee as people write it: 11 → "$11", 5.5 → "$5.50". */
export function formatFee(value: number): string {
  return Number.isInteger(value) ? `$${value.toLocaleString('en-US')}` : `$${value.toFixed(2)}`;
}

/**
 * A schedule in one line.
 *
 * @example describeFees(ERAS_2026_FEE_SCHEDULE) // "$11 per program for programs 1–30, $30 from program 31"
 */
export function describeFees(schedule: FeeNumbers): string {
  let from = 1;
  const parts = schedule.tiers.map((tier, index) => {
    const fee =
      index === 0 ? `${formatFee(tier.dollarsPerProgram)} per program` : formatFee(tier.dollarsPerProgram);
    const start = from;
    if (tier.upTo === null) return index === 0 ? fee : `${fee} from program ${start}`;
    from = tier.upTo + 1;
    return start === tier.upTo ? `${fee} for program ${start}` : `${fee} for programs ${start}–${tier.upTo}`;
  });
  const fixed = schedule.fixedDollars > 0 ? `, plus ${formatFee(schedule.fixedDollars)} once` : '';
  return `${parts.join(', ')}${fixed}`;
}
