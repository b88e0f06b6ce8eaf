import type { SimulationWorker } from '../../../app/match/simulation-pool.js';
import type { ComputeWorker } from '../../../app/smartpick/compute-pool.js';

type Listener = (value: never) => void;

/**
 * A Web Worker behind the worker_threads surface the server's pools use (`on('message' | 'error' | 'exit')`,
 * `postMessage`, `terminate`, `ref`/`unref`), so the browser edition runs SmartPick and the Match simulations
 * through the very same pools as the server, only on Web Workers. A Web Worker never exits by itself: an
 * uncaught error in it is reported as 'error', which the pools treat as the worker dying.
 */
export function nodeLikeWorker(worker: Worker): ComputeWorker & SimulationWorker {
  const adapter = {
    on(event: string, listener: Listener) {
      const call = listener as (value: unknown) => void;
      if (event === 'message') worker.addEventListener('message', (e) => call(e.data));
      else if (event === 'error') {
        worker.addEventListener('error', (e) => call(new Error(e.message || 'Worker failed to start')));
        worker.addEventListener('messageerror', () => call(new Error('A worker message could not be read')));
      }
      return adapter;
    },
    postMessage(value: unknown, transfer?: readonly Transferable[]) {
      worker.postMessage(value, transfer ? [...transfer] : []);
    },
    async terminate() {
      worker.terminate();
      return 0;
    },
    ref: () => adapter,
    unref: () => adapter,
  };
  // The worker_threads types list every event overload; this covers the three the pools subscribe to.
  return adapter as unknown as ComputeWorker & SimulationWorker;
}
