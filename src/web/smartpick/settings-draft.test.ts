import { describe, expect, it } from 'vitest';
import type { SmartPickSettings } from '../lib/api/types.js';
import { feeDraftFromSchedule, type SettingsFeeSchedule, setFeeTier } from './fee-schedule-draft.js';
import {
  draftFromSettings,
  isSaved,
  overrideOf,
  parseDraft,
  setStars,
  switchBudgetKind,
  toggleExclude,
  togglePin,
} from './settings-draft.js';

const TODAY = '2026-05-01';

/** $5 per program for the first 30, then $30. */
const cheap: SettingsFeeSchedule = {
  name: 'Your fee schedule',
  asOf: '2026-04-02',
  source: 'entered by you',
  fixedDollars: 0,
  tiers: [
    { upTo: 30, dollarsPerProgram: 5 },
    { upTo: null, dollarsPerProgram: 30 },
  ],
};

const saved = (overrides: Partial<SmartPickSettings> = {}): SmartPickSettings => ({
  budget: null,
  signals: 5,
  stopThreshold: 0.001,
  pins: [],
  excludes: [],
  stars: {},
  feeSchedule: null,
  ...overrides,
});

describe('draftFromSettings', () => {
  it('starts from the profile budget when none is saved, with its cost under the ERAS schedule', () => {
    // Given nothing saved and a profile budget of 40 programs; ERAS: $11 each for 1–30, $30 from the 31st.
    const draft = draftFromSettings(saved(), { kind: 'programs', programs: 40 });
    // Then the form shows 40 programs, and $630 if the user switches to dollars.
    expect(draft).toEqual({
      budgetKind: 'programs',
      programs: '40',
      dollars: '630',
      signals: '5',
      stopThresholdPoints: '0.1',
      fees: feeDraftFromSchedule(null),
    });
  });

  it('converts with the saved fee schedule and shows it for editing', () => {
    const draft = draftFromSettings(saved({ feeSchedule: cheap }), { kind: 'programs', programs: 40 });
    // 30 × $5 + 10 × $30
    expect(draft.dollars).toBe('450');
    expect(draft.fees).toEqual(feeDraftFromSchedule(cheap));
  });

  it('converts a saved dollar budget into the programs it pays for', () => {
    const draft = draftFromSettings(saved({ budget: { kind: 'dollars', dollars: 1000 } }), null);
    expect(draft.budgetKind).toBe('dollars');
    expect(draft.dollars).toBe('1000');
    // $330 buys 30 programs; the remaining $670 buys 22 more at $30.
    expect(draft.programs).toBe('52');
  });
});

describe('parseDraft', () => {
  const draft = draftFromSettings(saved(), { kind: 'programs', programs: 40 });

  it('turns typed values into settings, the threshold from points to a share', () => {
    expect(parseDraft({ ...draft, programs: '60', stopThresholdPoints: '0.5' })).toEqual({
      ok: true,
      settings: {
        budget: { kind: 'programs', programs: 60 },
        signals: 5,
        stopThreshold: 0.005,
        feeSchedule: null,
      },
    });
    expect(parseDraft({ ...draft, budgetKind: 'dollars', dollars: '$2,500' })).toMatchObject({
      ok: true,
      settings: { budget: { kind: 'dollars', dollars: 2500 } },
    });
  });

  it('names each field that cannot be used', () => {
    const parsed = parseDraft({ ...draft, programs: '4.5', signals: '-1', stopThresholdPoints: 'x' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(Object.keys(parsed.errors).sort()).toEqual(['budget', 'signals', 'stopThresholdPoints']);
  });

  it('keeps budgets within what the server accepts (1–1,000 programs, $1–$100,000)', () => {
    expect(parseDraft({ ...draft, programs: '0' }).ok).toBe(false);
    expect(parseDraft({ ...draft, programs: '1001' }).ok).toBe(false);
    expect(parseDraft({ ...draft, budgetKind: 'dollars', dollars: '100001' }).ok).toBe(false);
  });

  it('checks only the budget kind in use', () => {
    expect(parseDraft({ ...draft, dollars: 'lots' }).ok).toBe(true);
  });

  it('includes the edited fee schedule, and names its fields under fees. when they cannot be used', () => {
    const edited = { ...draft, fees: setFeeTier(draft.fees, 0, 'dollarsPerProgram', '5') };
    const parsed = parseDraft(edited, TODAY);
    expect(parsed).toMatchObject({
      ok: true,
      settings: { feeSchedule: { name: 'Your fee schedule', asOf: TODAY, source: 'entered by you' } },
    });
    if (parsed.ok) expect(overrideOf(parsed.settings).feeSchedule).toEqual(parsed.settings.feeSchedule);
    const bad = parseDraft({ ...draft, fees: setFeeTier(draft.fees, 0, 'upTo', '') }, TODAY);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors)).toEqual(['fees.tiers.0.upTo']);
  });
});

