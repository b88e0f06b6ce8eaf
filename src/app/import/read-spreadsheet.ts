import { decodeText, tooLargeError } from '../../core/catalog/import/decode-text.js';
import { parseCsv } from '../../core/catalog/import/parse-csv.js';
import type { FileError, Table } from '../../core/catalog/import/types.js';
import { err, ok, type Result } from '../../core/shared/result.js';
import { readXlsx, SAVE_AS } from './read-xlsx.js';

export type ImportFileFormat = 'csv' | 'xlsx';

export type ImportFileRead = Result<{ format: ImportFileFormat; table: Table }, FileError>;

/** readImportFile's shape, so the server can swap in the worker-thread reader. */
export type ImportFileReader = (filename: string, bytes: Uint8Array) => Promise<ImportFileRead>;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads an uploaded program list into a table. XLSX when the name says so or the bytes are a ZIP archive
 * (an .xlsx renamed to .csv still opens); CSV text otherwise. Never throws: a file that cannot be read comes
 * back as a FileError a person can act on. Runs on the calling thread: the CLI calls it directly, the server
 * through readImportFileOffThread so a hostile file cannot stall other requests.
 *
 * @example
 * const read = await readImportFile('fm-programs.xlsx', bytes);
 * if (read.ok) mapRows(read.value.table, detectMapping(read.value.table.headers), options);
 */
export async function readImportFile(filename: string, bytes: Uint8Array): Promise<ImportFileRead> {
  const extension = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const tooLarge = tooLargeError(bytes);
  if (tooLarge !== null) return err(tooLarge);
  if (extension === 'xls' || extension === 'ods' || extension === 'numbers') {
    return err({ kind: 'unsupported-format', message: `.${extension} files cannot be read. ${SAVE_AS}` });
  }
  const isZip = ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
  if (isZip || extension === 'xlsx' || extension === 'xlsm') {
    if (!isZip) {
      return err({
        kind: 'unsupported-format',
        message: `This file is named .xlsx but is not an Excel workbook. ${SAVE_AS}`,
      });
    }
    const table = await readXlsx(bytes);
    return table.ok ? ok({ format: 'xlsx', table: table.value }) : table;
  }
  const text = decodeText(bytes);
  if (!text.ok) return text;
  const table = parseCsv(text.value);
  return table.ok ? ok({ format: 'csv', table: table.value }) : table;
}
