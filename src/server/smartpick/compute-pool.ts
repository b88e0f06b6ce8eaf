import { Worker } from 'node:worker_threads';
import {
  type ComputeInput,
  type ComputeOutput,
  type ComputeRequest,
  type ComputeResponse,
  type ComputeTaskName,
  runComputeTask,
} from './compute-tasks.js';

export interface ComputePool {
  run<T extends ComputeTaskName>(task: T, input: ComputeInput<T>): Promise<ComputeOutput<T>>;
  close(): Promise<void>;
}

/**
 * One worker thread for SmartPick, started on first use, so a 5,000-program recommendation never blocks
 * requests being served. From source (tsx, Vitest) the worker is a .ts file and loads through tsx.
 * A worker that dies rejects what it was running; the next call starts a new one.
 */
export function createComputePool(): ComputePool {
  const fromSource = import.meta.url.endsWith('.ts');
  const workerUrl = new URL(fromSource ? './compute-worker.ts' : './compute-worker.js', import.meta.url);
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  function start(): Worker {
    const started = fromSource
      ? // Workers ignore --import, so from source the worker registers tsx itself before loading the .ts entry.
        new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); });`,
          { eval: true },
        )
      : new Worker(workerUrl);
    started.on('message', (response: ComputeResponse) => {
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if (response.ok) waiting.resolve(response.output);
      else waiting.reject(new Error(`SmartPick computation failed: ${response.message}`));
    });
    const fail = (error: Error) => {
      if (worker === started) worker = null;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`SmartPick worker stopped (exit code ${code})`)));
    started.unref();
    return started;
  }

  return {
    run(task, input) {
      worker ??= start();
      const id = nextId++;
      const request: ComputeRequest = { id, task, input };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker?.postMessage(request);
      });
    },
    async close() {
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  };
}

/** Runs tasks on the calling thread: for short-lived callers (the CLI) where nothing else waits on the loop. */
export function createInlinePool(): ComputePool {
  return {
    async run(task, input) {
      const response = runComputeTask({ id: 0, task, input });
      if (!response.ok) throw new Error(`SmartPick computation failed: ${response.message}`);
      return response.output as never;
    },
    async close() {},
  };
}
