import type { FileError } from '../../core/catalog/import/types.js';
import { err } from '../../core/shared/result.js';
import { startModuleWorker } from '../start-module-worker.js';
import type { ReadImportFileJob } from './read-import-file-worker.js';
import type { ImportFileRead } from './read-spreadsheet.js';
import { SPREADSHEET_LIMITS, type SpreadsheetLimits } from './spreadsheet-limits.js';

export interface OffThreadOptions {
  limits?: Pick<SpreadsheetLimits, 'timeoutMs' | 'workerHeapMb'>;
}

/** Files read at once; the rest wait their turn. Two cores: one for reading, one for everything else. */
const MAX_PARALLEL_READS = 1;
let running = 0;
const waiting: (() => void)[] = [];

/**
 * readImportFile in a worker thread of its own, so the server keeps answering while a file is parsed, and a
 * hostile file costs at most that thread: its heap is capped (the thread dies, not the server, when a file
 * needs more) and it is stopped after `timeoutMs`. Each file gets a fresh thread that ends with it, so nothing
 * a file left behind (exceljs caches, a half-read stream) outlives it. Never throws.
 * From source (tsx, Vitest) the worker is a .ts file and loads through tsx, as in smartpick/compute-pool.ts.
 *
 * @example
 * const read = await readImportFileOffThread('fm-programs.xlsx', bytes);
 */
export async function readImportFileOffThread(
  filename: string,
  bytes: Uint8Array,
  options: OffThreadOptions = {},
): Promise<ImportFileRead> {
  const limits = { ...SPREADSHEET_LIMITS, ...options.limits };
  await turn();
  try {
    return await readInWorker({ filename, bytes }, limits);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

async function turn(): Promise<void> {
  if (running >= MAX_PARALLEL_READS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
}

function readInWorker(
  job: ReadImportFileJob,
  limits: Pick<SpreadsheetLimits, 'timeoutMs' | 'workerHeapMb'>,
): Promise<ImportFileRead> {
  const resourceLimits = { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 32 };
  const worker = startModuleWorker(import.meta.url, './read-import-file-worker', {
    workerData: job,
    resourceLimits,
  });

  return new Promise<ImportFileRead>((resolve) => {
    let settled = false;
    const settle = (read: ImportFileRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(read);
    };
    const timer = setTimeout(() => {
      const seconds = Math.round(limits.timeoutMs / 1000);
      settle(refused(`Reading the file took longer than ${seconds} s, so it was stopped.`));
    }, limits.timeoutMs);
    worker.on('message', (read: ImportFileRead) => settle(read));
    worker.on('error', (error: Error & { code?: string }) => {
      settle(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? refused(
              `Reading the file needed more than ${limits.workerHeapMb} MB of memory, so it was stopped.`,
            )
          : err({ kind: 'parse', message: `The file could not be read (${error.message}).` }),
      );
    });
    worker.on('exit', (code) =>
      settle(
        err({ kind: 'parse', message: `The file could not be read (the reader stopped, code ${code}).` }),
      ),
    );
  });
}

function refused(what: string): ImportFileRead {
  const error: FileError = {
    kind: 'too-large',
    message: `${what} Split it into smaller files, or save only the table as a new .xlsx or CSV UTF-8 file.`,
  };
  return err(error);
}
