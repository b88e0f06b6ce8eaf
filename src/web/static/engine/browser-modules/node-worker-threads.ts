/**
 * `node:worker_threads` in the browser. The server's pools accept a `startWorker` and the browser edition
 * gives them Web Workers (engine/web-workers.ts), so this constructor is only reached by a default nobody
 * should be using; it says so instead of failing obscurely.
 */
export class Worker {
  constructor() {
    throw new Error('node:worker_threads is not available in the browser: pass a Web Worker (startWorker)');
  }
}

export const parentPort = null;
export const workerData = undefined;
