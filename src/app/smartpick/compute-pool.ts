import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../start-module-worker.js';
import {
  type ComputeInput,
  type ComputeOutput,
  type ComputeRequest,
  type ComputeResponse,
  type ComputeTaskName,
  runComputeTask,
} from './compute-tasks.js';

export interface ComputeRunOptions {
  /** Aborting it (the client went away) drops the task if it is still queued and stops waiting for it. */
  signal?: AbortSignal | undefined;
}

export interface ComputePool {
  run<T extends ComputeTaskName>(
    task: T,
    input: ComputeInput<T>,
    options?: ComputeRunOptions,
  ): Promise<ComputeOutput<T>>;
  close(): Promise<void>;
  /**
   * Starts the worker now rather than on the first task, so its code is loaded by the time someone opens My list
   * (the static edition calls it once the database is open: a cold worker cost the first list about a second).
   */
  warm?(): void;
}

/** What a task's promise rejects with when its signal aborts: nobody is waiting for the answer any more. */
export class ComputeAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('SmartPick computation abandoned: the request was aborted');
  }
}

/** The part of a worker_threads Worker the pool uses; tests pass a fake to watch what reaches the worker. */
export type ComputeWorker = Pick<Worker, 'postMessage' | 'on' | 'unref' | 'terminate'>;

export interface ComputePoolOptions {
  /** Starts the worker; by default the SmartPick compute worker. */
  startWorker?: () => ComputeWorker;
}

interface Task {
  readonly request: ComputeRequest;
  readonly signal: AbortSignal | undefined;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Removes the abort listener once the task is settled. */
  cleanup(): void;
}

/**
 * One worker thread for SmartPick, started on first use, so a 5,000-program recommendation never blocks
 * requests being served. From source (tsx, Vitest) the worker is a .ts file and loads through tsx.
 *
 * Tasks wait here, not in the worker's message queue, and go to the worker one at a time: a task whose
 * request is aborted while it waits is dropped and never computed, so a burst of clients that gave up costs
 * nothing. A task already running is left to finish (one SmartPick computation is short, restarting the
 * worker is not) and its answer discarded. A worker that dies rejects the task it was running; the next task
 * starts a new one.
 */
export function createComputePool({
  startWorker = startComputeWorker,
}: ComputePoolOptions = {}): ComputePool {
  let worker: ComputeWorker | null = null;
  let nextId = 1;
  const queue: Task[] = [];
  /** The task the worker is computing, or null when it is idle. */
  let running: Task | null = null;

  function start(): ComputeWorker {
    const started = startWorker();
    started.on('message', (response: ComputeResponse) => {
      const task = running;
      if (!task || task.request.id !== response.id) return;
      running = null;
      task.cleanup();
      if (response.ok) task.resolve(response.output);
      else task.reject(new Error(`SmartPick computation failed: ${response.message}`));
      dispatch();
    });
    const fail = (error: Error) => {
      if (worker !== started) return;
      worker = null;
      const task = running;
      running = null;
      task?.cleanup();
      task?.reject(error);
      dispatch();
    };
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`SmartPick worker stopped (exit code ${code})`)));
    started.unref();
    return started;
  }

  function dispatch(): void {
    if (running) return;
    const task = queue.shift();
    if (!task) return;
    running = task;
    worker ??= start();
    worker.postMessage(task.request);
  }

  return {
    run(task, input, { signal } = {}) {
      if (signal?.aborted) return Promise.reject(new ComputeAbortedError());
      return new Promise((resolve, reject) => {
        const entry: Task = {
          request: { id: nextId++, task, input },
          signal,
          resolve: resolve as (value: unknown) => void,
          reject,
          cleanup: () => signal?.removeEventListener('abort', onAbort),
        };
        function onAbort() {
          const waiting = queue.indexOf(entry);
          if (waiting >= 0) queue.splice(waiting, 1);
          // Still running: the worker finishes it, and the 'message' handler finds no one to give it to.
          else if (running === entry) running = { ...entry, resolve: () => {}, reject: () => {} };
          entry.cleanup();
          reject(new ComputeAbortedError());
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(entry);
        dispatch();
      });
    },
    warm() {
      worker ??= start();
    },
    async close() {
      const stopping = worker;
      worker = null;
      const unfinished = [...(running ? [running] : []), ...queue.splice(0)];
      running = null;
      for (const task of unfinished) {
        task.cleanup();
        task.reject(new Error('SmartPick pool closed'));
      }
      if (stopping) await stopping.terminate();
    },
  };
}

function startComputeWorker(): Worker {
  return startModuleWorker(import.meta.url, './compute-worker');
}

/** Runs tasks on the calling thread: for short-lived callers (the CLI) where nothing else waits on the loop. */
export function createInlinePool(): ComputePool {
  return {
    async run(task, input, { signal } = {}) {
      if (signal?.aborted) throw new ComputeAbortedError();
      const response = runComputeTask({ id: 0, task, input });
      if (!response.ok) throw new Error(`SmartPick computation failed: ${response.message}`);
      return response.output as never;
    },
    async close() {},
  };
}
