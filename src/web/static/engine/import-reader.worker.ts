import type { ImportFileRead } from '../../../app/import/read-spreadsheet.js';
import { readImportFile } from '../../../app/import/read-spreadsheet.js';

/** One import file, read off the engine's thread (browser-modules/read-import-file.ts starts one per file). */
export interface ImportReaderJob {
  filename: string;
  bytes: Uint8Array;
}

const scope = self as unknown as {
  postMessage(message: ImportFileRead): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportReaderJob>) => void): void;
};

scope.addEventListener('message', async (event) => {
  scope.postMessage(await readImportFile(event.data.filename, event.data.bytes));
});
