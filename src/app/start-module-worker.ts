import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `entry` that sits beside the caller (`from` is the caller's import.meta.url):
 * the compiled .js in dist, the .ts source under tsx or Vitest. Workers ignore --import, so from source the worker
 * registers tsx itself before loading the entry.
 *
 * @example
 * startModuleWorker(import.meta.url, './compute-worker');
 */
export function startModuleWorker(from: string, entry: string, options: WorkerOptions = {}): Worker {
  const fromSource = from.endsWith('.ts');
  const url = new URL(`${entry}${fromSource ? '.ts' : '.js'}`, from);
  return fromSource
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`,
        { ...options, eval: true },
      )
    : new Worker(url, options);
}
