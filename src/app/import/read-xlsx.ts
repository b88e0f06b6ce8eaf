import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FileError, Table } from '../../core/catalog/import/types.js';
import type { Result } from '../../core/shared/result.js';
import { SPREADSHEET_LIMITS, type SpreadsheetLimits } from './spreadsheet-limits.js';
import { readXlsxTable, type WithFirstSheet, type XlsxRow } from './xlsx-table.js';

export { SAVE_AS } from './xlsx-table.js';

/** The parts of exceljs's streaming reader this module uses; its published types leave them out. */
interface StreamedWorkbook extends AsyncIterable<StreamedSheet> {
  model?: { sheets?: { id: number; name: string; rId: string }[] };
}
interface StreamedSheet extends AsyncIterable<XlsxRow> {
  id: number | string;
  name: string;
}

/**
 * The first worksheet of an XLSX as a table, read as a stream of rows within `limits` (the checks and the
 * cell handling are xlsx-table.ts's, shared with the browser edition; only how the workbook is opened is
 * Node's here). Never throws. Meant to run in the import worker (read-import-file-worker.ts), where a file
 * that still eats memory or time only costs that thread.
 *
 * @example
 * const table = await readXlsx(bytes);
 * if (!table.ok) console.log(table.error.message); // "Row 3 has a value in column XFD; …"
 */
export function readXlsx(
  bytes: Uint8Array,
  limits: SpreadsheetLimits = SPREADSHEET_LIMITS,
): Promise<Result<Table, FileError>> {
  return readXlsxTable(bytes, limits, streamFirstSheet);
}

const streamFirstSheet: WithFirstSheet = async (bytes, read) => {
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
      return await read({ name: sheet.name, rows: sheet });
    }
    return null;
  } finally {
    input.destroy();
  }
};
