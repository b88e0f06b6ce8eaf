import type { Worker } from 'node:worker_threads';
import {
  addCounts,
  alignChunkRuns,
  countsLength,
  DEFAULT_SIMULATION_SEED,
  SimulationAbortedError,
  type SimulationChunk,
  type SimulationInput,
  type SimulationSummary,
  summarize,
  validateSimulationInput,
} from '../../core/match/monte-carlo.js';
import { startModuleWorker } from '../start-module-worker.js';

export { SimulationAbortedError };

/** Message to a simulation worker: run one chunk. */
export interface ChunkRequest {
  id: number;
  chunk: SimulationChunk;
}

/** A worker's answer: the chunk's counts (transferred, not copied) or why it failed. */
export type ChunkResponse =
  | { id: number; ok: true; counts: Int32Array }
  | { id: number; ok: false; message: string };

/** The part of a worker_threads Worker the pool uses; the browser edition passes a Web Worker behind it. */
export type SimulationWorker = Pick<Worker, 'postMessage' | 'on' | 'ref' | 'unref' | 'terminate'>;

export interface SimulationPoolOptions {
  /** Worker threads; default 2. */
  size?: number;
  /** Starts one worker; by default a worker thread running simulation-worker. */
  startWorker?: () => SimulationWorker;
  /**
   * Runs per chunk; default: about four chunks per worker, 1 to 50 runs each. Smaller chunks report progress
   * and stop on cancel sooner; larger ones post fewer messages. The result does not depend on it.
   */
  chunkRuns?: number;
}

export interface SimulationRunOptions {
  runs: number;
  /** Default DEFAULT_SIMULATION_SEED: the same list gives the same answer unless a seed is asked for. */
  seed?: number;
  /** Called as chunks finish, with completed runs rising to total. */
  onProgress?: (completed: number, total: number) => void;
  /** Cancels the run: it rejects with SimulationAbortedError and the workers busy with it are stopped. */
  signal?: AbortSignal;
}

export interface SimulationPool {
  readonly size: number;
  /** The same summary simulateRankList(input, { runs, seed }) gives on one thread, computed across the pool. */
  run(input: SimulationInput, options: SimulationRunOptions): Promise<SimulationSummary>;
  /** Stops every worker; runs still going reject. */
  close(): Promise<void>;
}

interface Job {
  readonly input: SimulationInput;
  readonly seed: number;
  readonly total: number;
  readonly counts: Int32Array;
  completed: number;
  done: boolean;
  readonly onProgress: ((completed: number, total: number) => void) | undefined;
  readonly resolve: (summary: SimulationSummary) => void;
  readonly reject: (error: Error) => void;
  readonly stopListening: () => void;
}

interface Task {
  readonly job: Job;
  readonly firstRun: number;
  readonly runs: number;
}

interface Slot {
  worker: SimulationWorker | null;
  task: Task | null;
  taskId: number;
}

const DEFAULTS = { size: 2 } satisfies SimulationPoolOptions;

/**
 * Monte Carlo rank-list simulations across worker threads. A run is split into chunks of runs; idle workers take
 * the next chunk from one queue shared by all runs, and chunk counts are added up as they come back. Every
 * simulated Match is seeded by its run index (core/match/monte-carlo.ts), so the result is the same whatever
 * the pool size, chunking or finishing order. From source (tsx, Vitest) workers load the .ts entry through tsx,
 * as in app/smartpick/compute-pool.ts. Workers start on demand; one that dies fails only the run it was
 * working for and is replaced on the next chunk.
 *
 * @example
 * const pool = createSimulationPool({ size: 2 });
 * const summary = await pool.run(input, { runs: 1000, seed: 7, onProgress: (done, total) => bar(done / total) });
 * summary.pMatch; summary.ci95; summary.distribution;
 * await pool.close();
 */