describe('overrideOf', () => {
  it('always sends the fee schedule, null for the default, so a reset overrides a saved schedule', () => {
    const parsed = parseDraft(draftFromSettings(saved(), { kind: 'programs', programs: 40 }), TODAY);
    expect(parsed.ok && overrideOf(parsed.settings)).toEqual({
      budget: { kind: 'programs', programs: 40 },
      signals: 5,
      stopThreshold: 0.001,
      feeSchedule: null,
    });
  });
});

describe('switchBudgetKind', () => {
  it('carries the amount over with the fee schedule', () => {
    const draft = draftFromSettings(saved(), { kind: 'programs', programs: 40 });
    // Given the user typed 25 programs, when they switch to dollars: 25 × $11 = $275
    const dollars = switchBudgetKind({ ...draft, programs: '25' }, 'dollars', saved());
    expect(dollars).toMatchObject({ budgetKind: 'dollars', dollars: '275', programs: '25' });
    // and $1,000 back to programs: 52
    expect(switchBudgetKind({ ...dollars, dollars: '1000' }, 'programs', saved())).toMatchObject({
      budgetKind: 'programs',
      programs: '52',
    });
  });

  it('converts with the fee schedule typed in the form, or the saved one while that cannot be used', () => {
    const draft = draftFromSettings(saved(), { kind: 'programs', programs: 40 });
    const typed = { ...draft, programs: '40', fees: feeDraftFromSchedule(cheap) };
    expect(switchBudgetKind(typed, 'dollars', saved()).dollars).toBe('450');
    const broken = { ...typed, fees: setFeeTier(typed.fees, 0, 'upTo', 'x') };
    expect(switchBudgetKind(broken, 'dollars', saved()).dollars).toBe('630');
  });

  it('keeps an amount it cannot read as typed', () => {
    const draft = draftFromSettings(saved(), { kind: 'programs', programs: 40 });
    expect(switchBudgetKind({ ...draft, programs: 'abc' }, 'dollars', saved()).dollars).toBe('630');
  });
});

describe('isSaved', () => {
  const form = {
    budget: { kind: 'programs' as const, programs: 40 },
    signals: 5,
    stopThreshold: 0.001,
    feeSchedule: null,
  };

  it('treats a saved null budget as the profile budget', () => {
    expect(isSaved(form, saved(), { kind: 'programs', programs: 40 })).toBe(true);
    expect(isSaved({ ...form, signals: 6 }, saved(), { kind: 'programs', programs: 40 })).toBe(false);
    expect(isSaved(form, saved(), { kind: 'dollars', dollars: 630 })).toBe(false);
  });

  it('compares the fee schedule too', () => {
    const profileBudget = { kind: 'programs' as const, programs: 40 };
    expect(isSaved({ ...form, feeSchedule: cheap }, saved(), profileBudget)).toBe(false);
    expect(isSaved({ ...form, feeSchedule: cheap }, saved({ feeSchedule: cheap }), profileBudget)).toBe(true);
    expect(isSaved(form, saved({ feeSchedule: cheap }), profileBudget)).toBe(false);
  });
});

describe('setStars', () => {
  it('sets 1–5 stars without touching the rest, and 0 removes the rating', () => {
    const start = saved({ stars: { B: 2 } });
    const rated = setStars(start, 'A', 5);
    expect(rated.stars).toEqual({ A: 5, B: 2 });
    expect(start.stars).toEqual({ B: 2 });
    expect(setStars(rated, 'A', 3).stars).toEqual({ A: 3, B: 2 });
    expect(setStars(rated, 'A', 0).stars).toEqual({ B: 2 });
    expect(setStars(rated, 'C', 0).stars).toEqual({ A: 5, B: 2 });
    expect(setStars(start, 'A', 9).stars.A).toBe(5);
  });
});

describe('pins and excludes', () => {
  it('pinning an excluded program includes it again, and excluding a pinned one unpins it', () => {
    const pinned = togglePin(saved({ excludes: ['A'] }), 'A');
    expect(pinned.pins).toEqual(['A']);
    expect(pinned.excludes).toEqual([]);
    const excluded = toggleExclude(pinned, 'A');
    expect(excluded.pins).toEqual([]);
    expect(excluded.excludes).toEqual(['A']);
    expect(toggleExclude(excluded, 'A').excludes).toEqual([]);
    expect(togglePin(pinned, 'A').pins).toEqual([]);
  });
});
