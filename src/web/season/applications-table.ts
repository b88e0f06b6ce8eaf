import type { ApplicationView, SeasonTotals, Stage } from '../lib/api/season.js';
import { STAGES } from '../lib/api/season.js';

export const APP_SORT_KEYS = ['name', 'state', 'stage', 'appliedOn', 'feeDollars', 'interview'] as const;
export type AppSortKey = (typeof APP_SORT_KEYS)[number];
export interface AppSort {
  key: AppSortKey;
  direction: 'ascending' | 'descending';
}

type Value = string | number | null;

const valueOf: Record<AppSortKey, (a: ApplicationView) => Value> = {
  name: (a) => a.program.name,
  state: (a) => a.program.state,
  stage: (a) => STAGES.indexOf(a.stage),
  appliedOn: (a) => a.appliedOn,
  feeDollars: (a) => a.feeDollars,
  interview: (a) => (a.interview ? new Date(a.interview.startsAt).getTime() : null),
};

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Applications sorted by one column; empty values (no fee, no interview) go last in either direction and ties
 * fall back to the program name.
 *
 * @example sortApplications(items, { key: 'feeDollars', direction: 'descending' })
 */
export function sortApplications(items: readonly ApplicationView[], sort: AppSort): ApplicationView[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const get = valueOf[sort.key];
  return [...items].sort((left, right) => {
    const a = get(left);
    const b = get(right);
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else {
      const primary =
        typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
      if (primary !== 0) return primary * sign;
    }
    return collator.compare(left.program.name, right.program.name);
  });
}

/** Clicking a header: a new column sorts ascending, the same column flips. */
export function nextAppSort(current: AppSort, key: AppSortKey): AppSort {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** The stages a card may be offered in its "Move to…" select: every other stage (the server judges). */
export function moveTargets(from: Stage): Stage[] {
  return STAGES.filter((stage) => stage !== from);
}

export interface BudgetBar {
  /** 0..1, capped, for the bar's width. */
  fraction: number;
  label: string;
  over: boolean;
}

/**
 * The money line of the totals bar: spent against the dollar budget, or null when the budget is a number of
 * programs (or unset) and there is no money figure to compare with.
 */
export function budgetBar(totals: SeasonTotals): BudgetBar | null {
  if (!totals.budget) return null;
  const { budgetDollars, overBudget } = totals.budget;
  const fraction = budgetDollars > 0 ? Math.min(1, totals.feesSpent / budgetDollars) : overBudget ? 1 : 0;
  const spent = `$${Math.round(totals.feesSpent).toLocaleString('en-US')}`;
  const budget = `$${Math.round(budgetDollars).toLocaleString('en-US')}`;
  return { fraction, label: `${spent} of ${budget} spent`, over: overBudget };
}
