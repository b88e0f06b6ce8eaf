import ExcelJS from 'exceljs';
import { SPREADSHEET_LIMITS, type SpreadsheetLimits } from '../../../../app/import/spreadsheet-limits.js';
import { readXlsxTable, type WithFirstSheet, type XlsxRow } from '../../../../app/import/xlsx-table.js';
import type { FileError, Table } from '../../../../core/catalog/import/types.js';
import type { Result } from '../../../../core/shared/result.js';

export { SAVE_AS } from '../../../../app/import/xlsx-table.js';

/**
 * readXlsx in the browser edition: the server's ZIP check, limits and cell handling (app/import/xlsx-table.ts),
 * with the workbook loaded by exceljs's browser build instead of its streaming reader, which needs Node's
 * streams. Loading holds the workbook in memory, which the ZIP check bounds (150 MB unpacked at most); it runs
 * in a Web Worker of its own (read-import-file.ts) that is stopped after the time limit, so neither the page
 * nor the engine waits on a hostile file.
 */
export function readXlsx(
  bytes: Uint8Array,
  limits: SpreadsheetLimits = SPREADSHEET_LIMITS,
): Promise<Result<Table, FileError>> {
  return readXlsxTable(bytes, limits, loadFirstSheet);
}

const loadFirstSheet: WithFirstSheet = async (bytes, read) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  // The first tab, as Excel shows them (worksheets are listed in tab order).
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return null;
  const rows: XlsxRow[] = [];
  sheet.eachRow((row) => rows.push(row as unknown as XlsxRow));
  return read({ name: sheet.name, rows });
};
