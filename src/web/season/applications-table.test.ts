import { describe, expect, it } from 'vitest';
import { newApplication } from '../../core/season/application.js';
import type { ApplicationView, SeasonTotals } from '../lib/api/season.js';
import { budgetBar, moveTargets, nextAppSort, sortApplications } from './applications-table.js';

function app(name: string, extra: Partial<ApplicationView> = {}): ApplicationView {
  return {
    ...newApplication(`id-${name}`, new Date('2026-06-03T12:00:00Z')),
    program: { name, city: 'Springfield', state: 'IL' },
    ...extra,
  };
}

describe('sortApplications', () => {
  const alpha = app('Alpha FM (synthetic)', { feeDollars: 120, stage: 'interviewed' });
  const beta = app('Beta FM (synthetic)', { feeDollars: 30, stage: 'applied' });
  const gamma = app('Gamma FM (synthetic)');

  it('sorts by fee with programs that have no fee last in both directions', () => {
    const ascending = sortApplications([gamma, alpha, beta], { key: 'feeDollars', direction: 'ascending' });
    expect(ascending.map((a) => a.program.name[0])).toEqual(['B', 'A', 'G']);
    const descending = sortApplications([gamma, beta, alpha], { key: 'feeDollars', direction: 'descending' });
    expect(descending.map((a) => a.program.name[0])).toEqual(['A', 'B', 'G']);
  });

  it('sorts by stage in pipeline order, not alphabetically', () => {
    const sorted = sortApplications([alpha, beta, gamma], { key: 'stage', direction: 'ascending' });
    expect(sorted.map((a) => a.stage)).toEqual(['saved', 'applied', 'interviewed']);
  });

  it('flips the direction when the same column is chosen again', () => {
    expect(nextAppSort({ key: 'name', direction: 'ascending' }, 'name').direction).toBe('descending');
    expect(nextAppSort({ key: 'name', direction: 'descending' }, 'stage')).toEqual({
      key: 'stage',
      direction: 'ascending',
    });
  });
});

describe('moveTargets', () => {
  it('offers every stage but the current one', () => {
    expect(moveTargets('applied')).not.toContain('applied');
    expect(moveTargets('applied')).toHaveLength(9);
  });
});

describe('budgetBar', () => {
  const totals = (feesSpent: number, budgetDollars: number | null): SeasonTotals => ({
    byStage: {} as SeasonTotals['byStage'],
    applications: 0,
    invites: 0,
    interviews: 0,
    feesSpent,
    budget:
      budgetDollars === null
        ? null
        : {
            budgetDollars,
            remainingDollars: budgetDollars - feesSpent,
            overBudget: feesSpent > budgetDollars,
          },
    budgetPrograms: null,
  });

  it('shows $1,500 of a $3,000 budget as a half-full bar', () => {
    expect(budgetBar(totals(1500, 3000))).toEqual({
      fraction: 0.5,
      label: '$1,500 of $3,000 spent',
      over: false,
    });
  });

  it('caps the bar when fees pass the budget and flags it', () => {
    expect(budgetBar(totals(3500, 3000))).toMatchObject({ fraction: 1, over: true });
  });

  it('has no bar without a dollar budget', () => {
    expect(budgetBar(totals(100, null))).toBeNull();
  });
});
