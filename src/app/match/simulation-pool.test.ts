import { afterAll, describe, expect, it } from 'vitest';
import { type SimulationInput, simulateRankList } from '../../core/match/monte-carlo.js';
import { emptyProfile } from '../../core/profile/applicant-profile.js';
import { rankListSimulationInput } from '../../core/smartpick/rank-list-odds.js';
import { testProgram } from '../../db/testing/program-fixtures.js';
import { createSimulationPool, SimulationAbortedError } from './simulation-pool.js';

/**
 * A DO senior with Step 2 CK 228 ranking four programs: two of known size, two unknown (sampled each run); one
 * signaled; the catalog knows one program's IMG share and nothing else (the rest is drawn from the priors).
 */
const profile = emptyProfile();
const input: SimulationInput = rankListSimulationInput({
  profile: { ...profile, applicantType: 'us-do', exams: { ...profile.exams, step2ck: 228 } },
  programs: [
    testProgram({ acgmeId: '1200000001', name: 'Mountain Valley FM', positions: 8 }),
    testProgram({ acgmeId: '1200000002', name: 'Riverside FM', positions: null, facts: {} }),
    testProgram({
      acgmeId: '1200000003',
      name: 'Lakeshore Rural FM',
      positions: 4,
      facts: { imgShare: { value: 0.2, source: 'program website', asOf: '2026-09-01' } },
    }),
    testProgram({ acgmeId: '1200000004', name: 'Metro Community FM', positions: null, facts: {} }),
  ],
  signaled: new Set(['1200000002']),
  matchYear: 2027,
});

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
    const bad = {
      ...input,
      programs: [{ ...(input.programs[0] as SimulationInput['programs'][number]), positions: -2 }],
    };
    await expect(pool.run(bad, { runs: 5 })).rejects.toBeInstanceOf(RangeError);
  });
});
