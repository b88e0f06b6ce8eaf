import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/index.js';
import { openDatabase } from '../../db/index.js';
import { applyMappingOverrides, commitImport } from './import-service.js';

const csv = (rows: string[]) =>
  new TextEncoder().encode(['ACGME ID,Program Name,City,State', ...rows].join('\n'));
const today = '2026-11-25';

describe('commitImport', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
  });
  afterAll(async () => db?.close());

  it('stores nothing when the import fails part-way, and keeps what was there', async () => {
    const first = await commitImport(db, {
      filename: 'first.csv',
      bytes: csv(['1200100001,Alpha Program,Albany,NY']),
      today,
    });
    expect(first.ok).toBe(true);

    // The report is written last, inside the same transaction: make that write fail.
    const failing: Database = {
      ...db,
      transaction: (fn) =>
        db.transaction((repos) =>
          fn({
            ...repos,
            imports: {
              ...repos.imports,
              record: async () => {
                throw new Error('disk full');
              },
            },
          }),
        ),
    };
    await expect(
      commitImport(failing, {
        filename: 'second.csv',
        bytes: csv(['1200100001,Alpha Program Renamed,Albany,NY', '1200100002,Beta Program,Boston,MA']),
        today,
      }),
    ).rejects.toThrow('disk full');

    const programs = await db.programs.list();
    expect(programs.map((program) => [program.acgmeId, program.name])).toEqual([
      ['1200100001', 'Alpha Program'],
    ]);
    expect((await db.imports.list()).map((report) => report.filename)).toEqual(['first.csv']);
  });

  it('refuses a mapping that feeds one field from two columns', async () => {
    const result = await commitImport(db, {
      filename: 'twice.csv',
      bytes: csv(['1200100003,Gamma Program,Chicago,IL']),
      mapping: ['acgmeId', 'name', 'name', 'state'],
      today,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('mapping');
  });
});

describe('applyMappingOverrides', () => {
  const headers = ['ACGME ID', 'Prog Title', 'City', 'State'];
  const detected = ['acgmeId', null, 'city', 'state'] as const;

  it('maps a column by header (any case) or by 1-based number, taking the field from where it was', () => {
    expect(applyMappingOverrides(headers, [...detected], ['prog title=name'])).toEqual({
      ok: true,
      value: ['acgmeId', 'name', 'city', 'state'],
    });
    expect(applyMappingOverrides(headers, [...detected], ['2=city'])).toEqual({
      ok: true,
      value: ['acgmeId', 'city', null, 'state'],
    });
    expect(applyMappingOverrides(headers, [...detected], ['City=ignore'])).toEqual({
      ok: true,
      value: ['acgmeId', null, null, 'state'],
    });
  });

  it('names the column or field it cannot find', () => {
    const noColumn = applyMappingOverrides(headers, [...detected], ['Program=name']);
    expect(noColumn.ok ? '' : noColumn.error).toContain('no column "Program"');
    const noField = applyMappingOverrides(headers, [...detected], ['2=title']);
    expect(noField.ok ? '' : noField.error).toContain('unknown field "title"');
    const noEquals = applyMappingOverrides(headers, [...detected], ['name']);
    expect(noEquals.ok ? '' : noEquals.error).toContain('column=field');
  });
});
