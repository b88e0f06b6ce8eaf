import { useSyncExternalStore } from 'react';
import type { EnginePhase } from '../engine/protocol.js';

/** What the page knows about the engine, for the status bar. */
export type EngineStatus =
  | { state: 'waiting-for-lock' }
  | { state: 'starting'; phase: EnginePhase; loaded: number; total: number }
  | { state: 'ready'; startedMs: number }
  | { state: 'failed'; message: string };

let status: EngineStatus = { state: 'starting', phase: 'download', loaded: 0, total: 0 };
const listeners = new Set<() => void>();

export function setEngineStatus(next: EngineStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

export function engineStatus(): EngineStatus {
  return status;
}

export function useEngineStatus(): EngineStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}
