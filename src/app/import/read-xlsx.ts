import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FileError, Table, TableRow } from '../../core/catalog/import/types.js';
import { err, ok, type Result } from '../../core/shared/result.js';
import { columnLetters, SPREADSHEET_LIMITS, type SpreadsheetLimits } from './spreadsheet-limits.js';
import { xlsxCellText } from './xlsx-cell-text.js';
import { checkZipEntries } from './zip-entries.js';

export const SAVE_AS = 'Save it as .xlsx or as "CSV UTF-8" and import that file.';

/** The parts of exceljs's streaming reader this module uses; its published types leave them out. */
interface StreamedWorkbook extends AsyncIterable<StreamedSheet> {
  model?: { sheets?: { id: number; name: string; rId: string }[] };
}
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  id: number | string;
  name: string;
}

/**
 * The first worksheet of an XLSX as a table, read as a stream of rows within `limits`: only the cells the file
 * holds are visited (never the empty width between column A and a stray value in XFD), each row keeps its
 * spreadsheet row number so errors point at the row Excel shows, and a file past a limit is refused with the
 * row, column or limit named. Never throws. Meant to run in the import worker (read-import-file-worker.ts),
 * where a file that still eats memory or time only costs that thread.
 *
 * @example
 * const table = await readXlsx(bytes);
 * if (!table.ok) console.log(table.error.message); // "Row 3 has a value in column XFD; …"
 */
export async function readXlsx(
  bytes: Uint8Array,
  limits: SpreadsheetLimits = SPREADSHEET_LIMITS,
): Promise<Result<Table, FileError>> {
  const zip = checkZipEntries(bytes, {
    maxEntries: limits.maxZipEntries,
    maxInflatedBytes: limits.maxInflatedBytes,
  });
  if (!zip.ok) return err(unreadable(zip.error));
  try {
    return await readFirstSheet(bytes, limits);
  } catch (error) {
    return err(unreadable((error as Error).message));
  }
}

async function readFirstSheet(
  bytes: Uint8Array,
  limits: SpreadsheetLimits,
): Promise<Result<Table, FileError>> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number; hyperlinks only repeat the cell's text.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamedWorkbook;
  try {
    for await (const sheet of workbook) {
      // Parts arrive in archive order; the first tab is the first sheet workbook.xml lists, when it came first.
      const first = workbook.model?.sheets?.[0];
      if (first !== undefined && String(sheet.id) !== String(first.id)) continue;
      return await readRows(sheet, limits);
    }
  } finally {
    input.destroy();
  }
  return err({ kind: 'empty', message: 'The workbook has no worksheets.' });
}

async function readRows(sheet: StreamedSheet, limits: SpreadsheetLimits): Promise<Result<Table, FileError>> {
  const records: TableRow[] = [];
  let cellCount = 0;
  for await (const row of sheet) {
    const cells: string[] = [];
    let refused: FileError | null = null;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (refused !== null) return;
      const text = xlsxCellText(cell.value);
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
