import { describe, expect, it } from 'vitest';
import { applicationCost, maxProgramsWithin } from '../../core/smartpick/fee-schedule.js';
import { ERAS_2026_FEE_SCHEDULE } from '../../core/smartpick/model-parameters.js';
import { feeScheduleSchema } from '../../core/smartpick/settings-schema.js';
import {
  addFeeTier,
  describeFees,
  feeDraftFromSchedule,
  formatFee,
  localIsoDate,
  parseFeeDraft,
  removeFeeTier,
  resetFeeDraft,
  type SettingsFeeSchedule,
  sameSchedule,
  setFeeTier,
  setFixedDollars,
  tierBounds,
  tierRange,
} from './fee-schedule-draft.js';

const TODAY = '2026-05-01';

const saved: SettingsFeeSchedule = {
  name: 'Your fee schedule',
  asOf: '2026-04-02',
  source: 'entered by you',
  fixedDollars: 0,
  tiers: [
    { upTo: 30, dollarsPerProgram: 5 },
    { upTo: null, dollarsPerProgram: 30 },
  ],
};

describe('feeDraftFromSchedule', () => {
  it('shows the ERAS default when the settings hold none, the last tier open-ended', () => {
    const draft = feeDraftFromSchedule(null);
    expect(draft).toEqual({
      base: null,
      fixedDollars: '0',
      tiers: [
        { id: 1, upTo: '30', dollarsPerProgram: '11' },
        { id: 2, upTo: '', dollarsPerProgram: '30' },
      ],
    });
    expect(resetFeeDraft()).toEqual(draft);
  });

  it('round-trips the default to null (the settings follow the default) and a saved schedule unchanged', () => {
    expect(parseFeeDraft(feeDraftFromSchedule(null), TODAY)).toEqual({ ok: true, schedule: null });
    // A saved schedule keeps its own date while its numbers are unchanged.
    expect(parseFeeDraft(feeDraftFromSchedule(saved), TODAY)).toEqual({ ok: true, schedule: saved });
  });
});

describe('editing tiers', () => {
  it('never changes the draft it was given', () => {
    const draft = feeDraftFromSchedule(null);
    const copy = structuredClone(draft);
    setFeeTier(draft, 0, 'dollarsPerProgram', '5');
    setFixedDollars(draft, '80');
    addFeeTier(draft);
    removeFeeTier(draft, 0);
    expect(draft).toEqual(copy);
  });

  it('adds a tier before the open-ended one that changes no cost until edited', () => {
    const { draft, index } = addFeeTier(feeDraftFromSchedule(null));
    expect(index).toBe(1);
    expect(draft.tiers).toEqual([
      { id: 1, upTo: '30', dollarsPerProgram: '11' },
      { id: 3, upTo: '40', dollarsPerProgram: '30' },
      { id: 2, upTo: '', dollarsPerProgram: '30' },
    ]);
    const parsed = parseFeeDraft(draft, TODAY);
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.schedule) {
      for (const count of [1, 30, 31, 40, 41, 90]) {
        expect(applicationCost(count, parsed.schedule)).toBe(applicationCost(count, ERAS_2026_FEE_SCHEDULE));
      }
    }
  });

  it('adds to a single open-ended tier by bounding the first 10 programs', () => {
    const single = removeFeeTier(feeDraftFromSchedule(null), 1);
    expect(single.tiers).toEqual([{ id: 1, upTo: '', dollarsPerProgram: '11' }]);
    expect(addFeeTier(single).draft.tiers.map((tier) => tier.upTo)).toEqual(['10', '']);
  });

  it('removing the last tier makes the one before it open-ended; one tier always stays', () => {
    const three = addFeeTier(feeDraftFromSchedule(null)).draft;
    const two = removeFeeTier(three, 2);
    expect(two.tiers.map((tier) => [tier.upTo, tier.dollarsPerProgram])).toEqual([
      ['30', '11'],
      ['', '30'],
    ]);
    const one = removeFeeTier(two, 0);
    expect(one.tiers).toHaveLength(1);
    expect(removeFeeTier(one, 0)).toBe(one);
    expect(tierRange(one, 0)).toBe('every program');
    expect(tierRange(two, 1)).toBe('programs 31 and above');
    expect(tierRange(three, 1)).toBe('programs 31–40');
    expect(tierRange(setFeeTier(three, 1, 'upTo', '31'), 1)).toBe('program 31');
    // Unreadable or falling limits give no range (the field says what is wrong).
    expect(tierRange(setFeeTier(two, 0, 'upTo', 'x'), 1)).toBeNull();
    expect(tierRange(setFeeTier(three, 1, 'upTo', '20'), 1)).toBeNull();
    expect(tierRange(setFeeTier(three, 1, 'upTo', '20'), 2)).toBeNull();
    expect(tierRange(three, 2)).toBe('programs 41 and above');
    expect(tierBounds(three, 1)).toEqual({ from: 31, to: 40 });
    expect(tierBounds(three, 2)).toEqual({ from: 41, to: null });
    expect(tierBounds(three, 3)).toBeNull();
  });
});

