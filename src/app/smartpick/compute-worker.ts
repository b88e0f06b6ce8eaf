import { parentPort } from 'node:worker_threads';
import { type ComputeRequest, runComputeTask } from './compute-tasks.js';

// Runs SmartPick computations sent by compute-pool.ts, one at a time, in this thread.
parentPort?.on('message', (request: ComputeRequest) => {
  parentPort?.postMessage(runComputeTask(request));
});
