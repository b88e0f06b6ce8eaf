import type { Program } from '../program.js';

/**
 * A file's rows as text cells, each with the line (CSV) or row number (XLSX) a person sees in their editor,
 * so every error can name it. Row 1 is the header row.
 */
export interface Table {
  headers: string[];
  rows: TableRow[];
}

export interface TableRow {
  line: number;
  cells: string[];
}

/** Fields of a Program a column can feed. Fact fields carry a source: the import's origin. */
export const IMPORT_FIELDS = [
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
  'visaH1b',
  'acceptsImgs',
  'imgShare',
  'minStep2Score',
  'typicalStep2Score',
  'maxYearsSinceGraduation',
  'maxFailedAttempts',
  'minUsceMonths',
  'rural',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which field each column (by index) feeds; null = ignored. */
export type ColumnMapping = (ImportField | null)[];

export interface RowError {
  line: number;
  /** The field (or column header) at fault; "(row)" when the whole row is. */
  field: string;
  message: string;
}

export interface FileError {
  kind: 'encoding' | 'empty' | 'missing-columns' | 'parse' | 'too-large' | 'unsupported-format';
  message: string;
  line?: number;
}

/** Result of reading a file and mapping its rows, before anything touches the database. */
export interface MappedImport {
  headers: string[];
  mapping: ColumnMapping;
  programs: ImportedProgram[];
  errors: RowError[];
  /** Rows whose ACGME id appeared earlier in the same file: merged into the earlier row, reported here. */
  duplicates: { line: number; acgmeId: string; firstLine: number }[];
  totalRows: number;
}

export interface ImportedProgram {
  line: number;
  program: Program;
  /** Fields the file actually provided (so a merge never overwrites known data with an empty cell). */
  provided: ImportField[];
}

/** What an import would do (preview) or did (report) against the catalog already stored. */
export interface MergePlan {
  create: Program[];
  update: { before: Program; after: Program; changed: string[] }[];
  unchanged: Program[];
}

export interface ImportReport {
  filename: string;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  duplicates: number;
  errors: RowError[];
}
