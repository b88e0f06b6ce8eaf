import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOptionsFromEnv, openDatabase } from '../db/index.js';
import { testProgram } from '../db/testing/program-fixtures.js';
import { cliIn } from './testing/cli-in.js';

const RIVERSIDE = '1201200001';
const LAKESHORE = '1209900108';

describe('matchwise apps and rol', () => {
  let dir: string;
  let matchwise: ReturnType<typeof cliIn>['run'];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-season-cli-'));
    const cli = cliIn(dir);
    matchwise = cli.run;
    const db = await openDatabase(databaseOptionsFromEnv(cli.env, dir));
    await db.programs.upsertMany([
      testProgram({
        acgmeId: RIVERSIDE,
        name: 'Riverside Family Medicine',
        city: 'Springfield',
        state: 'IL',
      }),
      testProgram({ acgmeId: LAKESHORE, name: 'Lakeshore Family Medicine', city: 'Chicago', state: 'IL' }),
    ]);
    await db.close();
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('Given an unknown id, When adding, Then it is named and nothing is added (exit 1)', async () => {
    const result = await matchwise('apps', 'add', RIVERSIDE, '9999999999');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('acgmeIds.1: No program with ACGME id 9999999999');
  });

  it('When adding two programs twice, Then the second time both are skipped', async () => {
    expect((await matchwise('apps', 'add', RIVERSIDE, LAKESHORE)).stdout).toBe(
      'Added 2, skipped 0 already in the pipeline\n',
    );
    expect((await matchwise('apps', 'add', RIVERSIDE)).stdout).toBe(
      'Added 0, skipped 1 already in the pipeline\n',
    );
  });

  it('Given Riverside saved, When marking it interviewed, Then the move is refused with the reason (exit 1)', async () => {
    const result = await matchwise('apps', 'set-status', RIVERSIDE, 'interviewed');
    expect(result).toMatchObject({ code: 1, stderr: 'Cannot mark interviewed before applying\n' });
  });

  it('When scheduling without a valid time zone, Then the option is named', async () => {
    await matchwise('apps', 'set-status', RIVERSIDE, 'applied', '--date', '2026-09-03', '--fee', '35');
    const result = await matchwise(
      'apps',
      'set-status',
      RIVERSIDE,
      'interview-scheduled',
      '--interview-at',
      '2026-12-03T09:00:00-06:00',
      '--time-zone',
      'Central',
    );
    expect(result).toMatchObject({ code: 1, stderr: '--time-zone: Use a time zone like America/Chicago\n' });
  });

  it('When applying and scheduling an interview, Then the list shows it with the totals', async () => {
    const scheduled = await matchwise(
      'apps',
      'set-status',
      RIVERSIDE,
      'interview-scheduled',
      '--interview-at',
      '2026-12-03T09:00:00-06:00',
      '--time-zone',
      'America/Chicago',
    );
    expect(scheduled).toMatchObject({ code: 0, stdout: 'Riverside Family Medicine: interview-scheduled\n' });
    const table = await matchwise('apps', 'list');
    expect(table.stdout).toContain('Riverside Family Medicine');
    expect(table.stdout).toContain('2 in the pipeline: 1 sent, 1 invite, 0 interviews; $35 spent');
    const csv = await matchwise('apps', 'list', '--format', 'csv');
    expect(csv.stdout.split(/\r?\n/)[0]).toBe(
      'acgme_id,program,city,state,stage,applied_on,fee_dollars,invited_on,interview',
    );
    const json = JSON.parse((await matchwise('apps', 'list', '--format', 'json')).stdout);
    expect(json.applications.map((a: { stage: string }) => a.stage)).toEqual([
      'saved',
      'interview-scheduled',
    ]);
    expect(json.applications[1]).toMatchObject({ appliedOn: '2026-09-03', feeDollars: 35 });
  });

  it('names a bad --date and a program not in the pipeline', async () => {
    const badDate = await matchwise('apps', 'set-status', LAKESHORE, 'applied', '--date', 'soon');
    expect(badDate).toMatchObject({ code: 1, stderr: '--date: "soon" is not a date like 2026-09-03\n' });
    const missing = await matchwise('apps', 'set-status', '1200000000', 'applied');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No application for ACGME id 1200000000');
  });

  it('Given no rank list, When showing it, Then it says so and warns about ranking too few', async () => {
    const result = await matchwise('rol', 'show');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No programs ranked yet.');
    expect(result.stdout).toContain('! You rank 0 programs');
  });

  it('rejects an unknown stage with the list of stages', async () => {
    const result = await matchwise('apps', 'set-status', RIVERSIDE, 'hired');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('interview-invited');
  });
});
