import type { ApplicantProfile } from '../../core/profile/applicant-profile.js';
import { applicationCost, maxProgramsWithin } from '../../core/smartpick/fee-schedule.js';
import { ERAS_2026_FEE_SCHEDULE, type FeeSchedule } from '../../core/smartpick/model-parameters.js';
import type { SmartPickOverride, SmartPickSettings } from '../lib/api/types.js';
import {
  type FeeDraftField,
  type FeeScheduleDraft,
  feeDraftFromSchedule,
  localIsoDate,
  parseFeeDraft,
  sameSchedule,
} from './fee-schedule-draft.js';
import { pointsTextToShare, shareToPointsText } from './format.js';

type Budget = ApplicantProfile['budget'];

/** The controls of the "My list" form as typed: text, so any value can be typed and then explained. */
export interface SettingsDraft {
  budgetKind: Budget['kind'];
  /** Kept for both kinds, so switching back and forth does not lose what was typed. */
  programs: string;
  dollars: string;
  signals: string;
  /** The stop threshold in percentage points ("0.1" = 0.001 of P(match)). */
  stopThresholdPoints: string;
  /** The application-fee schedule as typed. */
  fees: FeeScheduleDraft;
}

export type DraftField = 'budget' | 'signals' | 'stopThresholdPoints' | `fees.${FeeDraftField}`;

/** The part of the settings the form controls. */
export type FormSettings = Pick<SmartPickSettings, 'signals' | 'stopThreshold' | 'feeSchedule'> & {
  budget: Budget;
};

export type ParsedDraft =
  | { ok: true; settings: FormSettings }
  | { ok: false; errors: Partial<Record<DraftField, string>> };

const scheduleOf = (settings: Pick<SmartPickSettings, 'feeSchedule'>): FeeSchedule =>
  settings.feeSchedule ?? ERAS_2026_FEE_SCHEDULE;

/**
 * The form's starting values: the saved settings, the profile's budget when none is saved, and the other budget
 * kind converted with the fee schedule (40 programs ↔ the dollars 40 applications cost).
 *
 * @example draftFromSettings(saved, { kind: 'programs', programs: 40 }).dollars // "770" with the ERAS schedule
 */
export function draftFromSettings(settings: SmartPickSettings, profileBudget: Budget | null): SettingsDraft {
  const budget = settings.budget ?? profileBudget ?? { kind: 'programs', programs: 40 };
  const schedule = scheduleOf(settings);
  const programs =
    budget.kind === 'programs' ? budget.programs : maxProgramsWithin(budget.dollars, schedule, 10_000);
  const dollars = budget.kind === 'dollars' ? budget.dollars : applicationCost(budget.programs, schedule);
  return {
    budgetKind: budget.kind,
    programs: String(programs),
    dollars: String(dollars),
    signals: String(settings.signals),
    stopThresholdPoints: shareToPointsText(settings.stopThreshold),
    fees: feeDraftFromSchedule(settings.feeSchedule),
  };
}

/** The fee schedule the draft converts budgets with: the one typed when it can be used, else the saved one. */
function draftSchedule(draft: SettingsDraft, fallback: Pick<SmartPickSettings, 'feeSchedule'>): FeeSchedule {
  const fees = parseFeeDraft(draft.fees);
  return fees.ok ? (fees.schedule ?? ERAS_2026_FEE_SCHEDULE) : scheduleOf(fallback);
}

/**
 * Switch between a program and a dollar budget, carrying the amount over with the fee schedule typed in the form
 * (or the saved one in `settings` while the typed one cannot be used): 25 programs → what 25 applications cost;
 * $1,000 → the programs it pays for. An amount that cannot be read is kept as typed.
 */
export function switchBudgetKind(
  draft: SettingsDraft,
  kind: Budget['kind'],
  settings: Pick<SmartPickSettings, 'feeSchedule'>,
): SettingsDraft {
  if (draft.budgetKind === kind) return draft;
  const parsed = parseBudget(draft);
  const next = { ...draft, budgetKind: kind };
  if (typeof parsed === 'string') return next;
  const schedule = draftSchedule(draft, settings);
  const budget = parsed;
  if (budget.kind === 'programs')
    return { ...next, dollars: String(applicationCost(budget.programs, schedule)) };
  return { ...next, programs: String(maxProgramsWithin(budget.dollars, schedule, 1000)) };
}

const WHOLE = /^\d+$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;

