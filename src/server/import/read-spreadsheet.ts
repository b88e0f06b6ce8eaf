import ExcelJS from 'exceljs';
import { decodeText, tooLargeError } from '../../core/catalog/import/decode-text.js';
import { parseCsv } from '../../core/catalog/import/parse-csv.js';
import type { FileError, Table, TableRow } from '../../core/catalog/import/types.js';
import { err, ok, type Result } from '../../core/shared/result.js';
import { xlsxCellText } from './xlsx-cell-text.js';

export type ImportFileFormat = 'csv' | 'xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const SAVE_AS = 'Save it as .xlsx or as "CSV UTF-8" and import that file.';

/**
 * Reads an uploaded program list into a table. XLSX when the name says so or the bytes are a ZIP archive
 * (an .xlsx renamed to .csv still opens); CSV text otherwise. Never throws: a file that cannot be read comes
 * back as a FileError a person can act on.
 *
 * @example
 * const read = await readImportFile('fm-programs.xlsx', bytes);
 * if (read.ok) mapRows(read.value.table, detectMapping(read.value.table.headers), options);
 */
export async function readImportFile(
  filename: string,
  bytes: Uint8Array,
): Promise<Result<{ format: ImportFileFormat; table: Table }, FileError>> {
  const extension = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const tooLarge = tooLargeError(bytes);
  if (tooLarge !== null) return err(tooLarge);
  if (extension === 'xls' || extension === 'ods' || extension === 'numbers') {
    return err({ kind: 'unsupported-format', message: `.${extension} files cannot be read. ${SAVE_AS}` });
  }
  const isZip = ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
  if (isZip || extension === 'xlsx' || extension === 'xlsm') {
    const table = await readXlsx(bytes, isZip);
    return table.ok ? ok({ format: 'xlsx', table: table.value }) : table;
  }
  const text = decodeText(bytes);
  if (!text.ok) return text;
  const table = parseCsv(text.value);
  return table.ok ? ok({ format: 'csv', table: table.value }) : table;
}

/** First worksheet; each row keeps its spreadsheet row number so errors point at the row Excel shows. */
async function readXlsx(bytes: Uint8Array, isZip: boolean): Promise<Result<Table, FileError>> {
  if (!isZip) {
    return err({
      kind: 'unsupported-format',
      message: `This file is named .xlsx but is not an Excel workbook. ${SAVE_AS}`,
    });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer over the same bytes is what it reads at runtime.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    return err({
      kind: 'parse',
      message: `The workbook could not be opened (${(error as Error).message}). It may be damaged or password-protected. ${SAVE_AS}`,
    });
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return err({ kind: 'empty', message: 'The workbook has no worksheets.' });

  const records: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = xlsxCellText(cell.value);
    });
    const filled = Array.from(cells, (cell) => cell ?? '');
    if (filled.some((cell) => cell.trim() !== '')) records.push({ line: rowNumber, cells: filled });
  });
  const [header, ...rows] = records;
  if (header === undefined) {
    return err({
      kind: 'empty',
      message: `The first worksheet ("${sheet.name}") is empty: it has no header row.`,
    });
  }
  return ok({ headers: header.cells.map((cell) => cell.trim()), rows });
}
