import { err, ok, type Result } from '../../shared/result.js';
import { type ColumnMapping, type FileError, IMPORT_FIELDS, type ImportField } from './types.js';

/** Without these a row cannot become a program. */
export const REQUIRED_IMPORT_FIELDS = [
  'acgmeId',
  'name',
  'city',
  'state',
] as const satisfies readonly ImportField[];

/** How each field is named in the UI and in messages. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  acgmeId: 'ACGME program id',
  nrmpCode: 'NRMP program code',
  name: 'Program name',
  institution: 'Sponsoring institution',
  city: 'City',
  state: 'State',
  censusDivision: 'Census division',
  latitude: 'Latitude',
  longitude: 'Longitude',
  specialty: 'Specialty',
  positions: 'Positions offered',
  programType: 'Program type',
  visaJ1: 'Sponsors J-1 visas',
  visaH1b: 'Sponsors H-1B visas',
  acceptsImgs: 'Considers IMGs',
  imgShare: 'IMG share of residents',
  minStep2Score: 'Minimum Step 2 CK',
  typicalStep2Score: 'Typical Step 2 CK',
  maxYearsSinceGraduation: 'Max years since graduation',
  maxFailedAttempts: 'Max failed exam attempts',
  minUsceMonths: 'Required U.S. clinical experience (months)',
  rural: 'Rural program',
};

/**
 * Header spellings seen in program lists (ACGME, FREIDA and NRMP exports, Residency Explorer, hand-made
 * research sheets), normalised by `headerKey`. Earlier spellings win when two columns could feed one field,
 * so "ACGME ID" beats "Program ID".
 */
const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  acgmeId: [
    'acgmeid',
    'acgmeprogramid',
    'acgmeprogramnumber',
    'acgmenumber',
    'acgmecode',
    'acgme',
    'programid',
  ],
  nrmpCode: ['nrmpcode', 'nrmpprogramcode', 'nrmpid', 'nrmpnumber', 'nrmp', 'programcode'],
  name: ['programname', 'name', 'program', 'programtitle'],
  institution: [
    'sponsoringinstitution',
    'sponsoringinstitutionname',
    'institution',
    'institutionname',
    'sponsor',
    'hospital',
  ],
  city: ['city', 'programcity', 'town'],
  state: ['state', 'programstate', 'statecode', 'st'],
  censusDivision: ['censusdivision', 'division', 'usdivision'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lng', 'lon', 'long'],
  specialty: ['specialty', 'speciality', 'specialtyname'],
  positions: [
    'positions',
    'positionsoffered',
    'quota',
    'numberofpositions',
    'pgy1positions',
    'firstyearpositions',
    'spots',
  ],
  programType: ['programtype', 'type', 'programsetting', 'setting'],
  visaJ1: [
    'j1',
    'sponsorsj1',
    'j1visa',
    'visaj1',
    'j1sponsor',
    'sponsorsj1visa',
    'sponsorsj1visas',
    'acceptsj1',
  ],
  visaH1b: [
    'h1b',
    'sponsorsh1b',
    'h1bvisa',
    'visah1b',
    'h1bsponsor',
    'sponsorsh1bvisa',
    'sponsorsh1bvisas',
    'acceptsh1b',
  ],
  acceptsImgs: [
    'acceptsimgs',
    'acceptsimg',
    'considersimgs',
    'imgsconsidered',
    'imgfriendly',
    'imgsaccepted',
  ],
  imgShare: ['imgpct', 'imgshare', 'imgpercent', 'imgpercentage', 'pctimg', 'percentimg', 'imgsharepct'],
  minStep2Score: [
    'minstep2',
    'minstep2ck',
    'minstep2score',
    'minstep2ckscore',
    'minimumstep2',
    'minimumstep2ck',
    'minimumstep2score',
    'minimumstep2ckscore',
    'step2cutoff',
    'step2ckcutoff',
    'step2min',
  ],
  typicalStep2Score: [
    'typicalstep2',
    'typicalstep2ck',
    'typicalstep2score',
    'averagestep2',
    'averagestep2ck',
    'avgstep2',
    'avgstep2ck',
    'medianstep2',
    'medianstep2ck',
    'meanstep2',
    'meanstep2ck',
  ],
  maxYearsSinceGraduation: [
    'maxyearssincegraduation',
    'maxyearssincegrad',
    'yearssincegraduation',
    'maxyog',
    'yog',
    'yogcutoff',
    'graduationcutoff',
    'graduationcutoffyears',
  ],
  maxFailedAttempts: ['maxfailedattempts', 'failedattemptsallowed', 'maxattempts', 'attemptsallowed'],
  minUsceMonths: ['minuscemonths', 'minusce', 'uscemonths', 'usce', 'usclinicalexperiencemonths'],
  rural: ['rural', 'ruraltrack', 'isrural', 'ruralprogram'],
};

/**
 * A header reduced to letters and digits, so "ACGME ID", "acgme_id" and "Acgme-Id" agree;
 * "%" reads as "pct" so "IMG %" stays distinct from "IMG".
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/%/g, 'pct')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Guesses which field each column feeds from its header; unknown headers map to null. Each field is
 * mapped at most once. Exact spellings are tried first, then the header without a parenthetical
 * ("Positions (PGY-1)").
 *
 * @example
 * detectMapping(['ACGME ID', 'Program Name', 'Notes']) // ['acgmeId', 'name', null]
 */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  const candidates: { column: number; field: ImportField; score: number }[] = [];
  headers.forEach((header, column) => {
    const spellings = [headerKey(header), headerKey(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ''))];
    spellings.forEach((key, pass) => {
      if (key === '') return;
      for (const field of IMPORT_FIELDS) {
        const rank = HEADER_SYNONYMS[field].indexOf(key);
        if (rank !== -1) candidates.push({ column, field, score: pass * 1000 + rank });
      }
    });
  });
  candidates.sort((a, b) => a.score - b.score || a.column - b.column);
  const mapping: ColumnMapping = headers.map(() => null);
  const taken = new Set<ImportField>();
  for (const { column, field } of candidates) {
    if (mapping[column] !== null || taken.has(field)) continue;
    mapping[column] = field;
    taken.add(field);
  }
  return mapping;
}

/** Required fields that no column feeds: the person has to map them before importing. */
export function missingRequiredFields(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => !mapping.includes(field));
}

/**
 * Checks a mapping chosen by a person against the file's headers: one entry per column,
 * known fields only, each field at most once.
 */
export function checkMapping(
  headers: readonly string[],
  mapping: ColumnMapping,
): Result<ColumnMapping, FileError> {
  if (mapping.length !== headers.length) {
    return err({
      kind: 'missing-columns',
      message: `The mapping has ${mapping.length} entries but the file has ${headers.length} columns.`,
    });
  }
  const seen = new Map<ImportField, number>();
  for (const [column, field] of mapping.entries()) {
    if (field === null) continue;
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) {
      return err({
        kind: 'missing-columns',
        message: `Column "${headers[column]}" maps to unknown field "${field}".`,
      });
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      return err({
        kind: 'missing-columns',
        message: `Columns "${headers[earlier]}" and "${headers[column]}" both map to ${IMPORT_FIELD_LABELS[field]}; pick one.`,
      });
    }
    seen.set(field, column);
  }
  return ok(mapping);
}
