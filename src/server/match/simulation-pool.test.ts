import { afterAll, describe, expect, it } from 'vitest';
import { type SimulationInput, simulateRankList } from '../../core/match/monte-carlo.js';
import { createSimulationPool, SimulationAbortedError } from './simulation-pool.js';

/** A DO senior ranking four programs: two of known size, two unknown (sampled each run). */
const input: SimulationInput = {
  programs: [
    { programKey: 'Mountain Valley FM', positions: 8, userStanding: 0.35 },
    { programKey: 'Riverside FM', positions: null, userStanding: 0.5 },
    { programKey: 'Lakeshore Rural FM', positions: 4, userStanding: null },
    { programKey: 'Metro Community FM', positions: null, userStanding: 0.7 },
  ],
  strength: -0.2,
  applicantType: 'us-do',
};

describe('the Match simulation worker pool', () => {
  const pool = createSimulationPool({ size: 2, chunkRuns: 2 });
  afterAll(() => pool.close());

  it('gives exactly the inline result for the same seed, reporting progress as it goes', async () => {
    const progress: number[] = [];
    const pooled = await pool.run(input, {
      runs: 6,
      seed: 11,
      onProgress: (completed, total) => {
        expect(total).toBe(6);
        progress.push(completed);
      },
    });
    const inline = simulateRankList(input, { runs: 6, seed: 11 });
    expect(pooled).toEqual(inline);
    expect(progress.at(-1)).toBe(6);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBe(progress.length);
  });

  it('rejects with an AbortError when cancelled, and keeps working afterwards', async () => {
    const controller = new AbortController();
    const running = pool.run(input, {
      runs: 1000,
      seed: 5,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(running).rejects.toBeInstanceOf(SimulationAbortedError);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const after = await pool.run(input, { runs: 2, seed: 5 });
    expect(after.runs).toBe(2);
  });

  it('rejects at once for a signal already aborted or a list it cannot simulate', async () => {
    await expect(pool.run(input, { runs: 5, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      SimulationAbortedError,
    );
    const bad = { ...input, programs: [{ programKey: 'X', positions: -2, userStanding: null }] };
    await expect(pool.run(bad, { runs: 5 })).rejects.toBeInstanceOf(RangeError);
  });
});
