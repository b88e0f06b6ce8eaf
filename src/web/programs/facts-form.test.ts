import { describe, expect, it } from 'vitest';
import { factsToDraft, parseFactsDraft } from './facts-form.js';

describe('the research facts form', () => {
  const empty = factsToDraft({});

  it('Given nothing entered, Then every fact stays unknown (an empty set, never a guess)', () => {
    expect(parseFactsDraft(empty)).toEqual({ ok: true, facts: {} });
  });

  it('Given J-1 "yes" and an IMG share of 45% with their source and date, Then they are saved as typed', () => {
    const draft = {
      ...empty,
      visaJ1: { value: 'yes', source: 'Program website, FAQ', asOf: '2026-09-01' },
      imgShare: { value: '45', source: 'Residents page', asOf: '2026-09-01' },
    };
    expect(parseFactsDraft(draft)).toEqual({
      ok: true,
      facts: {
        visaJ1: { value: true, source: 'Program website, FAQ', asOf: '2026-09-01' },
        imgShare: { value: 0.45, source: 'Residents page', asOf: '2026-09-01' },
      },
    });
    // And back again, to edit.
    expect(factsToDraft({ imgShare: { value: 0.45, source: 's', asOf: '2026-09-01' } }).imgShare.value).toBe(
      '45',
    );
  });

  it('Given a value without a source or date, or out of range, Then each field says what is wrong', () => {
    const result = parseFactsDraft({
      ...empty,
      minStep2Score: { value: '320', source: '', asOf: 'Sept 1' },
      imgShare: { value: '140', source: 'x', asOf: '2026-09-01' },
      maxFailedAttempts: { value: 'two', source: 'x', asOf: '2026-09-01' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      'minStep2Score.source': 'Say where this fact comes from',
      'minStep2Score.asOf': 'Use a date like 2026-09-01',
      'imgShare.value': 'Enter a share from 0 to 100%',
      'maxFailedAttempts.value': 'Enter a number, or clear it for unknown',
    });
    expect(result.errors['minStep2Score.value']).toBeDefined();
  });
});
