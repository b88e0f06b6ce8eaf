import type { Contact } from '../../../../core/network/contact.js';
import { type DuplicateSearch, searchDuplicates } from '../../../../core/network/duplicates.js';

export const IN_THREAD_LIMIT = Number.POSITIVE_INFINITY;

export interface DuplicateFinder {
  search(contacts: readonly Contact[]): Promise<DuplicateSearch>;
  close(): Promise<void>;
}

/**
 * The browser edition's duplicate finder: the engine is itself a Web Worker, so the search runs in it, never on
 * the page's thread.
 */
export function createDuplicateFinder(): DuplicateFinder {
  return {
    search: async (contacts) => searchDuplicates(contacts),
    close: async () => {},
  };
}
