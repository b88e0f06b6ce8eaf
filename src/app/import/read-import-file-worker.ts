import { parentPort, workerData } from 'node:worker_threads';
import { readImportFile } from './read-spreadsheet.js';

/** What read-import-file-off-thread.ts sends: one file, read once, then the thread ends. */
export interface ReadImportFileJob {
  filename: string;
  bytes: Uint8Array;
}

const job = workerData as ReadImportFileJob;
parentPort?.postMessage(await readImportFile(job.filename, job.bytes));
