/** The Programs table's columns; the server sorts by them (GET /api/programs?sort=…&dir=…). */
export const SORT_KEYS = ['acgmeId', 'name', 'city', 'state', 'division', 'positions', 'type'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

/** Clicking a column header: a new column sorts ascending, the same column flips direction. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
