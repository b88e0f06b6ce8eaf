import { describe, expect, it } from 'vitest';
import type { Program } from '../program.js';
import { detectMapping } from './detect-mapping.js';
import { mapRows } from './map-rows.js';
import { asImportedProgram, planMerge } from './merge-plan.js';
import { parseCsv } from './parse-csv.js';
import type { ImportedProgram } from './types.js';

const FIRST_IMPORT = 'import research.csv 2026-09-01';

/** Programs as an import of these CSV lines would produce them. */
function imported(lines: string[], origin = 'import research.csv 2026-11-25'): ImportedProgram[] {
  const table = parseCsv(lines.join('\n'));
  if (!table.ok) throw new Error(table.error.message);
  const mapped = mapRows(table.value, detectMapping(table.value.headers), {
    origin,
    asOf: origin.slice(-10),
  });
  if (mapped.errors.length > 0) throw new Error(JSON.stringify(mapped.errors));
  return mapped.programs;
}

const albany: Program = {
  acgmeId: '1203500001',
  nrmpCode: '1234120C0',
  name: 'Albany Medical Center Program',
  institution: 'Albany Medical Center',
  city: 'Albany',
  state: 'NY',
  censusDivision: 'Middle Atlantic',
  latitude: 42.65,
  longitude: -73.75,
  specialty: 'family-medicine',
  positions: 8,
  programType: 'university',
  facts: {
    visaJ1: { value: true, source: 'program website', asOf: '2026-09-01' },
    imgShare: { value: 0.3, source: 'program website', asOf: '2026-09-01' },
  },
  synthetic: false,
  origin: FIRST_IMPORT,
};

const stored = (...programs: Program[]) => new Map(programs.map((program) => [program.acgmeId, program]));
const HEADER = 'ACGME ID,Program Name,Institution,City,State,Positions,Program Type,H-1B,IMG %';

describe('planMerge', () => {
  it('creates programs the catalog does not have yet', () => {
    const incoming = imported([HEADER, '1209900101,Northern Lights Program,,Anchorage,AK,,,,']);
    const plan = planMerge(incoming, stored(albany));
    expect(plan.create.map((p) => p.acgmeId)).toEqual(['1209900101']);
    // Albany is not in the file: it is simply not part of the plan. Imports never delete.
    expect(plan.update).toEqual([]);
    expect(plan.unchanged).toEqual([]);
  });

  it('keeps stored values where the file has empty cells', () => {
    const incoming = imported([HEADER, '1203500001,Albany Medical Center Program,,Albany,NY,,,,']);
    const plan = planMerge(incoming, stored(albany));
    expect(plan.unchanged).toEqual([albany]);
  });

  it('overwrites with provided values and merges facts key by key', () => {
    const incoming = imported([HEADER, '1203500001,Albany Med Family Medicine,,Albany,NY,10,,yes,45%']);
    const [update] = planMerge(incoming, stored(albany)).update;
    expect(update?.changed).toEqual(['name', 'positions', 'facts.visaH1b', 'facts.imgShare']);
    expect(update?.after).toMatchObject({
      name: 'Albany Med Family Medicine',
      positions: 10,
      institution: 'Albany Medical Center',
      programType: 'university',
      origin: FIRST_IMPORT,
    });
    expect(update?.after.facts).toEqual({
      visaJ1: albany.facts.visaJ1,
      visaH1b: { value: true, source: 'import research.csv 2026-11-25', asOf: '2026-11-25' },
      imgShare: { value: 0.45, source: 'import research.csv 2026-11-25', asOf: '2026-11-25' },
    });
  });

  it('treats re-importing the same values on a later day as unchanged, keeping where each fact was first found', () => {
    const incoming = imported(
      [HEADER, '1203500001,Albany Medical Center Program,Albany Medical Center,Albany,NY,8,university,,30%'],
      'import research.csv 2027-01-15',
    );
    expect(planMerge(incoming, stored(albany))).toEqual({ create: [], update: [], unchanged: [albany] });
  });

  it('moves the census division with the state', () => {
    const incoming = imported([HEADER, '1203500001,Albany Medical Center Program,,Albany,GA,,,,']);
    const [update] = planMerge(incoming, stored(albany)).update;
    expect(update?.changed).toEqual(['state', 'censusDivision']);
    expect(update?.after.censusDivision).toBe('South Atlantic');
  });

  it('replaces a synthetic row with an imported real one entirely, so no demo value survives', () => {
    const synthetic: Program = {
      ...albany,
      name: 'Demo Family Medicine Program — Albany, NY (synthetic)',
      facts: { minStep2Score: { value: 215, source: 'synthetic demo data', asOf: '2026-01-01' } },
      synthetic: true,
      origin: 'demo catalog (synthetic)',
    };
    const incoming = imported([HEADER, '1203500001,Albany Medical Center Program,,Albany,NY,,,,']);
    const [update] = planMerge(incoming, stored(synthetic)).update;
    expect(update?.after.synthetic).toBe(false);
    expect(update?.after.facts).toEqual({});
    expect(update?.after.positions).toBeNull();
    expect(update?.changed).toEqual(
      expect.arrayContaining(['name', 'synthetic', 'origin', 'facts.minStep2Score']),
    );
  });

  it('never lets generated demo data overwrite a real program', () => {
    const demo = asImportedProgram({
      ...albany,
      name: 'Demo',
      synthetic: true,
      origin: 'demo catalog (synthetic)',
    });
    expect(planMerge([demo], stored(albany)).unchanged).toEqual([albany]);
  });

  it('lists programs in ACGME id order whatever order the file had', () => {
    const incoming = imported([
      HEADER,
      '1209900105,Harbor Point Hospital Program,,Warwick,RI,,,,',
      '1209900101,Northern Lights Program,,Anchorage,AK,,,,',
      '1209900106,Meridian Program,,Meridian,MS,,,,',
    ]);
    expect(planMerge(incoming, new Map()).create.map((p) => p.acgmeId)).toEqual([
      '1209900101',
      '1209900105',
      '1209900106',
    ]);
  });
});

describe('asImportedProgram', () => {
  it('provides exactly the fields the program has values for', () => {
    expect(asImportedProgram(albany).provided).toEqual([
      'acgmeId',
      'nrmpCode',
      'name',
      'institution',
      'city',
      'state',
      'censusDivision',
      'latitude',
      'longitude',
      'specialty',
      'positions',
      'programType',
      'visaJ1',
      'imgShare',
    ]);
  });
});
