import type { ChunkRequest, ChunkResponse } from '../../../app/match/simulation-pool.js';
import { runSimulationChunk } from '../../../core/match/monte-carlo.js';

// Monte Carlo chunks from the engine's simulation pool, as app/match/simulation-worker.ts runs them.
self.addEventListener('message', (event: MessageEvent<ChunkRequest>) => {
  const request = event.data;
  let response: ChunkResponse;
  try {
    const counts = runSimulationChunk(request.chunk);
    response = { id: request.id, ok: true, counts };
    self.postMessage(response, { transfer: [counts.buffer as ArrayBuffer] });
  } catch (error) {
    response = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    self.postMessage(response);
  }
});