describe('parseFeeDraft', () => {
  it('labels an edited schedule truthfully: "Your fee schedule", entered by you, as of today', () => {
    const draft = setFeeTier(feeDraftFromSchedule(null), 0, 'dollarsPerProgram', '5');
    const parsed = parseFeeDraft(draft, TODAY);
    expect(parsed).toEqual({
      ok: true,
      schedule: {
        name: 'Your fee schedule',
        asOf: TODAY,
        source: 'entered by you',
        fixedDollars: 0,
        tiers: [
          { upTo: 30, dollarsPerProgram: 5 },
          { upTo: null, dollarsPerProgram: 30 },
        ],
      },
    });
    if (parsed.ok && parsed.schedule) {
      expect(feeScheduleSchema.safeParse(parsed.schedule).success).toBe(true);
      // $300 buys 27 programs at ERAS fees; at $5 for the first 30 it buys 30 + 5 more at $30.
      expect(maxProgramsWithin(300, ERAS_2026_FEE_SCHEDULE)).toBe(27);
      expect(maxProgramsWithin(300, parsed.schedule)).toBe(35);
    }
  });

  it('re-dates a saved schedule once its numbers change, and reads $ and commas', () => {
    const draft = setFixedDollars(feeDraftFromSchedule(saved), '$1,000');
    expect(parseFeeDraft(draft, TODAY)).toMatchObject({
      ok: true,
      schedule: { name: 'Your fee schedule', asOf: TODAY, fixedDollars: 1000 },
    });
  });

  it('treats numbers typed back to the ERAS values as the default (null)', () => {
    const edited = setFeeTier(feeDraftFromSchedule(saved), 0, 'dollarsPerProgram', '11');
    expect(parseFeeDraft(edited, TODAY)).toEqual({ ok: true, schedule: null });
  });

  it('names each field that cannot be used, in words, with the core rules', () => {
    let draft = addFeeTier(feeDraftFromSchedule(null)).draft;
    draft = setFeeTier(draft, 1, 'upTo', '20'); // not above tier 1's 30
    draft = setFeeTier(draft, 0, 'dollarsPerProgram', '1001'); // over the schema's $1,000
    draft = setFixedDollars(draft, '-5');
    const parsed = parseFeeDraft(draft, TODAY);
    expect(parsed).toEqual({
      ok: false,
      errors: {
        'tiers.1.upTo': 'Tiers must rise: enter more than 30, where tier 1 ends',
        'tiers.0.dollarsPerProgram': 'Enter a fee from $0 to $1,000 per program, e.g. 11',
        fixedDollars: 'Enter a fixed fee from $0 to $10,000 (0 when none)',
      },
    });
  });

  it('rejects a first tier ending at 0 and text that is not a number', () => {
    const zero = parseFeeDraft(setFeeTier(feeDraftFromSchedule(null), 0, 'upTo', '0'), TODAY);
    expect(zero).toEqual({
      ok: false,
      errors: { 'tiers.0.upTo': 'Enter a whole number of programs, 1 or more, e.g. 30' },
    });
    const text = parseFeeDraft(setFeeTier(feeDraftFromSchedule(null), 1, 'dollarsPerProgram', 'ten'), TODAY);
    expect(text.ok).toBe(false);
    if (!text.ok) expect(Object.keys(text.errors)).toEqual(['tiers.1.dollarsPerProgram']);
  });

  it('ignores what is typed in the open-ended last tier', () => {
    const draft = setFeeTier(feeDraftFromSchedule(null), 1, 'upTo', 'whatever');
    expect(parseFeeDraft(draft, TODAY)).toEqual({ ok: true, schedule: null });
  });
});

describe('labels', () => {
  it('describes a schedule in one line', () => {
    expect(describeFees(ERAS_2026_FEE_SCHEDULE)).toBe(
      '$11 per program for programs 1–30, $30 from program 31',
    );
    expect(
      describeFees({
        fixedDollars: 80,
        tiers: [
          { upTo: 1, dollarsPerProgram: 5.5 },
          { upTo: 20, dollarsPerProgram: 11 },
          { upTo: null, dollarsPerProgram: 30 },
        ],
      }),
    ).toBe('$5.50 per program for program 1, $11 for programs 2–20, $30 from program 21, plus $80 once');
    expect(describeFees({ fixedDollars: 0, tiers: [{ upTo: null, dollarsPerProgram: 20 }] })).toBe(
      '$20 per program',
    );
    expect(formatFee(1000)).toBe('$1,000');
  });

  it('compares schedules by labels and numbers, null for the default', () => {
    expect(sameSchedule(null, null)).toBe(true);
    expect(sameSchedule(saved, null)).toBe(false);
    expect(sameSchedule(saved, structuredClone(saved))).toBe(true);
    expect(sameSchedule(saved, { ...saved, asOf: TODAY })).toBe(false);
  });

  it('dates in the local calendar as YYYY-MM-DD', () => {
    expect(localIsoDate(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
  });
});
