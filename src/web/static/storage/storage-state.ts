import { useEffect, useState } from 'react';

export interface StorageState {
  /** Whether the browser promised not to evict this site's data under storage pressure. */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/**
 * Asks the browser to keep this site's data (navigator.storage.persist) and reads how much it holds. Browsers
 * may say no (Chrome grants it to sites used often or installed; Firefox asks the user); the page says which.
 */
export async function requestPersistentStorage(): Promise<StorageState> {
  const storage = navigator.storage;
  if (!storage) return { persisted: null, usageBytes: null, quotaBytes: null };
  const persisted = (await storage.persisted?.()) || ((await storage.persist?.()) ?? false);
  const estimate = await storage.estimate?.();
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

export function useStorageState(ready: boolean): StorageState | null {
  const [state, setState] = useState<StorageState | null>(null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void requestPersistentStorage().then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return state;
}
