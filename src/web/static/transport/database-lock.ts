import { useSyncExternalStore } from 'react';

/** The Web Lock whose holder is the one tab allowed to open the database. */
export const DATABASE_LOCK = 'matchwise-database';
const TABS_CHANNEL = 'matchwise-tabs';

type TabMessage = { type: 'waiting' } | { type: 'released' };

let otherTabWaiting = false;
const listeners = new Set<() => void>();

function setOtherTabWaiting(value: boolean): void {
  otherTabWaiting = value;
  for (const listener of listeners) listener();
}

/** True in the tab holding the database while another tab waits for it. */
export function useOtherTabWaiting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => otherTabWaiting,
  );
}

/**
 * One writer: PGlite keeps one copy of the database in memory and writes it back to IndexedDB, so two tabs
 * each running their own engine on the same data would overwrite each other's changes. The first tab takes
 * the lock and keeps it for its lifetime; a later tab is told (`onWaiting`), tells the holder over a
 * BroadcastChannel, and takes over when the holder closes (`onHeld` then runs in it).
 *
 * @example
 * holdDatabaseLock({ onHeld: () => startEngine(), onWaiting: () => showOtherTabNotice() });
 */
export function holdDatabaseLock({ onHeld, onWaiting }: { onHeld(): void; onWaiting(): void }): void {
  const channel = new BroadcastChannel(TABS_CHANNEL);
  const holdForever = () => {
    channel.onmessage = (event: MessageEvent<TabMessage>) => {
      if (event.data.type === 'waiting') setOtherTabWaiting(true);
    };
    onHeld();
    // Held until the tab closes: the browser releases a lock when its document goes away.
    return new Promise<never>(() => {});
  };
  void navigator.locks.request(DATABASE_LOCK, { ifAvailable: true }, (lock) => {
    if (lock) return holdForever();
    onWaiting();
    channel.postMessage({ type: 'waiting' } satisfies TabMessage);
    void navigator.locks.request(DATABASE_LOCK, holdForever);
    return undefined;
  });
}
