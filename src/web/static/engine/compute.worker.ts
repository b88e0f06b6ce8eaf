import { type ComputeRequest, runComputeTask } from '../../../app/smartpick/compute-tasks.js';

// SmartPick computations from the engine's compute pool: the same task table app/smartpick/compute-worker.ts runs.
self.addEventListener('message', (event: MessageEvent<ComputeRequest>) => {
  self.postMessage(runComputeTask(event.data));
});
