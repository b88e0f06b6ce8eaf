import { parentPort } from 'node:worker_threads';
import { runSimulationChunk } from '../../core/match/monte-carlo.js';
import type { ChunkRequest, ChunkResponse } from './simulation-pool.js';

// Runs Monte Carlo chunks sent by simulation-pool.ts, one at a time; counts go back as a transferred buffer.
parentPort?.on('message', (request: ChunkRequest) => {
  let response: ChunkResponse;
  try {
    const counts = runSimulationChunk(request.chunk);
    response = { id: request.id, ok: true, counts };
    parentPort?.postMessage(response, [counts.buffer as ArrayBuffer]);
  } catch (error) {
    response = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    parentPort?.postMessage(response);
  }
});
