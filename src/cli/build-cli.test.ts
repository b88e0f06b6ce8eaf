import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayOf } from '../core/network/index.js';
import { openDatabase } from '../db/index.js';
import { cliIn } from './testing/cli-in.js';

describe('matchwise CLI', () => {
  let dir: string;
  let matchwise: ReturnType<typeof cliIn>['run'];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-cli-'));
    matchwise = cliIn(dir).run;
    await writeFile(
      path.join(dir, 'list.csv'),
      [
        'ACGME ID,Prog Title,City,State',
        '1200100001,Alpha Family Medicine Program,Albany,NY',
        '1200100002,Beta Family Medicine Program,Boston,MA',
        '1200100003,Gamma Program,Nowhere,ZZ',
      ].join('\n'),
    );
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('refuses an import whose program name column is not mapped, naming it and the columns', async () => {
    const result = await matchwise('import', 'list.csv');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No column is mapped to: name');
    expect(result.stderr).toContain('Prog Title');
  });

  it('imports with --map, reporting the bad line and keeping the good rows', async () => {
    const result = await matchwise('import', 'list.csv', '--map', 'Prog Title=name');
    expect(result.stdout).toContain('3 rows — 2 new, 0 updated, 0 unchanged, 1 invalid');
    expect(result.stdout).toContain('line 4: state:');
    expect(result.code).toBe(1);
  });

  it('rejects an unknown field in --map with the list of fields', async () => {
    const result = await matchwise('import', 'list.csv', '--map', 'Prog Title=title');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown field "title"');
  });

  it('lists programs of one state as CSV and as JSON', async () => {
    const csv = await matchwise('programs', 'list', '--state', 'ny', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split('\r\n')).toEqual([
      'acgme_id,name,city,state,census_division,positions,synthetic',
      '1200100001,Alpha Family Medicine Program,Albany,NY,Middle Atlantic,unknown,',
    ]);
    const json = JSON.parse((await matchwise('programs', 'list', '--format', 'json')).stdout) as {
      acgmeId: string;
    }[];
    expect(json.map((program) => program.acgmeId)).toEqual(['1200100002', '1200100001']);
  });

  it('refuses an unknown state and an unknown format', async () => {
    expect((await matchwise('programs', 'list', '--state', 'Atlantis')).code).toBe(2);
    const format = await matchwise('programs', 'list', '--format', 'xml');
    expect(format.code).not.toBe(0);
    expect(format.stderr).toContain('xml');
  });

  it('sets profile fields, shows them, and refuses a bad Step 2 CK without losing the saved profile', async () => {
    expect((await matchwise('profile', 'show')).code).toBe(1);
    expect((await matchwise('profile', 'set', 'exams.step2ck=232', 'graduationYear=2021')).code).toBe(0);
    const bad = await matchwise('profile', 'set', 'exams.step2ck=320');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('exams.step2ck: USMLE scores run from 1 to 300');
    const shown = JSON.parse((await matchwise('profile', 'show')).stdout) as {
      exams: { step2ck: number };
      graduationYear: number;
    };
    expect(shown.exams.step2ck).toBe(232);
    expect(shown.graduationYear).toBe(2021);
  });

  it('loads a profile from an exported file', async () => {
    const show = JSON.parse((await matchwise('profile', 'show')).stdout) as Record<string, unknown>;
    const file = path.join(dir, 'profile.json');
    await writeFile(
      file,
      JSON.stringify({ format: 'matchwise-profile', version: 1, profile: { ...show, name: 'Dr. File' } }),
    );
    expect((await matchwise('profile', 'set', '--file', 'profile.json')).code).toBe(0);
    expect(JSON.parse((await matchwise('profile', 'show')).stdout).name).toBe('Dr. File');
  });

  it('picks a list within a budget of programs or dollars, as CSV, JSON or a table', async () => {
    await matchwise('catalog', 'demo');
    // A recent graduate with Step 2 CK 245 and 6 months of hands-on USCE: every budgeted program pays off.
    await matchwise('profile', 'set', 'exams.step2ck=245', 'usce.handsOnMonths=6', 'graduationYear=2025');
    const csv = await matchwise('pick', '--budget', '12', '--signals', '2', '--format', 'csv');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('position,acgme_id,program')).toBe(true);
    expect(lines).toHaveLength(13);
    expect(lines.filter((line) => line.includes(',yes,')).length).toBeGreaterThanOrEqual(2);

    const json = JSON.parse((await matchwise('pick', '--dollars', '200', '--format', 'json')).stdout) as {
      budget: { kind: string; programs: number };
      pMatch: { cost: number };
    };
    expect(json.budget.kind).toBe('dollars');
    expect(json.pMatch.cost).toBeLessThanOrEqual(200);

    const table = await matchwise('pick', '--budget', '5');
    expect(table.stdout).toMatch(/P\(match\) for the budget's list: \d+%/);
    expect(table.stdout).toMatch(/Suggested stop: \d+ programs, P\(match\) \d+%/);
    // No application sent yet: nothing to condition on, so no "now" figure.
    expect(table.stdout).not.toContain('P(match) now');
    expect(table.stdout).toContain('docs/model-card.md');
  });

  it('refuses a budget that is not a whole number of programs', async () => {
    const result = await matchwise('pick', '--budget', '2.5');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('whole number');
  });

  it('adds and removes the synthetic demo catalog', async () => {
    const added = await matchwise('catalog', 'demo');
    expect(added.stdout).toMatch(/Demo catalog \(synthetic\): \d+ added/);
    const table = await matchwise('programs', 'list');
    expect(table.stdout).toMatch(/synthetic demo programs/);
    const removed = await matchwise('catalog', 'demo', '--remove');
    expect(removed.stdout).toMatch(/Removed \d+ synthetic demo programs/);
    const after = JSON.parse((await matchwise('programs', 'list', '--format', 'json')).stdout) as unknown[];
    expect(after).toHaveLength(2);
  });

  it('imports contacts from a vCard, printing the broken card by line and exiting 1', async () => {
    await writeFile(
      path.join(dir, 'contacts.vcf'),
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:Lee;Anna;;Dr.;',
        'FN:Anna Lee',
        'EMAIL:anna.lee@riverside.example',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:3.0',
        'EMAIL:nobody@example.org',
        'END:VCARD',
      ].join('\r\n'),
    );
    const first = await matchwise('contacts', 'import', 'contacts.vcf');
    expect(first.stdout).toContain('2 records — 1 new, 0 duplicates not imported, 1 invalid');
    expect(first.stdout).toMatch(/line 7: /);
    expect(first.code).toBe(1);
    const again = await matchwise('contacts', 'import', 'contacts.vcf');
    expect(again.stdout).toContain('0 new, 1 duplicate not imported');
    expect(again.stdout).toContain('line 1: Anna Lee is already a stored contact');
  });

  it('lists the playbook tasks due this week and writes them as an ICS calendar', async () => {
    const yesterday = addDays(dayOf(new Date()), -1);
    const db = await openDatabase({ dataDir: path.join(dir, 'data') });
    try {
      const [lee] = await db.contacts.list();
      await db.interactions.insert({
        id: 'i-rotation',
        contactId: lee?.id as string,
        kind: 'rotation',
        direction: 'both',
        isRequest: false,
        date: addDays(yesterday, -27),
        endDate: yesterday,
        acgmeId: null,
        eventId: null,
        notes: '',
        purpose: null,
      });
    } finally {
      await db.close();
    }
    const week = await matchwise('tasks', '--due', 'week', '--ics', 'tasks.ics');
    expect(week.code).toBe(0);
    expect(week.stdout).toContain(
      `Next 7 days\n  ${addDays(yesterday, 2)}  Thank Dr. Anna Lee for the rotation`,
    );
    const ics = await readFile(path.join(dir, 'tasks.ics'), 'utf8');
    expect(ics).toContain('SUMMARY:Thank Dr. Anna Lee for the rotation');
    expect((await matchwise('tasks', '--due', 'overdue')).stdout).toContain('No overdue tasks');
    expect((await matchwise('tasks', '--due', 'someday')).code).not.toBe(0);
  });
});
