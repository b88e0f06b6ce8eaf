import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportReport } from '../core/catalog/import/types.js';
import type { Database } from './open-database.js';
import { describeEachEngine } from './testing/engines.js';

const report = (filename: string, overrides: Partial<ImportReport> = {}): ImportReport => ({
  filename,
  totalRows: 3,
  created: 1,
  updated: 1,
  unchanged: 0,
  invalid: 1,
  duplicates: 0,
  errors: [{ line: 4, field: 'state', message: 'Unknown U.S. state' }],
  ...overrides,
});

describeEachEngine('ImportRepository', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(() => db?.close());

  it('starts with no imports', async () => {
    expect(await db.imports.list()).toEqual([]);
  });

  it('records a report and gives it back with its id and time', async () => {
    const recorded = await db.imports.record(report('fm-2025.csv'));
    expect(Number.isInteger(recorded.id)).toBe(true);
    expect(new Date(recorded.createdAt).toISOString()).toBe(recorded.createdAt);
    expect(await db.imports.list()).toEqual([{ ...report('fm-2025.csv'), ...recorded }]);
  });

  it('lists newest first, including reports recorded in the same transaction', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await db.imports.record(report('fm-2026.csv'));
    await db.transaction(async (repos) => {
      await repos.imports.record(report('first-in-transaction.xlsx'));
      await repos.imports.record(report('second-in-transaction.xlsx'));
    });
    expect((await db.imports.list()).map((r) => r.filename)).toEqual([
      'second-in-transaction.xlsx',
      'first-in-transaction.xlsx',
      'fm-2026.csv',
      'fm-2025.csv',
    ]);
  });

  it('lists at most the given number of reports', async () => {
    expect((await db.imports.list(2)).map((r) => r.filename)).toEqual([
      'second-in-transaction.xlsx',
      'first-in-transaction.xlsx',
    ]);
    await expect(db.imports.list(-1)).rejects.toThrow(RangeError);
  });
});
