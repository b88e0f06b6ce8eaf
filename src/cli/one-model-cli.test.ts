import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RankListOdds } from '../app/match/rank-list-simulation.js';
import type { Recommendation } from '../core/smartpick/index.js';
import { cliIn } from './testing/cli-in.js';

/**
 * A US IMG (Step 2 CK 232, graduated 2023, 3 months hands-on USCE) picks 20 programs from the demo catalog,
 * interviews at three of them and ranks them: `pick` reports P(match) now beside the plan, and `rol simulate`
 * reports the same model figure for the ranked list beside the simulated Matches.
 */
describe('matchwise pick, rol set and rol simulate: one model, one answer', () => {
  let dir: string;
  let matchwise: ReturnType<typeof cliIn>['run'];
  let plan: Recommendation;
  let interviewed: string[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-one-model-cli-'));
    matchwise = cliIn(dir).run;
    expect((await matchwise('catalog', 'demo')).code).toBe(0);
    const profile = await matchwise(
      'profile',
      'set',
      'applicantType=us-img',
      'exams.step2ck=232',
      'graduationYear=2023',
      'usce.handsOnMonths=3',
    );
    expect(profile.code).toBe(0);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('Given no application sent, pick --format json has the plan and pMatch.now null', async () => {
    const result = await matchwise('pick', '--budget', '20', '--format', 'json');
    expect(result.code).toBe(0);
    plan = JSON.parse(result.stdout) as Recommendation;
    expect(plan.pMatch.probability).toBeGreaterThan(0);
    expect(plan.pMatch.now).toBeNull();
    expect(plan.stopPoint.size).toBeLessThanOrEqual(20);
    interviewed = plan.list.slice(0, 3).map((verdict) => verdict.acgmeId);
  });

  it('When three interviews are recorded, Then pick reports P(match) now beside the plan', async () => {
    expect((await matchwise('apps', 'add', ...interviewed)).code).toBe(0);
    for (const acgmeId of interviewed) {
      for (const args of [
        ['applied', '--date', '2026-09-25', '--fee', '35'],
        [
          'interview-scheduled',
          '--date',
          '2026-10-20',
          '--interview-at',
          '2026-11-10T09:00:00-06:00',
          '--time-zone',
          'America/Chicago',
        ],
        ['interviewed', '--date', '2026-11-10T20:00:00Z'],
      ]) {
        const moved = await matchwise('apps', 'set-status', acgmeId, ...args);
        expect(moved.code, moved.stderr).toBe(0);
      }
    }
    const json = JSON.parse((await matchwise('pick', '--budget', '20', '--format', 'json')).stdout);
    const now = (json as Recommendation).pMatch.now;
    expect(now).toMatchObject({ interviews: 3, waiting: 0, out: 0, issues: [] });
    expect(Math.abs((now?.probability ?? 0) - plan.pMatch.probability)).toBeGreaterThan(0.001);

    const table = await matchwise('pick', '--budget', '20');
    expect(table.stdout).toMatch(/P\(match\) for the budget's list: \d+%/);
    expect(table.stdout).toMatch(/Suggested stop: \d+ programs/);
    expect(table.stdout).toContain(
      `P(match) now: ${((now?.probability ?? 0) * 100).toFixed(0)}% given your season (3 interviews, 0 waiting, 0 out)`,
    );
  });

  it('rol set refuses an id not in the catalog, naming it, and saves nothing', async () => {
    const result = await matchwise('rol', 'set', interviewed[0] as string, '9999999999');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ranked.1: No program with ACGME id 9999999999');
    expect((await matchwise('rol', 'show')).stdout).toContain('No programs ranked yet.');
    const repeated = await matchwise('rol', 'set', interviewed[0] as string, interviewed[0] as string);
    expect(repeated.code).toBe(1);
    expect(repeated.stderr).toContain('ranked.1: Already ranked at 1');
  });

  it('rol set saves the order; rol simulate reports pMatch, ci95 and the model figure P(match) now gives', async () => {
    const order = [...interviewed].reverse();
    const saved = await matchwise('rol', 'set', ...order);
    expect(saved).toMatchObject({ code: 0 });
    expect(saved.stdout).toContain('Saved a rank list of 3 programs.');
    const shown = JSON.parse((await matchwise('rol', 'show', '--format', 'json')).stdout);
    expect(shown.ranked.map((entry: { acgmeId: string }) => entry.acgmeId)).toEqual(order);

    const simulated = await matchwise('rol', 'simulate', '--runs', '20', '--seed', '5', '--format', 'json');
    expect(simulated.code).toBe(0);
    const odds = JSON.parse(simulated.stdout) as RankListOdds;
    expect(odds.runs).toBe(20);
    expect(odds.ci95[0]).toBeLessThanOrEqual(odds.pMatch);
    expect(odds.ci95[1]).toBeGreaterThanOrEqual(odds.pMatch);
    expect(odds.model.perProgram.map((entry) => entry.acgmeId)).toEqual(order);

    const now = (
      JSON.parse((await matchwise('pick', '--budget', '20', '--format', 'json')).stdout) as Recommendation
    ).pMatch.now;
    expect(Math.abs(odds.model.pMatch - (now?.probability ?? Number.NaN))).toBeLessThan(1e-9);
  });
});
