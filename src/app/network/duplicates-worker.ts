import { parentPort } from 'node:worker_threads';
import type { Contact } from '../../core/network/contact.js';
import { searchDuplicates } from '../../core/network/duplicates.js';

export interface DuplicatesRequest {
  id: number;
  contacts: Contact[];
}

export type DuplicatesResponse =
  | { id: number; ok: true; search: ReturnType<typeof searchDuplicates> }
  | { id: number; ok: false; message: string };

// Runs duplicate searches sent by duplicates-off-thread.ts, one at a time, in this thread.
parentPort?.on('message', ({ id, contacts }: DuplicatesRequest) => {
  let response: DuplicatesResponse;
  try {
    response = { id, ok: true, search: searchDuplicates(contacts) };
  } catch (error) {
    response = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
