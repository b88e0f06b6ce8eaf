import os from 'node:os';

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

export function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

export function summarizeTimes(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    minMs: sorted[0] as number,
  };
}

/** Times `work` after warm-up runs; `prepare` runs untimed before each call (fresh inputs for mutating code). */
export function time<P>(
  work: (prepared: P) => unknown,
  { runs, warmup, prepare }: { runs: number; warmup: number; prepare: () => P },
): Timing {
  for (let i = 0; i < warmup; i++) work(prepare());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prepared = prepare();
    const start = performance.now();
    work(prepared);
    times.push(performance.now() - start);
  }
  return summarizeTimes(times);
}

export function describeMachine(): string[] {
  const cpus = os.cpus();
  return [
    `Node ${process.version} (${process.platform} ${process.arch}), run through tsx`,
    `CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} logical cores`,
    `Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Load average at start (1/5/15 min): ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  ];
}
