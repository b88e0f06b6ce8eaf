import type { Worker } from 'node:worker_threads';
import type { Contact } from '../../core/network/contact.js';
import { type DuplicateSearch, searchDuplicates } from '../../core/network/duplicates.js';
import { startModuleWorker } from '../start-module-worker.js';
import type { DuplicatesRequest, DuplicatesResponse } from './duplicates-worker.js';

/**
 * Networks up to this size are searched on the request's thread: about 30 ms, less than handing the
 * contacts to a worker. Larger ones (50,000 contacts: seconds) go to the worker so other requests keep
 * being answered meanwhile.
 */
export const IN_THREAD_LIMIT = 1_000;

export interface DuplicateFinder {
  search(contacts: readonly Contact[]): Promise<DuplicateSearch>;
  close(): Promise<void>;
}

/**
 * Duplicate search off the main thread: one worker, started on first use and kept (unref'd, so it never
 * keeps the process alive); searches queue behind each other. A worker that dies rejects its search and the
 * next search starts a new one. From source (tsx, Vitest) the worker is a .ts file and loads through tsx.
 *
 * @example
 * const finder = createDuplicateFinder();
 * const { pairs, partial } = await finder.search(await db.contacts.list());
 */
export function createDuplicateFinder(options: { inThreadLimit?: number } = {}): DuplicateFinder {
  const inThreadLimit = options.inThreadLimit ?? IN_THREAD_LIMIT;
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve(search: DuplicateSearch): void; reject(error: Error): void }>();

  function start(): Worker {
    const started = startModuleWorker(import.meta.url, './duplicates-worker');
    started.on('message', (response: DuplicatesResponse) => {
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if (response.ok) waiting.resolve(response.search);
      else waiting.reject(new Error(`Duplicate search failed: ${response.message}`));
    });
    const fail = (error: Error) => {
      if (worker === started) worker = null;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`Duplicate search worker stopped (exit code ${code})`)));
    started.unref();
    return started;
  }

  return {
    async search(contacts) {
      if (contacts.length <= inThreadLimit) return searchDuplicates(contacts);
      worker ??= start();
      const request: DuplicatesRequest = { id: nextId++, contacts: [...contacts] };
      const running = worker;
      return new Promise<DuplicateSearch>((resolve, reject) => {
        pending.set(request.id, { resolve, reject });
        running.postMessage(request);
      });
    },
    async close() {
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  };
}
