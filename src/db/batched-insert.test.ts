import { describe, expect, it } from 'vitest';
import { MAX_PARAMETERS_PER_STATEMENT, parameterBatches } from './batched-insert.js';

describe('parameterBatches', () => {
  it('keeps rows × columns of every batch under the limit, in order, losing no row', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ({
      id: `c${i}`,
      ...Object.fromEntries(Array.from({ length: 15 }, (_, c) => [`col${c}`, i])),
    }));
    const batches = parameterBatches(rows);
    for (const batch of batches) expect(batch.length * 16).toBeLessThanOrEqual(MAX_PARAMETERS_PER_STATEMENT);
    expect(batches.flat()).toEqual(rows);
    expect(batches).toHaveLength(Math.ceil(50_000 / Math.floor(MAX_PARAMETERS_PER_STATEMENT / 16)));
  });

  it('counts the union of the rows’ keys, as Kysely writes them', () => {
    const rows = [{ a: 1 }, { b: 2 }, { c: 3 }, { a: 4 }];
    expect(parameterBatches(rows, 6).map((b) => b.length)).toEqual([2, 2]);
  });

  it('sends a row wider than the limit alone rather than dropping it', () => {
    expect(parameterBatches([{ a: 1, b: 2, c: 3 }], 2)).toEqual([[{ a: 1, b: 2, c: 3 }]]);
    expect(parameterBatches([])).toEqual([]);
  });
});
