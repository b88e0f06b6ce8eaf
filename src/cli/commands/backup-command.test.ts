import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDatabase } from '../../app/backup/backup-fixtures.js';
import type { Backup } from '../../core/backup/index.js';
import { openDatabase } from '../../db/index.js';
import { cliIn } from '../testing/cli-in.js';

/** The CLI on the data directory `dataDir` under the test's folder (two "machines" share one folder). */
const cliOn = (dir: string, dataDir: string) => cliIn(dir, { dataDir: path.join(dir, dataDir) }).run;

// Each command opens the data directory anew, which takes seconds on a busy machine.
describe('matchwise export / import of a whole-profile backup', { timeout: 180_000 }, () => {
  let dir: string;
  let oldMachine: ReturnType<typeof cliOn>;
  let newMachine: ReturnType<typeof cliOn>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-backup-cli-'));
    const db = await openDatabase({ dataDir: path.join(dir, 'old') });
    try {
      await fillDatabase(db);
    } finally {
      await db.close();
    }
    oldMachine = cliOn(dir, 'old');
    newMachine = cliOn(dir, 'new');
    // A full season written to disk: generous, since PGlite opens slowly on a busy machine.
  }, 180_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('exports to stdout by default and to a file with --out', async () => {
    const toStdout = await oldMachine('export');
    expect(toStdout.code).toBe(0);
    expect(JSON.parse(toStdout.stdout)).toMatchObject({ format: 'matchwise-backup', schemaVersion: 1 });
    const toFile = await oldMachine('export', '--out', 'backup.json');
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    const written = JSON.parse(await readFile(path.join(dir, 'backup.json'), 'utf8')) as Backup;
    expect(written.network.contacts.map((c) => c.name)).toEqual(['Anna Lee', 'Omar Haddad']);
  });

  it('previews a restore with --dry-run and writes nothing', async () => {
    const result = await newMachine('import', 'backup.json', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing is saved yet');
    expect(result.stdout).toMatch(/Contacts\s+2\s+0\s+add/);
    expect(result.stdout).toContain('Dry run: nothing was written.');
    expect(JSON.parse((await newMachine('export')).stdout).network.contacts).toEqual([]);
  });

  it('restores into a fresh data directory; exporting there gives the same bundle', async () => {
    const result = await newMachine('import', 'backup.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Applications\s+3\s+0\s+0/);
    const before = JSON.parse(await readFile(path.join(dir, 'backup.json'), 'utf8')) as Backup;
    const after = JSON.parse((await newMachine('export')).stdout) as Backup;
    expect({ ...after, exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
  });

  it('says so when a second restore changes nothing', async () => {
    const result = await newMachine('import', 'backup.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing changed');
  });

  it('refuses a backup with one bad contact, naming its path, and writes nothing', async () => {
    const bad = JSON.parse(await readFile(path.join(dir, 'backup.json'), 'utf8')) as Backup;
    bad.network.contacts[0]!.email = 'nope';
    bad.network.contacts.push({ ...bad.network.contacts[1]!, id: 'c-extra' });
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const result = await newMachine('import', 'bad.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('network.contacts[0].email: Use an address like name@example.org');
    const contacts = JSON.parse((await newMachine('export')).stdout).network.contacts as { id: string }[];
    expect(contacts.map((c) => c.id)).not.toContain('c-extra');
  });
});
