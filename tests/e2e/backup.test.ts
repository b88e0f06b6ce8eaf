import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillDatabase } from '../../src/app/backup/backup-fixtures.js';
import type { Backup } from '../../src/core/backup/index.js';
import { openDatabase } from '../../src/db/index.js';
import type { RunningServer } from '../../src/server/start-server.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, makeDataDir, startAppServer, useAppInBrowser } from './harness.js';

describeRequiring(
  'Your data: export everything and restore it into a fresh data directory',
  browserRequirement(),
  () => {
    // The fresh machine is the harness's server; the old one is a second server on a filled data directory.
    const app = useAppInBrowser();
    let oldData: Awaited<ReturnType<typeof makeDataDir>>;
    let oldServer: RunningServer;
    let file: string;

    beforeAll(async () => {
      oldData = await makeDataDir();
      const db = await openDatabase({ dataDir: oldData.dir });
      try {
        await fillDatabase(db);
      } finally {
        await db.close();
      }
      oldServer = await startAppServer(oldData.dir);
    }, 180_000);
    afterAll(async () => {
      await oldServer?.close();
      await oldData?.remove();
    });

    it('downloads everything from the old machine as one dated JSON file', async () => {
      await app.page.goto(`${oldServer.url}/data`);
      await app.page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
      const [download] = await Promise.all([
        app.page.waitForEvent('download'),
        app.page.getByRole('link', { name: 'Export everything (.json)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^matchwise-backup-\d{4}-\d{2}-\d{2}\.json$/);
      file = path.join(oldData.dir, download.suggestedFilename());
      await download.saveAs(file);
      const bundle = JSON.parse(await readFile(file, 'utf8')) as Backup;
      expect(bundle.network.contacts.map((c) => c.name)).toEqual(['Anna Lee', 'Omar Haddad']);
    });

    it('previews the restore on the new machine, restores on confirmation and shows everything', async () => {
      await app.page.goto(`${app.server.url}/data`);
      await app.page.getByLabel(/Backup file/).setInputFiles(file);
      const preview = app.page.getByRole('region', { name: 'Restore preview' });
      await preview.waitFor();
      await expect
        .poll(() => preview.getByRole('row', { name: /Contacts/ }).innerText())
        .toMatch(/Contacts\s+2\s+0\s+Add/);
      await app.page.getByRole('button', { name: 'Restore this backup' }).click();
      await expect.poll(() => app.page.getByText('Restore finished.').isVisible()).toBe(true);
      await expect.poll(() => app.page.getByText('Contacts: 2 added').isVisible()).toBe(true);

      await app.page.goto(`${app.server.url}/network`);
      await expect.poll(() => app.page.getByText('Anna Lee').first().isVisible()).toBe(true);
      const before = JSON.parse(await readFile(file, 'utf8')) as Backup;
      const after = (await (await fetch(`${app.server.url}/api/backup`)).json()) as Backup;
      expect({ ...after, exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
    });

    it('names the field path of a bad contact before anything is written', async () => {
      const bad = JSON.parse(await readFile(file, 'utf8')) as Backup;
      bad.network.contacts[0]!.email = 'not-an-email';
      await app.page.goto(`${app.server.url}/data`);
      await app.page.getByLabel(/Backup file/).setInputFiles({
        name: 'bad.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(bad)),
      });
      const alert = app.page.getByRole('alert');
      await expect.poll(() => alert.innerText()).toContain('network.contacts[0].email');
    });
  },
);