/** The budget of the kind in use, or the message saying why it cannot be used. */
function parseBudget(draft: SettingsDraft): Budget | string {
  if (draft.budgetKind === 'programs') {
    const text = draft.programs.trim();
    if (!WHOLE.test(text) || Number(text) < 1 || Number(text) > 1000) {
      return 'Enter a whole number of programs from 1 to 1,000, e.g. 40';
    }
    return { kind: 'programs', programs: Number(text) };
  }
  const text = draft.dollars.trim().replace(/^\$/, '').replaceAll(',', '');
  if (!AMOUNT.test(text) || Number(text) < 1 || Number(text) > 100_000) {
    return 'Enter a dollar amount from $1 to $100,000, e.g. 1500';
  }
  return { kind: 'dollars', dollars: Number(text) };
}

/**
 * The typed values as settings, or a message per field that cannot be used. A fee schedule typed by the user is
 * dated `today` (see parseFeeDraft).
 */
export function parseDraft(draft: SettingsDraft, today: string = localIsoDate()): ParsedDraft {
  const errors: Partial<Record<DraftField, string>> = {};
  const parsedBudget = parseBudget(draft);
  let budget: Budget | null = null;
  if (typeof parsedBudget === 'string') errors.budget = parsedBudget;
  else budget = parsedBudget;
  const signalsText = draft.signals.trim();
  const signals = WHOLE.test(signalsText) ? Number(signalsText) : Number.NaN;
  if (!(signals >= 0 && signals <= 100)) errors.signals = 'Enter a whole number of signals from 0 to 100';
  const stopThreshold = pointsTextToShare(draft.stopThresholdPoints);
  if (stopThreshold === null) {
    errors.stopThresholdPoints = 'Enter percentage points from 0 to 100, e.g. 0.1';
  }
  const fees = parseFeeDraft(draft.fees, today);
  if (!fees.ok) {
    for (const [field, message] of Object.entries(fees.errors))
      errors[`fees.${field as FeeDraftField}`] = message;
  }
  if (budget === null || stopThreshold === null || !fees.ok || Object.keys(errors).length > 0)
    return { ok: false, errors };
  return { ok: true, settings: { budget, signals, stopThreshold, feeSchedule: fees.schedule } };
}

/**
 * The override sent to POST /api/smartpick/recommend for what the form shows. The fee schedule is always sent,
 * null included, so a schedule reset to the default overrides a saved one before it is saved.
 */
export function overrideOf(settings: FormSettings): SmartPickOverride {
  return {
    budget: settings.budget,
    signals: settings.signals,
    stopThreshold: settings.stopThreshold,
    feeSchedule: settings.feeSchedule,
  };
}

/** True when the form's values are what is saved (a saved null budget counts as the profile's budget). */
export function isSaved(form: FormSettings, saved: SmartPickSettings, profileBudget: Budget | null): boolean {
  const savedBudget = saved.budget ?? profileBudget;
  const sameBudget =
    savedBudget !== null &&
    savedBudget.kind === form.budget.kind &&
    (form.budget.kind === 'programs'
      ? savedBudget.kind === 'programs' && savedBudget.programs === form.budget.programs
      : savedBudget.kind === 'dollars' && savedBudget.dollars === form.budget.dollars);
  return (
    sameBudget &&
    saved.signals === form.signals &&
    saved.stopThreshold === form.stopThreshold &&
    sameSchedule(form.feeSchedule, saved.feeSchedule)
  );
}

/** Pin or unpin a program; pinning also lifts an exclusion (a program cannot be both). */
export function togglePin(settings: SmartPickSettings, acgmeId: string): SmartPickSettings {
  const pinned = settings.pins.includes(acgmeId);
  return {
    ...settings,
    pins: pinned ? settings.pins.filter((id) => id !== acgmeId) : [...settings.pins, acgmeId],
    excludes: pinned ? settings.excludes : settings.excludes.filter((id) => id !== acgmeId),
  };
}

/** Rate a program 1–5 stars; 0 removes the rating (the program is then neutral for fit, like one never rated). */
export function setStars(settings: SmartPickSettings, acgmeId: string, stars: number): SmartPickSettings {
  const value = Math.round(Math.min(5, Math.max(0, Number.isFinite(stars) ? stars : 0)));
  const { [acgmeId]: _previous, ...rest } = settings.stars;
  return { ...settings, stars: value === 0 ? rest : { ...rest, [acgmeId]: value } };
}

/** Exclude a program or include it again; excluding also removes its pin. */
export function toggleExclude(settings: SmartPickSettings, acgmeId: string): SmartPickSettings {
  const excluded = settings.excludes.includes(acgmeId);
  return {
    ...settings,
    excludes: excluded ? settings.excludes.filter((id) => id !== acgmeId) : [...settings.excludes, acgmeId],
    pins: excluded ? settings.pins : settings.pins.filter((id) => id !== acgmeId),
  };
}
