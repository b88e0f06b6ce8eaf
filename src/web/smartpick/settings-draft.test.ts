import { describe, expect, it } from 'vitest';
import type { SmartPickSettings } from '../lib/api/types.js';
import {
  draftFromSettings,
  isSaved,
  parseDraft,
  switchBudgetKind,
  toggleExclude,
  togglePin,
} from './settings-draft.js';

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
    });
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
      settings: { budget: { kind: 'programs', programs: 60 }, signals: 5, stopThreshold: 0.005 },
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

  it('keeps an amount it cannot read as typed', () => {
    const draft = draftFromSettings(saved(), { kind: 'programs', programs: 40 });
    expect(switchBudgetKind({ ...draft, programs: 'abc' }, 'dollars', saved()).dollars).toBe('630');
  });
});

describe('isSaved', () => {
  it('treats a saved null budget as the profile budget', () => {
    const form = { budget: { kind: 'programs' as const, programs: 40 }, signals: 5, stopThreshold: 0.001 };
    expect(isSaved(form, saved(), { kind: 'programs', programs: 40 })).toBe(true);
    expect(isSaved({ ...form, signals: 6 }, saved(), { kind: 'programs', programs: 40 })).toBe(false);
    expect(isSaved(form, saved(), { kind: 'dollars', dollars: 630 })).toBe(false);
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
