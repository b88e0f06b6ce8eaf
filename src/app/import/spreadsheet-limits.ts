import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../core/catalog/import/parse-csv.js';

/**
 * How much of a spreadsheet the importer reads. Every limit is far above a real program list (the whole ACGME
 * catalog of every specialty is ~13,000 rows of ~30 columns; a LinkedIn export holds at most 30,000
 * connections) and far below what stalls the server: a 22 KB workbook with cells in columns A and XFD used to
 * cost 9 s and 2.5 GB for 500 rows.
 */
export interface SpreadsheetLimits {
  /** Rightmost column read; a value further right refuses the file. 200 = column GR. Same as CSV. */
  maxColumns: number;
  /** Non-empty rows. */
  maxRows: number;
  /** Non-empty cells, all rows together. */
  maxCells: number;
  /** ZIP parts in a workbook. */
  maxZipEntries: number;
  /** Bytes of a workbook's parts once unpacked. */
  maxInflatedBytes: number;
  /** Wall time for reading one file off the main thread before the worker is stopped. */
  timeoutMs: number;
  /** Heap of the worker that reads one file; past it the worker dies and the file is refused. */
  workerHeapMb: number;
}

export const SPREADSHEET_LIMITS = {
  maxColumns: MAX_IMPORT_COLUMNS,
  maxRows: MAX_IMPORT_ROWS,
  maxCells: 4_000_000,
  maxZipEntries: 2_000,
  maxInflatedBytes: 150 * 1024 * 1024,
  timeoutMs: 20_000,
  workerHeapMb: 384,
} as const satisfies SpreadsheetLimits;

/** Spreadsheet column letters of a 1-based column number: 1 → A, 200 → GR, 16384 → XFD. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
