import type { ImportFileRead } from '../../../../app/import/read-spreadsheet.js';
import { SPREADSHEET_LIMITS, type SpreadsheetLimits } from '../../../../app/import/spreadsheet-limits.js';
import type { FileError } from '../../../../core/catalog/import/types.js';
import { err } from '../../../../core/shared/result.js';
import type { ImportReaderJob } from '../import-reader.worker.js';

/**
 * readImportFileOffThread in the browser edition: the server's own readImportFile (with the browser's
 * readXlsx, read-xlsx.ts) in a Web Worker of its own for each file, stopped after the time limit, so a hostile
 * workbook costs neither the page nor the engine, which keeps answering other requests meanwhile. Browsers
 * cannot cap a worker's memory as Node can; the ZIP check and the row, column and cell limits bound it.
 */
export function readImportFileOffThread(
  filename: string,
  bytes: Uint8Array,
  options: { limits?: Pick<SpreadsheetLimits, 'timeoutMs'> } = {},
): Promise<ImportFileRead> {
  const { timeoutMs } = { ...SPREADSHEET_LIMITS, ...options.limits };
  const worker = new Worker(new URL('../import-reader.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ImportFileRead>((resolve) => {
    const settle = (read: ImportFileRead) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(read);
    };
    const timer = setTimeout(() => {
      settle(
        refused(`Reading the file took longer than ${Math.round(timeoutMs / 1000)} s, so it was stopped.`),
      );
    }, timeoutMs);
    worker.addEventListener('message', (event: MessageEvent<ImportFileRead>) => settle(event.data));
    worker.addEventListener('error', (event) => {
      settle(
        err({
          kind: 'parse',
          message: `The file could not be read (${event.message || 'the reader stopped'}).`,
        }),
      );
    });
    const job: ImportReaderJob = { filename, bytes };
    worker.postMessage(job);
  });
}

function refused(what: string): ImportFileRead {
  const error: FileError = {
    kind: 'too-large',
    message: `${what} Split it into smaller files, or save only the table as a new .xlsx or CSV UTF-8 file.`,
  };
  return err(error);
}
