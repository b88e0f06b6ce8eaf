import type { SimulationResult } from '../lib/api/season.js';
import { plural } from '../lib/labels.js';

export interface ComparedRow {
  key: string;
  name: string;
  before: number | null;
  after: number | null;
}

export const UNMATCHED_KEY = '__unmatched__';

/**
 * Previous and new odds side by side: each program of either run (new order first), then "Unmatched".
 *
 * @example compareSimulations(previous, latest).map((row) => row.after - (row.before ?? 0))
 */
export function compareSimulations(before: SimulationResult, after: SimulationResult): ComparedRow[] {
  const beforeById = new Map(before.distribution.map((d) => [d.acgmeId, d]));
  const rows: ComparedRow[] = after.distribution.map((d) => ({
    key: d.acgmeId,
    name: d.name,
    before: beforeById.get(d.acgmeId)?.probability ?? null,
    after: d.probability,
  }));
  const seen = new Set(after.distribution.map((d) => d.acgmeId));
  for (const d of before.distribution) {
    if (!seen.has(d.acgmeId)) rows.push({ key: d.acgmeId, name: d.name, before: d.probability, after: null });
  }
  rows.push({ key: UNMATCHED_KEY, name: 'Unmatched', before: before.pUnmatched, after: after.pUnmatched });
  return rows;
}

/** "+4 points", "−2 points", "no change": a change in probability in percentage points. */
export function formatChange(before: number | null, after: number | null): string {
  if (before === null || after === null) return before === null ? 'new' : 'removed';
  const points = Math.round((after - before) * 100);
  if (points === 0) return 'no change';
  return `${points > 0 ? '+' : '−'}${plural(Math.abs(points), 'point')}`;
}
