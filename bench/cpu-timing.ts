import { summarizeTimes, type Timing } from './timing.js';

/** Wall-clock and CPU time of the same runs: on a shared machine the CPU time shows the cost without waits. */
export interface WallAndCpu {
  wall: Timing;
  cpu: Timing;
}

export interface Samples {
  wall: number[];
  cpu: number[];
}

/**
 * Times `work` after warm-up runs, by the wall clock and by this process's CPU time (user + system, which
 * also counts V8's helper threads, e.g. a concurrent GC, if they run meanwhile).
 */
export function timeWallAndCpu(
  work: () => unknown,
  { runs, warmup }: { runs: number; warmup: number },
): WallAndCpu & { samples: Samples } {
  for (let i = 0; i < warmup; i++) work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: summarizeTimes(wall), cpu: summarizeTimes(cpu), samples: { wall, cpu } };
}
