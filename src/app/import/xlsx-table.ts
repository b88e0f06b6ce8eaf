import type { FileError, Table, TableRow } from '../../core/catalog/import/types.js';
import { err, ok, type Result } from '../../core/shared/result.js';
import { columnLetters, type SpreadsheetLimits } from './spreadsheet-limits.js';
import { xlsxCellText } from './xlsx-cell-text.js';
import { checkZipEntries } from './zip-entries.js';

export const SAVE_AS = 'Save it as .xlsx or as "CSV UTF-8" and import that file.';

/** The part of an exceljs row the importer reads: the same in its streaming reader and its workbook model. */
export interface XlsxRow {
  number: number;
  eachCell(options: { includeEmpty: false }, visit: (cell: { value: unknown }, column: number) => void): void;
}

/** The first worksheet of a workbook, as a reader opened it: its tab name and its rows in order. */
export interface XlsxSheet {
  name: string;
  rows: AsyncIterable<XlsxRow> | Iterable<XlsxRow>;
}

/**
 * How a platform opens a workbook that passed the ZIP check and hands its first worksheet to `read`: Node
 * streams it (read-xlsx.ts), the browser edition loads it in a Web Worker
 * (web/static/engine/browser-modules/read-xlsx.ts). Null when the workbook has no worksheet; may throw on a
 * damaged file.
 */
export type WithFirstSheet = <R>(
  bytes: Uint8Array,
  read: (sheet: XlsxSheet) => Promise<R>,
) => Promise<R | null>;

/**
 * The first worksheet of an XLSX as a table, within `limits`, whatever opened it: the archive is checked
 * before any XML parser sees it (zip-entries.ts), only the cells the file holds are visited (never the empty
 * width between column A and a stray value in XFD), each row keeps its spreadsheet row number so errors point
 * at the row Excel shows, and a file past a limit is refused with the row, column or limit named. Never throws.
 */
export async function readXlsxTable(
  bytes: Uint8Array,
  limits: SpreadsheetLimits,
  withFirstSheet: WithFirstSheet,
): Promise<Result<Table, FileError>> {
  const zip = checkZipEntries(bytes, {
    maxEntries: limits.maxZipEntries,
    maxInflatedBytes: limits.maxInflatedBytes,
  });
  if (!zip.ok) return err(unreadable(zip.error));
  try {
    const table = await withFirstSheet(bytes, (sheet) => readRows(sheet, limits));
    return table ?? err({ kind: 'empty', message: 'The workbook has no worksheets.' });
  } catch (error) {
    return err(unreadable((error as Error).message));
  }
}

async function readRows(sheet: XlsxSheet, limits: SpreadsheetLimits): Promise<Result<Table, FileError>> {
  const records: TableRow[] = [];
  let cellCount = 0;
  for await (const row of sheet.rows) {
    const cells: string[] = [];
    let refused: FileError | null = null;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (refused !== null) return;
      const text = xlsxCellText(cell.value as Parameters<typeof xlsxCellText>[0]);
      if (text.trim() === '') return;
      if (column > limits.maxColumns) {
        refused = {
          kind: 'too-large',
          line: row.number,
          message:
            `Row ${row.number} has a value in column ${columnLetters(column)}; the importer reads columns A to ` +
            `${columnLetters(limits.maxColumns)} (${limits.maxColumns} columns). Delete what lies further right, ` +
            'or copy just the table to a new sheet.',
        };
        return;
      }
      cells[column - 1] = text;
      cellCount++;
    });
    if (refused !== null) return err(refused);
    if (cells.length === 0) continue;
    if (cellCount > limits.maxCells) {
      return err(tooMany(row.number, `more than ${limits.maxCells.toLocaleString('en-US')} filled cells`));
    }
    if (records.length >= limits.maxRows) {
      return err(tooMany(row.number, `more than ${limits.maxRows.toLocaleString('en-US')} rows`));
    }
    records.push({ line: row.number, cells: Array.from(cells, (cell) => cell ?? '') });
  }
  const [header, ...rows] = records;
  if (header === undefined) {
    return err({
      kind: 'empty',
      message: `The first worksheet ("${sheet.name}") is empty: it has no header row.`,
    });
  }
  return ok({ headers: header.cells.map((cell) => cell.trim()), rows });
}

function tooMany(line: number, what: string): FileError {
  return {
    kind: 'too-large',
    line,
    message: `The first worksheet has ${what} (reached at row ${line}); split it into smaller files.`,
  };
}

function unreadable(reason: string): FileError {
  return {
    kind: 'parse',
    message: `The workbook could not be opened (${reason}). It may be damaged or password-protected. ${SAVE_AS}`,
  };
}
