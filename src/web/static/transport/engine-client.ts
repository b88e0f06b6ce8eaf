import type { BackupRecord } from '../../../core/network/index.js';
import {
  type FromEngine,
  fromWireResponse,
  type ToEngine,
  toWireRequest,
  unavailableWire,
  type WireResponse,
} from '../engine/protocol.js';
import { setEngineStatus } from './engine-status.js';

export interface EngineClient {
  /** Answers one API request through the engine worker (waiting for it to start if need be). */
  fetch(request: Request): Promise<Response>;
}

/**
 * Starts the engine worker (engine/engine.worker.ts) and matches its answers to requests by id. Requests made
 * while it is still downloading wait in the worker's queue, so pages simply show their loading state. Each
 * request carries `backupRecord()` as it is then, so the tasks it answers know of the latest export.
 */
export function startEngine({ backupRecord }: { backupRecord: () => BackupRecord }): EngineClient {
  const worker = new Worker(new URL('../engine/engine.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, (response: WireResponse) => void>();
  let nextId = 1;
  worker.addEventListener('message', (event: MessageEvent<FromEngine>) => {
    const message = event.data;
    switch (message.type) {
      case 'progress':
        setEngineStatus({ state: 'starting', ...message });
        break;
      case 'ready':
        setEngineStatus({ state: 'ready', startedMs: message.startedMs });
        break;
      case 'failed':
        setEngineStatus({ state: 'failed', message: message.message });
        break;
      case 'response':
        waiting.get(message.id)?.(message.response);
        waiting.delete(message.id);
        break;
    }
  });
  worker.addEventListener('error', (event) => {
    setEngineStatus({ state: 'failed', message: event.message || 'The database engine stopped' });
    for (const [id, resolve] of waiting) {
      resolve(unavailableWire('The database engine stopped', 'Reload the page to start it again.'));
      waiting.delete(id);
    }
  });
  return {
    async fetch(request) {
      const wire = await toWireRequest(request);
      const id = nextId++;
      const answer = new Promise<WireResponse>((resolve) => waiting.set(id, resolve));
      const message: ToEngine = { type: 'request', id, request: wire, backup: backupRecord() };
      worker.postMessage(message, wire.body ? [wire.body] : []);
      return fromWireResponse(await answer);
    },
  };
}
