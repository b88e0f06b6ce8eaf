import { randomUUID } from 'node:crypto';

export type JobStatus = 'running' | 'done' | 'failed' | 'canceled';

export interface JobView<R> {
  id: string;
  status: JobStatus;
  completedRuns: number;
  totalRuns: number;
  result: R | null;
  error: string | null;
}

export interface JobControl {
  runs: number;
  onProgress(completed: number, total: number): void;
  signal: AbortSignal;
}

export interface SimulationJobs<I, R> {
  /** Starts a job; throws JobLimitError when `maxActive` jobs are already running. */
  start(input: I, runs: number): JobView<R>;
  get(id: string): JobView<R> | null;
  /** Stops a running job; false when the id is unknown. Finished jobs keep their result. */
  cancel(id: string): boolean;
  /** Cancels everything still running (server shutdown). */
  cancelAll(): void;
}

/** Refusal to start one more job while the pool is busy: the client should retry after a while. */
export class JobLimitError extends Error {
  constructor(
    readonly maxActive: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`At most ${maxActive} simulations run at once`);
  }
}

export interface SimulationJobsOptions {
  /** Finished jobs kept for polling, at most. */
  keep?: number;
  /** How long a finished job is kept, in milliseconds. */
  keepMs?: number;
  /**
   * Jobs running at once, queued ones included (the pool queues what its workers cannot take yet). Each
   * job holds a worker for seconds, so more would only make every job slower and memory grow.
   */
  maxActive?: number;
  /** What a refused client is told to wait, in seconds: about one job of 1,000 runs. */
  retryAfterSeconds?: number;
  now?: () => number;
}

interface Job<R> extends JobView<R> {
  controller: AbortController;
  finishedAt: number | null;
}

/**
 * Long simulations as jobs a page can poll: a rank-list simulation takes a few seconds, longer than a
 * request should hang, and the user wants progress and a way to stop it. Jobs live in memory only — a
 * result is cheap to recompute and worthless after the rank list changes — and finished ones are
 * forgotten after `keepMs` or when more than `keep` have finished.
 *
 * @example
 * const jobs = createSimulationJobs((input, control) => pool.run(input, control));
 * const { id } = jobs.start(input, 1000); // later: jobs.get(id)
 */
export function createSimulationJobs<I, R>(
  runner: (input: I, control: JobControl) => Promise<R>,
  {
    keep = 20,
    keepMs = 15 * 60_000,
    maxActive = 2,
    retryAfterSeconds = 5,
    now = () => Date.now(),
  }: SimulationJobsOptions = {},
): SimulationJobs<I, R> {
  const jobs = new Map<string, Job<R>>();

  const view = ({ controller: _controller, finishedAt: _finishedAt, ...rest }: Job<R>): JobView<R> => ({
    ...rest,
  });

  const forgetOld = () => {
    const finished = [...jobs.values()].filter((job) => job.finishedAt !== null);
    const cutoff = now() - keepMs;
    finished.forEach((job, index) => {
      if ((job.finishedAt as number) < cutoff || finished.length - index > keep) jobs.delete(job.id);
    });
  };

  const finish = (job: Job<R>, status: JobStatus, patch: Partial<JobView<R>> = {}) => {
    if (job.status !== 'running') return;
    Object.assign(job, patch, { status, finishedAt: now() });
    forgetOld();
  };

  return {
    start(input, runs) {
      const active = [...jobs.values()].filter((job) => job.status === 'running').length;
      if (active >= maxActive) throw new JobLimitError(maxActive, retryAfterSeconds);
      const job: Job<R> = {
        id: randomUUID(),
        status: 'running',
        completedRuns: 0,
        totalRuns: runs,
        result: null,
        error: null,
        controller: new AbortController(),
        finishedAt: null,
      };
      jobs.set(job.id, job);
      const onProgress = (completed: number) => {
        if (job.status === 'running') job.completedRuns = Math.max(job.completedRuns, completed);
      };
      runner(input, { runs, onProgress, signal: job.controller.signal }).then(
        (result) => finish(job, 'done', { result, completedRuns: runs }),
        (error: unknown) =>
          job.controller.signal.aborted
            ? finish(job, 'canceled')
            : finish(job, 'failed', { error: error instanceof Error ? error.message : String(error) }),
      );
      return view(job);
    },
    get(id) {
      const job = jobs.get(id);
      return job ? view(job) : null;
    },
    cancel(id) {
      const job = jobs.get(id);
      if (!job) return false;
      if (job.status === 'running') {
        job.controller.abort();
        finish(job, 'canceled');
      }
      return true;
    },
    cancelAll() {
      for (const job of jobs.values()) if (job.status === 'running') job.controller.abort();
    },
  };
}
