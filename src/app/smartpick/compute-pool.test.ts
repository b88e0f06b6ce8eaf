import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ComputeAbortedError, type ComputeWorker, createComputePool } from './compute-pool.js';
import type { ComputeInput, ComputeRequest } from './compute-tasks.js';

/** A worker the test answers by hand, recording every request that reached it. */
function fakeWorkers() {
  const started: (EventEmitter & { posted: ComputeRequest[] })[] = [];
  const startWorker = () => {
    const worker = Object.assign(new EventEmitter(), {
      posted: [] as ComputeRequest[],
      postMessage(request: ComputeRequest) {
        worker.posted.push(request);
      },
      unref() {},
      terminate: async () => 0,
    });
    started.push(worker);
    return worker as unknown as ComputeWorker;
  };
  const current = () => {
    const worker = started.at(-1);
    if (!worker) throw new Error('no worker started');
    return worker;
  };
  return {
    startWorker,
    started,
    /** Task names in the order they reached the workers. */
    posted: () => started.flatMap((worker) => worker.posted.map((request) => request.input)),
    answer(output: unknown) {
      const worker = current();
      const request = worker.posted.at(-1);
      worker.emit('message', { id: request?.id, ok: true, output });
    },
    current,
  };
}

// The fake never computes, so any input does; the label says which request is which.
const input = (label: string) => label as unknown as ComputeInput<'recommend'>;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SmartPick compute pool', () => {
  it('sends one task at a time and answers each caller with its own result', async () => {
    const workers = fakeWorkers();
    const pool = createComputePool({ startWorker: workers.startWorker });
    const first = pool.run('recommend', input('first'));
    const second = pool.run('recommend', input('second'));
    expect(workers.posted()).toEqual(['first']);
    workers.answer('list 1');
    expect(workers.posted()).toEqual(['first', 'second']);
    workers.answer('list 2');
    expect([await first, await second]).toEqual(['list 1', 'list 2']);
  });

  it('starts its worker when warmed, once, and the first task goes to that worker', async () => {
    const workers = fakeWorkers();
    const pool = createComputePool({ startWorker: workers.startWorker });
    expect(workers.started).toHaveLength(0);
    pool.warm?.();
    pool.warm?.();
    expect(workers.started).toHaveLength(1);
    const first = pool.run('recommend', input('first'));
    expect(workers.started).toHaveLength(1);
    expect(workers.posted()).toEqual(['first']);
    workers.answer('list');
    expect(await first).toBe('list');
  });

  it('drops a task whose request was aborted while it waited: the worker never sees it', async () => {
    const workers = fakeWorkers();
    const pool = createComputePool({ startWorker: workers.startWorker });
    const gone = new AbortController();
    const first = pool.run('recommend', input('first'));
    const abandoned = pool.run('recommend', input('abandoned'), { signal: gone.signal });
    const third = pool.run('recommend', input('third'));
    gone.abort();
    await expect(abandoned).rejects.toBeInstanceOf(ComputeAbortedError);
    workers.answer('list 1');
    workers.answer('list 3');
    expect([await first, await third]).toEqual(['list 1', 'list 3']);
    expect(workers.posted()).toEqual(['first', 'third']);
  });

  it('stops waiting for a running task when aborted, discards its late answer, and goes on', async () => {
    const workers = fakeWorkers();
    const pool = createComputePool({ startWorker: workers.startWorker });
    const gone = new AbortController();
    const running = pool.run('recommend', input('running'), { signal: gone.signal });
    const next = pool.run('recommend', input('next'));
    gone.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers.posted()).toEqual(['running']); // the worker is still busy with it
    workers.answer('nobody wants this');
    workers.answer('list');
    expect(await next).toBe('list');
  });

  it('never queues a task whose signal is already aborted', async () => {
    const workers = fakeWorkers();
    const pool = createComputePool({ startWorker: workers.startWorker });
    await expect(
      pool.run('recommend', input('late'), { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(ComputeAbortedError);
    expect(workers.started).toHaveLength(0);
  });

  it('rejects the running task when its worker dies, and starts a new worker for the next', async () => {
    const workers = fakeWorkers();
    const pool = createComputePool({ startWorker: workers.startWorker });
    const crashed = pool.run('recommend', input('crashed'));
    const next = pool.run('recommend', input('next'));
    workers.current().emit('exit', 1);
    await expect(crashed).rejects.toThrow(/exit code 1/);
    await tick();
    expect(workers.started).toHaveLength(2);
    workers.answer('list');
    expect(await next).toBe('list');
  });

  it('rejects what is running and waiting when closed', async () => {
    const workers = fakeWorkers();
    const pool = createComputePool({ startWorker: workers.startWorker });
    const running = pool.run('recommend', input('running'));
    const waiting = pool.run('recommend', input('waiting'));
    await pool.close();
    await expect(running).rejects.toThrow(/closed/);
    await expect(waiting).rejects.toThrow(/closed/);
  });
});
