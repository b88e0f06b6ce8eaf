import { type CensusDivision, divisionOf } from '../../geo/census.js';
import { type Program, type ProgramFactKey, type ProgramFacts, programSchema } from '../program.js';
import { SPECIALTIES, type Specialty, specialtyFromAcgmeId } from '../specialty.js';
import {
  type CellResult,
  parseAcgmeId,
  parseBoundedNumber,
  parseCensusDivision,
  parseCoordinate,
  parseNrmpCode,
  parseProgramType,
  parseShare,
  parseSpecialty,
  parseState,
  parseWholeNumber,
  parseYesNo,
  type ShareScale,
  stateName,
} from './cell-values.js';
import { IMPORT_FIELD_LABELS } from './detect-mapping.js';
import type { ImportField, RowError } from './types.js';

/** The non-empty, trimmed cells of one row, by the field their column feeds. */
export type FieldCells = Partial<Record<ImportField, string>>;

export interface RowContext {
  origin: string;
  asOf: string;
  defaultSpecialty?: Specialty;
  /** How the file's IMG-share column writes its numbers; decided once per file. */
  shareScale: ShareScale;
}

export interface ConvertedRow {
  /** The id when it could be read, even if other cells are wrong: duplicates are found by it. */
  acgmeId: string | null;
  program: Program | null;
  errors: RowError[];
}

type FactValue<K extends ProgramFactKey> = NonNullable<ProgramFacts[K]>['value'];

const YEAR_UNITS = ['years', 'year', 'yrs', 'yr', 'y'];
const MONTH_UNITS = ['months', 'month', 'mos', 'mo'];

/** How each research column is read; the ranges mirror programFactsSchema so messages come from here. */
const FACT_READERS: {
  [K in ProgramFactKey]: (text: string, context: RowContext) => CellResult<FactValue<K>>;
} = {
  visaJ1: parseYesNo,
  visaH1b: parseYesNo,
  acceptsImgs: parseYesNo,
  rural: parseYesNo,
  imgShare: (text, context) => parseShare(text, context.shareScale),
  minStep2Score: (text) => parseWholeNumber(text, { min: 1, max: 300, what: 'Step 2 CK score' }),
  typicalStep2Score: (text) => parseWholeNumber(text, { min: 1, max: 300, what: 'Step 2 CK score' }),
  maxYearsSinceGraduation: (text) =>
    parseWholeNumber(text, { min: 0, max: 60, what: 'Years since graduation', units: YEAR_UNITS }),
  maxFailedAttempts: (text) => parseWholeNumber(text, { min: 0, max: 10, what: 'Failed attempts' }),
  minUsceMonths: (text) =>
    parseBoundedNumber(text, { min: 0, max: 60, what: 'USCE months', units: MONTH_UNITS }),
};

const FACT_KEYS = Object.keys(FACT_READERS) as ProgramFactKey[];

/**
 * Turns one row's cells into a Program, collecting every problem instead of stopping at the first,
 * so a person fixes a row in one pass.
 */
