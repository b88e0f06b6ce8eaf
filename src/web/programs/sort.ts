import type { Program } from '../../core/catalog/program.js';

export const SORT_KEYS = ['acgmeId', 'name', 'city', 'state', 'division', 'positions', 'type'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

type SortValue = string | number | null;

const valueOf: Record<SortKey, (program: Program) => SortValue> = {
  acgmeId: (p) => p.acgmeId,
  name: (p) => p.name,
  city: (p) => p.city,
  state: (p) => p.state,
  division: (p) => p.censusDivision,
  positions: (p) => p.positions,
  type: (p) => p.programType,
};

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Programs sorted by one column; unknown values (null) always go last whatever the direction, and ties
 * fall back to state then name so the order is stable and readable.
 */
export function sortPrograms(programs: readonly Program[], sort: SortState): Program[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const get = valueOf[sort.key];
  return [...programs].sort((left, right) => {
    const a = get(left);
    const b = get(right);
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else {
      const primary = compareValues(a, b) * sign;
      if (primary !== 0) return primary;
    }
    return (
      collator.compare(left.state, right.state) ||
      collator.compare(left.name, right.name) ||
      collator.compare(left.acgmeId, right.acgmeId)
    );
  });
}

/** Clicking a column header: a new column sorts ascending, the same column flips direction. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
