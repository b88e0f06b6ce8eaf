import { describe, expect, it } from 'vitest';
import { detectMapping } from './detect-mapping.js';
import { countInvalidRows, type MapRowsOptions, mapRows } from './map-rows.js';
import { parseCsv } from './parse-csv.js';

const ORIGIN = 'import research.csv 2026-11-25';
const OPTIONS: MapRowsOptions = { origin: ORIGIN, asOf: '2026-11-25' };

function importCsv(lines: string[], options: Partial<MapRowsOptions> = {}) {
  const table = parseCsv(lines.join('\n'));
  if (!table.ok) throw new Error(table.error.message);
  return mapRows(table.value, detectMapping(table.value.headers), { ...OPTIONS, ...options });
}

const HEADER = 'ACGME ID,Program Name,City,State,Census Division,Latitude,Longitude';

describe('mapRows', () => {
  it('turns a row into a family medicine program, deriving specialty from the id and division from the state', () => {
    const mapped = importCsv([
      'ACGME ID,Program Name,City,State,Latitude,Longitude',
      '1209900103,"Canyon Care Partners, Inc. Program",Fresno,California,36.7478,-119.7714',
    ]);
    expect(mapped.errors).toEqual([]);
    expect(mapped.programs).toEqual([
      {
        line: 2,
        provided: ['acgmeId', 'name', 'city', 'state', 'latitude', 'longitude'],
        program: {
          acgmeId: '1209900103',
          nrmpCode: null,
          name: 'Canyon Care Partners, Inc. Program',
          institution: null,
          city: 'Fresno',
          state: 'CA',
          censusDivision: 'Pacific',
          latitude: 36.7478,
          longitude: -119.7714,
          specialty: 'family-medicine',
          positions: null,
          programType: null,
          facts: {},
          synthetic: false,
          origin: ORIGIN,
        },
      },
    ]);
  });

  it('reports each bad cell with its line and field, and leaves those rows out', () => {
    const mapped = importCsv([
      HEADER,
      '1209900101,Providence Alaska Program,Anchorage,AK,Pacific,61.2181,-149.9003',
      '1209900110,Baptist Outreach Program,Montgomery,Alabamma,East South Central,32.3667,-86.3000',
      '1209900104,Cahaba Program,Centreville,AL,East South Central,132.9444,-87.1386',
      '120010072,Foley Program,Foley,AL,East South Central,30.4064,-87.6836',
      '1200100729,Half-placed Program,Mobile,AL,East South Central,30.69,',
      '1200100730,,Dothan,AL,East South Central,31.22,-85.39',
    ]);
    expect(mapped.errors.map(({ line, field }) => ({ line, field }))).toEqual([
      { line: 3, field: 'state' },
      { line: 4, field: 'latitude' },
      { line: 5, field: 'acgmeId' },
      { line: 6, field: 'longitude' },
      { line: 7, field: 'name' },
    ]);
    expect(mapped.programs.map((p) => p.program.acgmeId)).toEqual(['1209900101']);
    expect(mapped.totalRows).toBe(6);
    expect(countInvalidRows(mapped)).toBe(5);
  });

  it('collects every problem of a row in one pass', () => {
    const mapped = importCsv([HEADER, 'x,Program,,ZZ,Pacific,north,200']);
    expect(mapped.errors.map((e) => e.field)).toEqual(['acgmeId', 'city', 'state', 'latitude', 'longitude']);
    expect(mapped.errors.every((e) => e.line === 2)).toBe(true);
  });

  it('rejects a census division that disagrees with the state, naming the line', () => {
    const mapped = importCsv([HEADER, '1203500001,Somewhere Program,Albany,NY,Mountain,42.65,-73.75']);
    expect(mapped.errors).toEqual([
      {
        line: 2,
        field: 'censusDivision',
        message: 'Census division Mountain does not match NY: New York is in Middle Atlantic',
      },
    ]);
  });

  it('accepts "Territory" for Puerto Rico, which is outside the census divisions', () => {
    const mapped = importCsv([
      HEADER,
      '1209900107,Costa Serena Hospital Program,Mayaguez,PR,Territory,18.2031,-67.14',
    ]);
    expect(mapped.errors).toEqual([]);
    expect(mapped.programs[0]?.program.censusDivision).toBeNull();
  });

  it('reads ids that Excel turned into numbers', () => {
    const mapped = importCsv([
      HEADER,
      '1209900101.0,Northern Lights Program,Anchorage,AK,,61.2181,-149.9003',
    ]);
    expect(mapped.programs[0]?.program.acgmeId).toBe('1209900101');
  });

  it('merges a repeated id into its first row: later non-empty cells win, empty ones keep the first', () => {
    const mapped = importCsv([
      'ACGME ID,Program Name,City,State,Positions,J-1',
      '1209900102,High Plains Medical Center Program,Greeley,CO,8,yes',
      '1209900104,Cahaba Program,Centreville,AL,,',
      '1209900102,High Plains Medical Center Program/Sunrise Program,Greeley,CO,,',
    ]);
    expect(mapped.errors).toEqual([]);
    expect(mapped.duplicates).toEqual([{ line: 4, acgmeId: '1209900102', firstLine: 2 }]);
    expect(mapped.programs.map((p) => [p.line, p.program.acgmeId])).toEqual([
      [2, '1209900102'],
      [3, '1209900104'],
    ]);
    const greeley = mapped.programs[0]?.program;
    expect(greeley?.name).toBe('High Plains Medical Center Program/Sunrise Program');
    expect(greeley?.positions).toBe(8);
    expect(greeley?.facts.visaJ1?.value).toBe(true);
  });

  it('checks a merged duplicate as a whole and reports a conflict at the later line', () => {
    const mapped = importCsv([
      HEADER,
      '1209900102,High Plains Program,Greeley,CO,Mountain,40.4233,-104.7086',
      '1209900102,High Plains Program,Albany,NY,,42.65,-73.75',
    ]);
    expect(mapped.duplicates).toEqual([{ line: 3, acgmeId: '1209900102', firstLine: 2 }]);
    expect(mapped.errors).toMatchObject([{ line: 3, field: 'censusDivision' }]);
    expect(mapped.errors[0]?.message).toContain('Merged with line 2');
    expect(mapped.programs[0]?.program.state).toBe('CO');
  });

  it('keeps line numbers right after quoted cells that span lines', () => {
    const mapped = importCsv([
      HEADER,
      '1209900103,"Canyon Care Partners,',
      'Inc. Program",Fresno,CA,Pacific,36.7478,-119.7714',
      '1209900109,Community Health Program,Miami,XX,South Atlantic,25.7739,-80.1939',
    ]);
    expect(mapped.programs[0]?.line).toBe(2);
    expect(mapped.errors).toMatchObject([{ line: 4, field: 'state' }]);
  });

  it('reads a semicolon-separated file with decimal commas, as European Excel saves it', () => {
    const mapped = importCsv([
      'acgme_id;program_name;city;state;latitude;longitude',
      '1209900101;Northern Lights Family Medicine Program;Anchorage;AK;61,2181;-149,9003',
    ]);
    expect(mapped.errors).toEqual([]);
    expect(mapped.programs[0]?.program).toMatchObject({ latitude: 61.2181, longitude: -149.9003 });
  });

  it('skips rows whose cells are all empty without counting them', () => {
    const mapped = importCsv([
      HEADER,
      ',,,,,,',
      '1209900101,Northern Lights Program,Anchorage,AK,,,',
      ' , ,,,,,',
    ]);
    expect(mapped.totalRows).toBe(1);
    expect(mapped.errors).toEqual([]);
    expect(mapped.programs).toHaveLength(1);
  });

  it('rejects a row shifted by an unquoted comma instead of reading its columns wrongly', () => {
    const mapped = importCsv([
      HEADER,
      '1209900103,Canyon Care Partners, Inc. Program,Fresno,CA,Pacific,36.7,-119.7',
    ]);
    expect(mapped.errors.map((e) => e.field)).toContain('(row)');
    expect(mapped.programs).toEqual([]);
  });

  describe('specialty', () => {
    const header = 'ACGME ID,Program Name,City,State,Specialty';

    it('comes from the Specialty column, which must agree with the id', () => {
      const mapped = importCsv([
        header,
        '9990000001,Some Program,Boston,MA,Internal Medicine',
        '1200000001,Other Program,Boston,MA,Pediatrics',
      ]);
      expect(mapped.programs[0]?.program.specialty).toBe('internal-medicine');
      expect(mapped.errors).toMatchObject([{ line: 3, field: 'specialty' }]);
    });

    it('falls back to the default for ids of specialties Matchwise does not list, and fails without one', () => {
      const row = '9990000001,Some Program,Boston,MA,';
      expect(
        importCsv([header, row], { defaultSpecialty: 'psychiatry' }).programs[0]?.program.specialty,
      ).toBe('psychiatry');
      expect(importCsv([header, row]).errors).toMatchObject([{ line: 2, field: 'specialty' }]);
    });
  });

  describe('research columns', () => {
    const header =
      'ACGME ID,Program Name,City,State,Positions,Program Type,Sponsors J-1,H-1B,IMG %,Min Step 2,Max YOG,USCE';

    it('become facts whose source is the import and whose date is the import date', () => {
      const mapped = importCsv([
        header,
        '1203500001,Albany Program,Albany,NY,8,Community-based university-affiliated,yes,N,45,220,5 years,3 months',
        '1203500002,Bronx Program,Bronx,NY,12,university,no,unknown,70%,,n/a,',
      ]);
      expect(mapped.errors).toEqual([]);
      const [albany, bronx] = mapped.programs.map((p) => p.program);
      const fact = <T>(value: T) => ({ value, source: ORIGIN, asOf: '2026-11-25' });
      expect(albany).toMatchObject({ positions: 8, programType: 'community-university' });
      expect(albany?.facts).toEqual({
        visaJ1: fact(true),
        visaH1b: fact(false),
        imgShare: fact(0.45),
        minStep2Score: fact(220),
        maxYearsSinceGraduation: fact(5),
        minUsceMonths: fact(3),
      });
      // "unknown" and "n/a" leave the fact unknown rather than false.
      expect(bronx?.facts).toEqual({ visaJ1: fact(false), imgShare: fact(0.7) });
      expect(mapped.programs[1]?.provided).not.toContain('visaH1b');
    });

    it('reports unreadable research cells like any other', () => {
      const mapped = importCsv([header, '1203500001,Albany Program,Albany,NY,8.5,clinic,maybe,,,400,,']);
      expect(mapped.errors.map((e) => e.field)).toEqual([
        'positions',
        'programType',
        'visaJ1',
        'minStep2Score',
      ]);
    });
  });
});