export function rowToProgram(cells: FieldCells, line: number, context: RowContext): ConvertedRow {
  const errors: RowError[] = [];
  const fail = (field: string, message: string) => {
    errors.push({ line, field, message });
    return null;
  };
  /** Reads an optional cell: null when empty, null plus an error when unreadable. */
  const read = <T>(field: ImportField, parse: (text: string) => CellResult<T>): T | null => {
    const text = cells[field];
    if (text === undefined) return null;
    const result = parse(text);
    return result.ok ? result.value : fail(field, result.error);
  };
  const required = <T>(field: ImportField, parse: (text: string) => CellResult<T>): T | null =>
    cells[field] === undefined ? fail(field, `${IMPORT_FIELD_LABELS[field]} is empty`) : read(field, parse);
  const text = (value: string): CellResult<string> => ({ ok: true, value });

  const acgmeId = required('acgmeId', parseAcgmeId);
  const name = required('name', text);
  const city = required('city', text);
  const state = required('state', parseState);
  const censusDivision = checkDivision(state, read('censusDivision', parseCensusDivision), fail);
  const [latitude, longitude] = readCoordinates(cells, read, fail);
  const specialty = resolveSpecialty(acgmeId, read('specialty', parseSpecialty), context, fail);
  const positions = read('positions', (value) =>
    parseWholeNumber(value, { min: 0, max: 500, what: 'Positions', units: ['positions'] }),
  );
  const programType = read('programType', parseProgramType);
  const nrmpCode = read('nrmpCode', parseNrmpCode);
  const facts: ProgramFacts = {};
  for (const key of FACT_KEYS) {
    const reader: (text: string, context: RowContext) => CellResult<unknown> = FACT_READERS[key];
    const value = read(key, (cell) => reader(cell, context));
    if (value !== null)
      Object.assign(facts, { [key]: { value, source: context.origin, asOf: context.asOf } });
  }

  if (errors.length > 0) return { acgmeId, program: null, errors };
  const parsed = programSchema.safeParse({
    acgmeId,
    nrmpCode,
    name,
    institution: cells.institution ?? null,
    city,
    state,
    censusDivision,
    latitude,
    longitude,
    specialty,
    positions,
    programType,
    facts,
    synthetic: false,
    origin: context.origin,
  });
  if (parsed.success) return { acgmeId, program: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    // Name the import field ("visaJ1"), not the stored path ("facts.visaJ1.asOf"), so the column can be found.
    const [head, factKey] = issue.path.map(String);
    fail((head === 'facts' ? factKey : head) ?? '(row)', issue.message);
  }
  return { acgmeId, program: null, errors };
}

/** The division always follows the state; a division in the file that disagrees is an error, not a choice. */
function checkDivision(
  state: string | null,
  fromFile: CensusDivision | 'none' | null,
  fail: (field: string, message: string) => null,
): CensusDivision | null {
  if (state === null) return null;
  const expected = divisionOf(state);
  if (fromFile === null || fromFile === (expected ?? 'none')) return expected;
  return fail(
    'censusDivision',
    expected === null
      ? `${stateName(state)} is outside the nine census divisions, not in ${fromFile}; write Territory or leave it empty`
      : `Census division ${fromFile === 'none' ? '"Territory"' : fromFile} does not match ${state}: ${stateName(state)} is in ${expected}`,
  );
}

/** Latitude and longitude come as a pair: one without the other would put the program on a wrong map point. */
function readCoordinates(
  cells: FieldCells,
  read: <T>(field: ImportField, parse: (text: string) => CellResult<T>) => T | null,
  fail: (field: string, message: string) => null,
): [number | null, number | null] {
  const latitude = read('latitude', (value) => parseCoordinate(value, 'latitude'));
  const longitude = read('longitude', (value) => parseCoordinate(value, 'longitude'));
  if (cells.latitude !== undefined && cells.longitude === undefined) {
    fail('longitude', 'Longitude is empty but latitude is given; give both or neither');
  }
  if (cells.longitude !== undefined && cells.latitude === undefined) {
    fail('latitude', 'Latitude is empty but longitude is given; give both or neither');
  }
  return [latitude, longitude];
}

/** Specialty column first, then the id's specialty code, then the importer's default. */
function resolveSpecialty(
  acgmeId: string | null,
  fromColumn: Specialty | null,
  context: RowContext,
  fail: (field: string, message: string) => null,
): Specialty | null {
  const fromId = acgmeId === null ? null : specialtyFromAcgmeId(acgmeId);
  if (fromColumn !== null) {
    if (fromId !== null && fromId !== fromColumn) {
      return fail(
        'specialty',
        `The Specialty column says ${SPECIALTIES[fromColumn].name} but ACGME id ${acgmeId} is ${SPECIALTIES[fromId].name}`,
      );
    }
    return fromColumn;
  }
  if (fromId !== null) return fromId;
  if (context.defaultSpecialty !== undefined) return context.defaultSpecialty;
  if (acgmeId === null) return null; // the id error already explains the row
  return fail(
    'specialty',
    `Cannot tell the specialty of ${acgmeId}: add a Specialty column or choose a default specialty for the file`,
  );
}
