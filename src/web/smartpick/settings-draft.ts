import type { ApplicantProfile } from '../../core/profile/applicant-profile.js';
import { applicationCost, maxProgramsWithin } from '../../core/smartpick/fee-schedule.js';
import { ERAS_2026_FEE_SCHEDULE, type FeeSchedule } from '../../core/smartpick/model-parameters.js';
import type { SmartPickOverride, SmartPickSettings } from '../lib/api/types.js';
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
}

export type DraftField = 'budget' | 'signals' | 'stopThresholdPoints';

/** The part of the settings the form controls. */
export type FormSettings = Pick<SmartPickSettings, 'signals' | 'stopThreshold'> & { budget: Budget };

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
  };
}

/**
 * Switch between a program and a dollar budget, carrying the amount over with the fee schedule (25 programs
 * → what 25 applications cost; $1,000 → the programs it pays for). An amount that cannot be read is kept as typed.
 */
export function switchBudgetKind(
  draft: SettingsDraft,
  kind: Budget['kind'],
  settings: Pick<SmartPickSettings, 'feeSchedule'>,
): SettingsDraft {
  if (draft.budgetKind === kind) return draft;
  const parsed = parseDraft({ ...draft, signals: '0', stopThresholdPoints: '0' });
  const next = { ...draft, budgetKind: kind };
  if (!parsed.ok) return next;
  const schedule = scheduleOf(settings);
  const budget = parsed.settings.budget;
  if (budget.kind === 'programs')
    return { ...next, dollars: String(applicationCost(budget.programs, schedule)) };
  return { ...next, programs: String(maxProgramsWithin(budget.dollars, schedule, 1000)) };
}

const WHOLE = /^\d+$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;

/** The typed values as settings, or a message per field that cannot be used. */
export function parseDraft(draft: SettingsDraft): ParsedDraft {
  const errors: Partial<Record<DraftField, string>> = {};
  let budget: Budget | null = null;
  if (draft.budgetKind === 'programs') {
    const text = draft.programs.trim();
    if (!WHOLE.test(text) || Number(text) < 1 || Number(text) > 1000) {
      errors.budget = 'Enter a whole number of programs from 1 to 1,000, e.g. 40';
    } else budget = { kind: 'programs', programs: Number(text) };
  } else {
    const text = draft.dollars.trim().replace(/^\$/, '').replaceAll(',', '');
    if (!AMOUNT.test(text) || Number(text) < 1 || Number(text) > 100_000) {
      errors.budget = 'Enter a dollar amount from $1 to $100,000, e.g. 1500';
    } else budget = { kind: 'dollars', dollars: Number(text) };
  }
  const signalsText = draft.signals.trim();
  const signals = WHOLE.test(signalsText) ? Number(signalsText) : Number.NaN;
  if (!(signals >= 0 && signals <= 100)) errors.signals = 'Enter a whole number of signals from 0 to 100';
  const stopThreshold = pointsTextToShare(draft.stopThresholdPoints);
  if (stopThreshold === null) {
    errors.stopThresholdPoints = 'Enter percentage points from 0 to 100, e.g. 0.1';
  }
  if (budget === null || stopThreshold === null || Object.keys(errors).length > 0)
    return { ok: false, errors };
  return { ok: true, settings: { budget, signals, stopThreshold } };
}

/** The override sent to POST /api/smartpick/recommend for what the form shows. */
export function overrideOf(settings: FormSettings): SmartPickOverride {
  return { budget: settings.budget, signals: settings.signals, stopThreshold: settings.stopThreshold };
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
  return sameBudget && saved.signals === form.signals && saved.stopThreshold === form.stopThreshold;
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

/** Exclude a program or include it again; excluding also removes its pin. */
export function toggleExclude(settings: SmartPickSettings, acgmeId: string): SmartPickSettings {
  const excluded = settings.excludes.includes(acgmeId);
  return {
    ...settings,
    excludes: excluded ? settings.excludes.filter((id) => id !== acgmeId) : [...settings.excludes, acgmeId],
    pins: excluded ? settings.pins : settings.pins.filter((id) => id !== acgmeId),
  };
}
