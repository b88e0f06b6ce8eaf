import { describe, expect, it } from 'vitest';
import { FACTOR_IDS, type FactorContribution } from '../../core/smartpick/types.js';
import { checksText, FACTOR_LABELS, factorBars } from './explain.js';
import { exampleRecommendation } from './test-fixtures.js';

describe('factorBars', () => {
  it('orders the pushes from the largest, scales bars to it, and sets aside factors with no effect', () => {
    const contributions: FactorContribution[] = [
      { factor: 'applicant-type', logOdds: -2.47, reason: 'U.S. IMG' },
      { factor: 'step2ck', logOdds: 0.4, reason: '10 points above what the program expects' },
      { factor: 'visa', logOdds: 0, reason: 'No visa needed' },
      { factor: 'geographic-ties', logOdds: 0.7, reason: 'Ties to Florida' },
    ];
    const { moved, noEffect } = factorBars(contributions);
    expect(moved.map((bar) => bar.factor)).toEqual(['applicant-type', 'geographic-ties', 'step2ck']);
    expect(moved[0]).toMatchObject({ size: 1, direction: 'down', label: 'Applicant type' });
    expect(moved[2]?.size).toBeCloseTo(0.4 / 2.47);
    expect(moved[2]?.direction).toBe('up');
    expect(noEffect.map((c) => c.factor)).toEqual(['visa']);
  });

  it('explains a real listed program: every factor named, the bars summing to its log-odds', () => {
    // Given the first program on Dr. Rivera's list, explained factor by factor by the model
    const verdict = exampleRecommendation().list[0];
    const contributions = verdict?.interview?.contributions ?? [];
    expect(contributions.length).toBeGreaterThan(0);
    // Then every factor has a label and the pushes add up to the program's log-odds
    for (const c of contributions) expect(FACTOR_LABELS[c.factor]).toBeTruthy();
    const { moved } = factorBars(contributions);
    const total = moved.reduce((sum, bar) => sum + bar.logOdds, 0);
    expect(total).toBeCloseTo(verdict?.interview?.logOdds ?? Number.NaN, 1);
  });

  it('has a label for every factor of the model', () => {
    for (const id of FACTOR_IDS) expect(FACTOR_LABELS[id]).toBeTruthy();
  });
});

describe('checksText', () => {
  it('puts what to check before applying in one line', () => {
    expect(checksText([{ filter: 'visa' }, { filter: 'score-minimum' }])).toBe(
      'Check visa sponsorship, Step 2 CK minimum',
    );
    expect(checksText([])).toBe('');
  });
});
