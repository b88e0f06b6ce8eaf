import { describe, expect, it } from 'vitest';
import { createSimulationJobs, type JobControl, JobLimitError } from './simulation-jobs.js';

/** A runner the test drives by hand: it reports progress and finishes when told to. */
function manualRunner() {
  let control: JobControl | null = null;
  let settle: { resolve(value: string): void; reject(error: Error): void } | null = null;
  const runner = (_input: string, given: JobControl) => {
    control = given;
    return new Promise<string>((resolve, reject) => {
      settle = { resolve, reject };
      given.signal.addEventListener('abort', () => reject(new Error('aborted')));
    });
  };
  return {
    runner,
    progress: (completed: number) => control?.onProgress(completed, control.runs),
    finish: (value: string) => settle?.resolve(value),
    fail: (message: string) => settle?.reject(new Error(message)),
    signal: () => control?.signal,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('simulation jobs', () => {
  it('reports progress while running, then the result', async () => {
    const manual = manualRunner();
    const jobs = createSimulationJobs(manual.runner);
    const { id, status, totalRuns } = jobs.start('rank list', 1000);
    expect([status, totalRuns]).toEqual(['running', 1000]);
    manual.progress(250);
    expect(jobs.get(id)?.completedRuns).toBe(250);
    manual.progress(100); // a late chunk report never moves progress backwards
    expect(jobs.get(id)?.completedRuns).toBe(250);
    manual.finish('P(match) 0.9');
    await tick();
    expect(jobs.get(id)).toMatchObject({ status: 'done', completedRuns: 1000, result: 'P(match) 0.9' });
  });

  it('cancel aborts the runner and keeps the job as canceled', async () => {
    const manual = manualRunner();
    const jobs = createSimulationJobs(manual.runner);
    const { id } = jobs.start('rank list', 1000);
    expect(jobs.cancel(id)).toBe(true);
    expect(manual.signal()?.aborted).toBe(true);
    await tick();
    expect(jobs.get(id)?.status).toBe('canceled');
    expect(jobs.cancel('no-such-job')).toBe(false);
  });

  it('a failing runner is reported with its message', async () => {
    const manual = manualRunner();
    const jobs = createSimulationJobs(manual.runner);
    const { id } = jobs.start('rank list', 10);
    manual.fail('worker stopped');
    await tick();
    expect(jobs.get(id)).toMatchObject({ status: 'failed', error: 'worker stopped', result: null });
  });

  it('forgets finished jobs beyond the number kept', async () => {
    const jobs = createSimulationJobs(async (input: string) => input, { keep: 2, maxActive: 3 });
    const ids = ['a', 'b', 'c'].map((input) => jobs.start(input, 1).id);
    await tick();
    expect(ids.map((id) => jobs.get(id)?.result ?? null)).toEqual([null, 'b', 'c']);
  });

  it('refuses a job beyond maxActive until one finishes or is canceled', async () => {
    const runners = [manualRunner(), manualRunner(), manualRunner(), manualRunner()];
    let next = 0;
    const jobs = createSimulationJobs((input: string, control) => runners[next++]!.runner(input, control), {
      maxActive: 2,
      retryAfterSeconds: 7,
    });
    const first = jobs.start('first', 20000);
    jobs.start('second', 20000);
    expect(() => jobs.start('third', 10)).toThrow(JobLimitError);
    try {
      jobs.start('third', 10);
    } catch (error) {
      expect(error).toMatchObject({ maxActive: 2, retryAfterSeconds: 7 });
    }
    expect(next).toBe(2); // a refused job never reaches the runner

    runners[0]!.finish('done');
    await tick();
    expect(jobs.get(first.id)?.status).toBe('done');
    const third = jobs.start('third', 10);
    expect(third.status).toBe('running');
    expect(jobs.cancel(third.id)).toBe(true);
    expect(jobs.start('fourth', 10).status).toBe('running');
  });
});
