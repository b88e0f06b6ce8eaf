/**
 * Program-catalog import: bytes → text → table → programs → merge plan, all pure.
 * Reading XLSX files is an adapter's job (src/app/import/read-spreadsheet.ts).
 */
export { isUnknownCell, parseAcgmeId, parseShare, parseYesNo, type ShareScale } from './cell-values.js';
export { decodeText, MAX_IMPORT_BYTES } from './decode-text.js';
export {
  checkMapping,
  detectMapping,
  headerKey,
  IMPORT_FIELD_LABELS,
  missingRequiredFields,
  REQUIRED_IMPORT_FIELDS,
} from './detect-mapping.js';
export { countInvalidRows, type MapRowsOptions, mapRows } from './map-rows.js';
export { asImportedProgram, changedFields, mergeProgram, planMerge } from './merge-plan.js';
export { type CsvDelimiter, detectDelimiter, type ParseCsvOptions, parseCsv } from './parse-csv.js';
export { type PreparedImport, type PrepareImportInput, prepareImport } from './prepare-import.js';
export * from './types.js';
