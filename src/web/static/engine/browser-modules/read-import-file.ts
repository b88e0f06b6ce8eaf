import type { ImportFileRead } from '../../../../app/import/read-spreadsheet.js';
import { readImportFile } from '../../../../app/import/read-spreadsheet.js';

/**
 * readImportFileOffThread in the browser edition: the engine already runs in a Web Worker, off the page's
 * thread, so the file is read right here with the server's own readImportFile.
 */
export async function readImportFileOffThread(filename: string, bytes: Uint8Array): Promise<ImportFileRead> {
  return readImportFile(filename, bytes);
}