export function createSimulationPool(options: SimulationPoolOptions = {}): SimulationPool {
  const { size, chunkRuns, startWorker = startSimulationWorker } = { ...DEFAULTS, ...options };
  if (!(Number.isInteger(size) && size >= 1))
    throw new RangeError('size must be a whole number of at least 1');
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, task: null, taskId: 0 }));
  const queue: Task[] = [];
  const jobs = new Set<Job>();
  let nextTaskId = 1;
  let closed = false;

  function start(slot: Slot): SimulationWorker {
    const worker = startWorker();
    worker.on('message', (response: ChunkResponse) => {
      if (slot.worker !== worker || slot.task === null || response.id !== slot.taskId) return;
      const task = slot.task;
      slot.task = null;
      if (response.ok) finishChunk(task, response.counts);
      else fail(task.job, new Error(`Match simulation failed: ${response.message}`));
      pump();
    });
    const died = (error: Error) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const task = slot.task;
      slot.task = null;
      if (task) fail(task.job, error);
      pump();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`Match simulation worker stopped (exit code ${code})`)));
    return worker;
  }

  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (slot.task === null) assign(slot);
      // A busy worker keeps the process alive (a CLI awaiting a run must not exit); an idle one does not.
      if (slot.task !== null) slot.worker?.ref();
      else slot.worker?.unref();
    }
  }

  function assign(slot: Slot): void {
    const task = queue.shift();
    if (!task) return;
    slot.worker ??= start(slot);
    slot.task = task;
    slot.taskId = nextTaskId++;
    const request: ChunkRequest = {
      id: slot.taskId,
      chunk: { input: task.job.input, seed: task.job.seed, firstRun: task.firstRun, runs: task.runs },
    };
    slot.worker.postMessage(request);
  }

  function finishChunk(task: Task, counts: Int32Array): void {
    const job = task.job;
    if (job.done) return;
    addCounts(job.counts, counts);
    job.completed += task.runs;
    job.onProgress?.(job.completed, job.total);
    if (job.completed >= job.total) settle(job, () => job.resolve(summarize(job.counts, job.input)));
  }

  function settle(job: Job, how: () => void): void {
    if (job.done) return;
    job.done = true;
    jobs.delete(job);
    job.stopListening();
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.job === job) queue.splice(i, 1);
    how();
  }

  function fail(job: Job, error: Error): void {
    settle(job, () => job.reject(error));
    // Workers still busy with this job's chunks are stopped, not waited for: their results would be thrown away.
    for (const slot of slots) {
      if (slot.task?.job !== job) continue;
      const worker = slot.worker;
      slot.worker = null;
      slot.task = null;
      void worker?.terminate();
    }
  }

  return {
    size,
    run(input, runOptions) {
      if (closed) return Promise.reject(new Error('The simulation pool is closed'));
      try {
        validateSimulationInput(input);
      } catch (error) {
        return Promise.reject(error);
      }
      const { runs, seed = DEFAULT_SIMULATION_SEED, onProgress, signal } = runOptions;
      if (!(Number.isInteger(runs) && runs >= 0))
        return Promise.reject(new RangeError('runs must be a whole number'));
      if (signal?.aborted) return Promise.reject(new SimulationAbortedError());
      return new Promise<SimulationSummary>((resolve, reject) => {
        const onAbort = () => fail(job, new SimulationAbortedError());
        const job: Job = {
          input,
          seed,
          total: runs,
          counts: new Int32Array(countsLength(input.programs.length)),
          completed: 0,
          done: false,
          onProgress,
          resolve,
          reject,
          stopListening: () => signal?.removeEventListener('abort', onAbort),
        };
        if (runs === 0) {
          resolve(summarize(job.counts, input));
          return;
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        jobs.add(job);
        // Chunks start at a market, so no market's runs are split between workers (monte-carlo.ts).
        const perChunk = alignChunkRuns(chunkRuns ?? Math.min(50, Math.max(1, Math.ceil(runs / (size * 4)))));
        for (let first = 0; first < runs; first += perChunk) {
          queue.push({ job, firstRun: first, runs: Math.min(perChunk, runs - first) });
        }
        pump();
      });
    },
    async close() {
      closed = true;
      queue.length = 0;
      for (const job of [...jobs]) settle(job, () => job.reject(new Error('The simulation pool was closed')));
      const running = slots.map((slot) => slot.worker);
      for (const slot of slots) {
        slot.worker = null;
        slot.task = null;
      }
      await Promise.all(running.map((worker) => worker?.terminate()));
    },
  };
}

function startSimulationWorker(): Worker {
  return startModuleWorker(import.meta.url, './simulation-worker');
}
