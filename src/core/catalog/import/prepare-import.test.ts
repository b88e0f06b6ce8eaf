import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.js';
import { prepareImport } from './prepare-import.js';

function table(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const OPTIONS = { origin: 'import list.csv 2026-11-25', asOf: '2026-11-25', existing: new Map() };

describe('prepareImport', () => {
  it('maps, validates and plans a file in one step', () => {
    const prepared = prepareImport({
      ...OPTIONS,
      table: table('ACGME ID,Program Name,City,State\n1209900101,Northern Lights Program,Anchorage,AK\n'),
    });
    expect(prepared).toMatchObject({
      ok: true,
      value: { missingFields: [], mapped: { totalRows: 1 }, plan: { create: [{ acgmeId: '1209900101' }] } },
    });
  });

  it('reads no rows while required fields are unmapped, and says which', () => {
    const prepared = prepareImport({
      ...OPTIONS,
      table: table('Id,Title,Town,ST\n1209900101,Providence,Anchorage,AK\n'),
    });
    expect(prepared).toMatchObject({
      ok: true,
      value: { missingFields: ['acgmeId', 'name'], mapped: { programs: [], errors: [], totalRows: 1 } },
    });
  });

  it('uses the mapping a person chose for headers it cannot guess', () => {
    const prepared = prepareImport({
      ...OPTIONS,
      table: table('Id,Title,Town,ST\n1209900101,Providence,Anchorage,AK\n'),
      mapping: ['acgmeId', 'name', 'city', 'state'],
    });
    expect(prepared.ok && prepared.value.plan.create.map((p) => p.name)).toEqual(['Providence']);
  });

  it('refuses a chosen mapping that feeds one field from two columns', () => {
    const prepared = prepareImport({
      ...OPTIONS,
      table: table('Id,Title,Town,ST\n1209900101,Providence,Anchorage,AK\n'),
      mapping: ['acgmeId', 'name', 'name', 'state'],
    });
    expect(prepared).toMatchObject({ ok: false, error: { kind: 'missing-columns' } });
  });
});
