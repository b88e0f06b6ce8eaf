import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_A_MATCH } from '../core/match/testing/run-a-match.js';
import { emptyProfile } from '../core/profile/applicant-profile.js';
import { databaseOptionsFromEnv, openDatabase } from '../db/index.js';
import { cliIn } from './testing/cli-in.js';

describe('matchwise match', () => {
  let dir: string;
  let cli: ReturnType<typeof cliIn>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-match-cli-'));
    cli = cliIn(dir);
    await writeFile(path.join(dir, 'run-a-match.json'), JSON.stringify(RUN_A_MATCH));
    await writeFile(
      path.join(dir, 'bad.json'),
      JSON.stringify({ programs: [{ id: 'City', positions: -1, rankList: [] }] }),
    );
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('run prints who matched where, the unfilled position and the proposals', async () => {
    const { code, stdout } = await cli.run('match', 'run', 'run-a-match.json');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Ford\s+General/);
    expect(stdout).toMatch(/Chen\s+Mercy/);
    expect(stdout).toContain('Mercy: 1 unfilled position');
    expect(stdout).toMatch(/\d+ proposals; stable/);
  });

  it('run --format json gives the result as data', async () => {
    const { code, stdout } = await cli.run('match', 'run', 'run-a-match.json', '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.matches).toContainEqual({ applicant: 'Davis', program: 'General' });
    expect(result.unmatched).toEqual([]);
  });

  it('run names the field at fault in a bad market, and a missing file', async () => {
    const bad = await cli.run('match', 'run', 'bad.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('programs.0.positions');
    const missing = await cli.run('match', 'run', 'nope.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read nope.json');
  });

  it('simulate refuses a seed that is not a whole number', async () => {
    const { code, stderr } = await cli.run('match', 'simulate', '--seed', 'abc');
    expect(code).not.toBe(0);
    expect(stderr).toContain('use a whole number, 0 or more');
  });

  it('simulate asks for a rank list, then reports P(match) with progress', async () => {
    const db = await openDatabase(databaseOptionsFromEnv(cli.env, dir));
    const profile = emptyProfile();
    await db.profiles.save({
      ...profile,
      applicantType: 'us-img',
      exams: { ...profile.exams, step2ck: 238 },
    });
    await db.close();
    const empty = await cli.run('match', 'simulate', '--runs', '10');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('rankList');

    expect((await cli.run('catalog', 'demo')).code).toBe(0);
    const reopened = await openDatabase(databaseOptionsFromEnv(cli.env, dir));
    const ranked = (await reopened.programs.list({})).slice(0, 2).map((program) => program.acgmeId);
    await reopened.rankList.save({ ranked, wouldNotAttend: [], couples: null, minimumRanked: 10 });
    await reopened.close();

    const { code, stdout, stderr } = await cli.run('match', 'simulate', '--runs', '10', '--seed', '3');
    expect(code).toBe(0);
    expect(stderr).toContain('simulated 10 of 10 Matches');
    expect(stdout).toMatch(
      /Simulated Matches: P\(match\) \d+\.\d% \(95% CI \d+\.\d%–\d+\.\d%, simulation error only\) over 10 runs/,
    );
    expect(stdout).toMatch(/P\(match\) — model: \d+\.\d%/);
    expect(stdout).toContain(ranked[0]);
    expect(stdout).toContain('Synthetic market.');

    const again = await cli.run('rol', 'simulate', '--runs', '10', '--seed', '3', '--format', 'json');
    const odds = JSON.parse(again.stdout);
    expect(odds.distribution.map((entry: { acgmeId: string }) => entry.acgmeId)).toEqual(ranked);
    expect(stdout).toContain(`${(odds.pMatch * 100).toFixed(1)}%`);
    expect(stdout).toContain(`P(match) — model: ${(odds.model.pMatch * 100).toFixed(1)}%`);
    expect(odds.ci95[0]).toBeLessThanOrEqual(odds.pMatch);
    expect(odds.ci95[1]).toBeGreaterThanOrEqual(odds.pMatch);
  });
});
