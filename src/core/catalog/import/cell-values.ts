import { CENSUS_DIVISIONS, type CensusDivision, normalizeState, STATES } from '../../geo/census.js';
import { err, ok, type Result } from '../../shared/result.js';
import { ACGME_ID_PATTERN, DEMO_ID_PATTERN, PROGRAM_TYPES, type ProgramType } from '../program.js';
import { SPECIALTIES, SPECIALTY_IDS, type Specialty } from '../specialty.js';

/**
 * Readers for single cells. Each takes the trimmed text of a non-empty cell and returns the value or a message
 * a person can act on; the row mapper adds the line and field.
 */
export type CellResult<T> = Result<T, string>;

/** Cells that say "we don't know": treated like an empty cell, so the fact stays unknown rather than false. */
const UNKNOWN_MARKERS = new Set([
  '',
  '?',
  '-',
  '--',
  '—',
  'n/a',
  'na',
  'unknown',
  'not stated',
  'not reported',
  'tbd',
]);

export function isUnknownCell(text: string): boolean {
  return UNKNOWN_MARKERS.has(text.trim().toLowerCase());
}

/** Lower-case letters and digits only: "Mid-Atlantic" → "midatlantic". */
function squash(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * ACGME ids are ten digits. Excel turns the column into numbers, so "1209900101.0" and "1.209900101E+09"
 * come back; both are read as the id they were. A leading apostrophe (Excel's "keep as text") is dropped.
 */
export function parseAcgmeId(text: string): CellResult<string> {
  const value = text.replace(/^'/, '').replace(/\s+/g, '');
  if (ACGME_ID_PATTERN.test(value)) return ok(value);
  if (/^\d{10}\.0+$/.test(value)) return ok(value.slice(0, 10));
  if (/^\d(\.\d+)?e\+?0?9$/i.test(value)) {
    const number = Number(value);
    if (Number.isInteger(number)) return ok(String(number));
  }
  if (DEMO_ID_PATTERN.test(value.toUpperCase())) {
    return err(`"${text}" is a demo-catalog id; import real programs by their 10-digit ACGME id`);
  }
  if (/^\d{9}$/.test(value)) {
    return err(`"${text}" has 9 digits; ACGME ids have 10 (did a spreadsheet drop a leading zero?)`);
  }
  return err(`"${text}" is not an ACGME program id (10 digits, e.g. 1209900103)`);
}

export function parseState(text: string): CellResult<string> {
  const code = normalizeState(text.replace(/\./g, ''));
  return code === null
    ? err(`"${text}" is not a U.S. state, DC or Puerto Rico (use a code like NY or a name)`)
    : ok(code);
}

const DIVISION_BY_KEY = new Map<string, CensusDivision>([
  ...CENSUS_DIVISIONS.map((division) => [squash(division), division] as const),
  ['midatlantic', 'Middle Atlantic'],
]);

/** Words lists use for "outside the nine divisions" (Puerto Rico): the Census Bureau lists it separately. */
const NO_DIVISION_KEYS = new Set(['territory', 'none', 'outsidedivisions', 'nodivision', 'islandareas']);

/** A census division, or 'none' when the cell says the place is outside the nine divisions ("Territory"). */
export function parseCensusDivision(text: string): CellResult<CensusDivision | 'none'> {
  const key = squash(text);
  if (NO_DIVISION_KEYS.has(key)) return ok('none');
  const division = DIVISION_BY_KEY.get(key);
  return division === undefined
    ? err(`"${text}" is not a U.S. census division (${CENSUS_DIVISIONS.join(', ')}, or Territory)`)
    : ok(division);
}

/**
 * A decimal number. A single comma with no dot is read as a decimal comma ("61,2181"), which is what
 * European Excel writes into semicolon-separated files; thousands separators are not expected in these fields.
 */
export function parseDecimal(text: string): number | null {
  const value = text.replace(/\s+/g, '');
  const normalised = /^[+-]?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return null;
  return Number(normalised);
}

export function parseCoordinate(text: string, axis: 'latitude' | 'longitude'): CellResult<number> {
  const value = parseDecimal(text);
  const limit = axis === 'latitude' ? 90 : 180;
  if (value === null)
    return err(`${capitalise(axis)} "${text}" is not a number (decimal degrees, e.g. 40.4233)`);
  if (Math.abs(value) > limit) return err(`${capitalise(axis)} ${value} is outside -${limit}..${limit}`);
  return ok(value);
}

/** A whole number in a range; "12.0" (Excel) counts as 12, and a trailing unit word ("5 years") is allowed. */
export function parseWholeNumber(
  text: string,
  range: { min: number; max: number; what: string; units?: readonly string[] },
): CellResult<number> {
  const value = parseDecimal(stripUnit(text, range.units ?? []));
  if (value === null || !Number.isInteger(value)) return err(`${range.what} "${text}" is not a whole number`);
  if (value < range.min || value > range.max) {
    return err(`${range.what} ${value} is outside ${range.min}..${range.max}`);
  }
  return ok(value);
}

/** A number in a range, with an optional unit word ("3 months"). */
export function parseBoundedNumber(
  text: string,
  range: { min: number; max: number; what: string; units?: readonly string[] },
): CellResult<number> {
  const value = parseDecimal(stripUnit(text, range.units ?? []));
  if (value === null) return err(`${range.what} "${text}" is not a number`);
  if (value < range.min || value > range.max)
    return err(`${range.what} ${value} is outside ${range.min}..${range.max}`);
  return ok(value);
}

function stripUnit(text: string, units: readonly string[]): string {
  const lower = text.trim().toLowerCase();
  for (const unit of units) {
    if (lower.endsWith(unit)) return lower.slice(0, -unit.length).trim();
  }
  return lower;
}

const YES = new Set(['yes', 'y', 'true', 't', '1', 'x']);
const NO = new Set(['no', 'n', 'false', 'f', '0']);

export function parseYesNo(text: string): CellResult<boolean> {
  const key = text.trim().toLowerCase();
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return err(`"${text}" is not yes or no (use yes/no, y/n, true/false or 1/0)`);
}

/**
 * How to read a share column's bare numbers: a research sheet writes either 0.45 or 45 for 45%.
 * `percent` when any bare number in the column is above 1, so one column is read one way throughout.
 */
export type ShareScale = 'fraction' | 'percent';

export function shareScaleOf(cells: readonly string[]): ShareScale {
  for (const cell of cells) {
    if (cell.includes('%')) continue;
    const value = parseDecimal(cell);
    if (value !== null && value > 1) return 'percent';
  }
  return 'fraction';
}

/** A share 0..1 from "45%", "45" (in a percent column) or "0.45". */
export function parseShare(text: string, scale: ShareScale): CellResult<number> {
  const percentSign = text.trim().endsWith('%');
  const value = parseDecimal(percentSign ? text.trim().slice(0, -1) : text);
  if (value === null) return err(`Share "${text}" is not a number (e.g. 45% or 0.45)`);
  const share = percentSign || scale === 'percent' ? value / 100 : value;
  if (share < 0 || share > 1) return err(`Share "${text}" is outside 0%..100%`);
  return ok(Math.round(share * 10_000) / 10_000);
}

/** Program settings as FREIDA and program lists word them. */
const PROGRAM_TYPE_BY_KEY = new Map<string, ProgramType>([
  ...PROGRAM_TYPES.map((type) => [squash(type), type] as const),
  ['universitybased', 'university'],
  ['academic', 'university'],
  ['academicmedicalcenter', 'university'],
  ['univ', 'university'],
  ['communitybaseduniversityaffiliated', 'community-university'],
  ['communityuniversityaffiliated', 'community-university'],
  ['universityaffiliated', 'community-university'],
  ['universityaffiliatedcommunity', 'community-university'],
  ['communitybaseduniversity', 'community-university'],
  ['communitybased', 'community'],
  ['militarybased', 'military'],
]);

export function parseProgramType(text: string): CellResult<ProgramType> {
  const type = PROGRAM_TYPE_BY_KEY.get(squash(text));
  return type === undefined
    ? err(`"${text}" is not a program type (university, community-university, community or military)`)
    : ok(type);
}

const SPECIALTY_ABBREVIATIONS: Record<string, Specialty> = {
  fm: 'family-medicine',
  im: 'internal-medicine',
  peds: 'pediatrics',
  psych: 'psychiatry',
  em: 'emergency-medicine',
  obgyn: 'obstetrics-gynecology',
  neuro: 'neurology',
  surgery: 'general-surgery',
};

const SPECIALTY_BY_KEY = new Map<string, Specialty>([
  ...SPECIALTY_IDS.flatMap((id) => [
    [squash(id), id] as const,
    [squash(SPECIALTIES[id].name), id] as const,
    [SPECIALTIES[id].acgmeCode, id] as const,
  ]),
  ...Object.entries(SPECIALTY_ABBREVIATIONS),
]);

export function parseSpecialty(text: string): CellResult<Specialty> {
  const specialty = SPECIALTY_BY_KEY.get(squash(text));
  return specialty === undefined ? err(`"${text}" is not a specialty Matchwise knows`) : ok(specialty);
}

/** NRMP codes are 9-11 letters and digits ("1234120C0"); spaces and dashes people add are dropped. */
export function parseNrmpCode(text: string): CellResult<string> {
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  return /^[0-9A-Z]{9,11}$/.test(code)
    ? ok(code)
    : err(`"${text}" is not an NRMP program code (9-11 letters and digits)`);
}

/** A state's full name for messages ("Colorado" for CO). */
export function stateName(code: string): string {
  return STATES[code]?.name ?? code;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
