import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillDatabase } from '../../src/app/backup/backup-fixtures.js';
import { smallProgramWorkbook, wideHostileWorkbook } from '../../src/app/import/testing/xlsx-builder.js';
import type { Backup } from '../../src/core/backup/index.js';
import { openDatabase } from '../../src/db/index.js';
import { createApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { sendJson } from '../../src/server/testing/send-json.js';
import { repoRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, launchBrowser } from './harness.js';
import { type StaticServer, startStaticServer } from './static-server.js';

/**
 * Where two answers differ: any string, boolean, key or order, and any number by more than 1e-12 of its size.
 * Chromium and Node run different V8 versions, whose Math.exp and Math.log may round the last bit differently
 * (0.08313987335719723 vs …722); every figure a person sees agrees.
 */
function differences(actual: unknown, expected: unknown, at = '$'): string[] {
  if (typeof actual === 'number' && typeof expected === 'number') {
    const close = Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(actual), Math.abs(expected));
    return close ? [] : [`${at}: ${actual} ≠ ${expected}`];
  }
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) {
    return Object.is(actual, expected) ? [] : [`${at}: ${String(actual)} ≠ ${String(expected)}`];
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) return [`${at}: array vs object`];
  const keys = [...new Set([...Object.keys(actual), ...Object.keys(expected)])];
  return keys.flatMap((key) =>
    differences(
      (actual as Record<string, unknown>)[key],
      (expected as Record<string, unknown>)[key],
      `${at}.${key}`,
    ),
  );
}

const staticRoot = path.join(repoRoot, 'dist', 'static');
const requirement = browserRequirement([
  { file: path.join(staticRoot, 'index.html'), missing: 'the static edition (npm run build:static)' },
]);

/** The engine downloads ~15 MB and creates its database on first open: minutes on a busy two-core machine. */
const ENGINE_START_MS = 300_000;

describeRequiring(
  'The static edition: Matchwise from a folder of files, data in the browser',
  requirement,
  () => {
    let server: StaticServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let pMatchShown = '';
    let browserBackupFile = '';

    beforeAll(async () => {
      server = await startStaticServer(staticRoot);
      browser = await launchBrowser();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      page = await context.newPage();
      page.on('pageerror', (error) => console.error('[page error]', error.message));
      // A two-core machine shared with other suites: actions get more than the default 30 s.
      page.setDefaultTimeout(90_000);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** In-app navigation: loading a page restarts the engine, which only the reload tests do on purpose. */
    const nav = (label: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
    const storageNotice = () => page.getByRole('region', { name: 'Where your data is' });
    /** The playbook's reminder on the Tasks page (core/network/playbook/backup-reminder.ts). */
    const backupTask = () => page.getByRole('heading', { name: 'Export a backup', exact: true });
    /** The engine is ready when the bar says where the data lives; until then API calls wait for it. */
    const engineReady = () => storageNotice().waitFor({ timeout: ENGINE_START_MS });

    /** The page's API as the React app calls it: answered by the engine in the browser. */
    const inBrowser = (method: string, url: string, body?: unknown) =>
      page.evaluate(
        async ([method, url, body]) => {
          const response = await fetch(url, {
            method,
            headers: body === undefined ? {} : { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          return { status: response.status, json: (await response.json()) as unknown };
        },
        [method, url, body] as const,
      );

    it(
      'renders the first screen before the engine, then says where the data lives',
      async () => {
        await page.goto(`${server.url}/`);
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
        await engineReady();
        expect(await storageNotice().textContent()).toMatch(
          /stays in this browser on this device.*No backup exported from this browser yet/s,
        );
      },
      ENGINE_START_MS + 60_000,
    );

    it('fills a US IMG profile: Step 2 CK 245, graduated 2025, the Northeast, 30 programs', async () => {
      await nav('Profile');
      await page.getByLabel('Applicant type').selectOption('us-img');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('USMLE Step 2 CK score').fill('245');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Graduation year').fill('2025');
      await page.getByLabel('Hands-on months').fill('6');
      for (let step = 0; step < 2; step++) await page.getByRole('button', { name: 'Next' }).click();
      await page
        .getByRole('group', { name: 'Preferred regions (Census regions)' })
        .getByLabel('Northeast', { exact: true })
        .check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Programs you can apply to').fill('30');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page
        .getByText(/Profile saved/)
        .first()
        .waitFor();
    }, 240_000);

    it('loads the synthetic demo catalog on My list and shows its P(match)', async () => {
      await nav('My list');
      await page.getByRole('button', { name: /Load demo catalog/ }).click();
      const chances = page.getByRole('region', { name: 'Your chances' });
      await chances.waitFor({ timeout: 240_000 });
      pMatchShown =
        /P\(match\) for the budget’s list\s*[\d.<>]+%/.exec((await chances.textContent()) ?? '')?.[0] ?? '';
      expect(pMatchShown).not.toBe('');
      expect(await page.getByText('synthetic').first().isVisible()).toBe(true);
    }, 300_000);

    it('adds a contact on Network', async () => {
      await nav('Network');
      const form = page.getByRole('form', { name: 'Add contact' });
      await form.getByLabel('Name', { exact: true }).fill('Anna Lee');
      await form.getByLabel('Role', { exact: true }).selectOption('mentor');
      await form.getByLabel('Email').fill('alee@example.org');
      await form.getByRole('button', { name: 'Save contact' }).click();
      await form.getByText(/Saved Anna Lee/).waitFor();
    }, 240_000);

    it('asks on Tasks for a backup, since the data changed and none was exported from this browser', async () => {
      await nav('Tasks');
      await backupTask().waitFor();
      const task = page.getByRole('listitem').filter({ has: backupTask() });
      expect(await task.textContent()).toContain('no backup was exported yet');
      expect(await task.getByRole('link', { name: 'Export a backup (.json)' }).getAttribute('href')).toBe(
        '/api/backup',
      );
    }, 240_000);

    it('exports everything as one backup file from the browser', async () => {
      await nav('Your data');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('link', { name: 'Export everything (.json)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^matchwise-backup-\d{4}-\d{2}-\d{2}\.json$/);
      browserBackupFile = path.join(os.tmpdir(), `static-edition-${process.pid}.json`);
      await download.saveAs(browserBackupFile);
      const bundle = JSON.parse(await readFile(browserBackupFile, 'utf8')) as Backup;
      expect(bundle.profile?.exams.step2ck).toBe(245);
      expect(bundle.network.contacts.map((contact) => contact.name)).toEqual(['Anna Lee']);
    }, 240_000);

    it(
      'finds the profile, the list and the contact again after a reload',
      async () => {
        await page.reload();
        await engineReady();
        // The export was remembered: the notice says when, and the playbook no longer asks for a backup.
        expect(await storageNotice().textContent()).toMatch(/Last backup exported from this browser/);
        const tasks = (await inBrowser('GET', '/api/tasks')).json as { items: { ruleId: string }[] };
        expect(tasks.items.map((task) => task.ruleId)).not.toContain('export-backup');
        await nav('My list');
        const chances = page.getByRole('region', { name: 'Your chances' });
        await chances.waitFor();
        expect(await chances.textContent()).toContain(pMatchShown);
        await nav('Network');
        await page.getByRole('link', { name: 'Anna Lee' }).waitFor();
        await nav('Profile');
        await page.getByRole('button', { name: 'Next' }).click();
        expect(await page.getByLabel('USMLE Step 2 CK score').inputValue()).toBe('245');
      },
      ENGINE_START_MS + 120_000,
    );

    it('gives the same SmartPick list and figures as the Node server for the same profile and catalog', async () => {
      const db = await openDatabase({ dataDir: 'memory://' });
      const nodeApp = createApp({ db, logger: createLogger('silent') });
      try {
        const saved = (await inBrowser('GET', '/api/profile')).json as { profile: unknown } | null;
        if (saved === null) throw new Error('the browser has no saved profile');
        expect((await sendJson(nodeApp, 'PUT', '/api/profile', saved.profile)).status).toBe(200);
        expect((await sendJson(nodeApp, 'POST', '/api/catalog/demo')).status).toBe(201);
        for (const settings of [{}, { budget: { kind: 'dollars', dollars: 1500 }, signals: 3 }]) {
          const inThisBrowser = await inBrowser('POST', '/api/smartpick/recommend', { settings });
          const onNode = await sendJson(nodeApp, 'POST', '/api/smartpick/recommend', { settings });
          expect(inThisBrowser.status).toBe(200);
          expect(onNode.status).toBe(200);
          const nodeList = (await onNode.json()) as { programs: unknown[] };
          expect(nodeList.programs.length).toBeGreaterThan(0);
          expect(differences(inThisBrowser.json, nodeList)).toEqual([]);
        }
      } finally {
        await db.close();
      }
    }, 240_000);

    /** The body the Import page posts for a file. */
    const importBody = (filename: string, bytes: Uint8Array) => ({
      filename,
      contentBase64: Buffer.from(bytes).toString('base64'),
    });
    /** A file's preview on the Node server, as status and JSON. */
    const previewOnNode = async (filename: string, bytes: Uint8Array) => {
      const db = await openDatabase({ dataDir: 'memory://' });
      try {
        const nodeApp = createApp({ db, logger: createLogger('silent') });
        const answer = await sendJson(nodeApp, 'POST', '/api/imports/preview', importBody(filename, bytes));
        return { status: answer.status, json: (await answer.json()) as unknown };
      } finally {
        await db.close();
      }
    };
    const previewBoth = async (filename: string, bytes: Uint8Array) => ({
      onNode: await previewOnNode(filename, bytes),
      inThisBrowser: await inBrowser('POST', '/api/imports/preview', importBody(filename, bytes)),
    });

    it('previews CSV and XLSX program lists exactly as the Node server does', async () => {
      const csv = [
        'ACGME ID,Program Name,City,State,Visa sponsorship',
        '1201200001,Riverside Family Medicine,Peoria,IL,J-1',
        '1209900108,Lakeshore Family Medicine,Chicago,IL,none',
        ',Missing Id Program,Springfield,IL,',
      ].join('\n');
      const fromCsv = await previewBoth('programs.csv', Buffer.from(csv, 'utf8'));
      expect(fromCsv.onNode.status).toBe(200);
      expect(fromCsv.inThisBrowser).toEqual(fromCsv.onNode);
      const preview = fromCsv.onNode.json as { valid: number; invalid: number };
      expect([preview.valid, preview.invalid]).toEqual([2, 1]);

      const fromXlsx = await previewBoth('programs.xlsx', smallProgramWorkbook());
      expect(fromXlsx.onNode.status).toBe(200);
      expect(fromXlsx.inThisBrowser).toEqual(fromXlsx.onNode);
    }, 120_000);

    it('imports an .xlsx program list on the Import page, and Programs lists it', async () => {
      const file = path.join(os.tmpdir(), `static-edition-${process.pid}-programs.xlsx`);
      await writeFile(file, smallProgramWorkbook());
      await nav('Import');
      await page.getByLabel('Program file (CSV or XLSX)').setInputFiles(file);
      const importButton = page.getByRole('button', { name: /^Import \d+ valid rows?/ });
      await importButton.waitFor();
      await importButton.click();
      await page.getByRole('heading', { name: /^Imported static-edition-.*\.xlsx$/ }).waitFor();
      await nav('Programs');
      await page.getByLabel('State').selectOption('AK');
      await page.getByRole('cell', { name: 'Providence Alaska Program' }).first().waitFor();
    }, 240_000);

    it('refuses hostile workbooks as the Node server does, naming the row and column, while the page keeps working', async () => {
      const lying = smallProgramWorkbook();
      const view = new DataView(lying.buffer, lying.byteOffset);
      const name = Buffer.from('xl/worksheets/sheet1.xml');
      let lies = 0;
      // The worksheet part claims to unpack to 10 bytes, in the directory and its own header: a zip bomb's lie.
      for (let at = 0; at < lying.length - 46; at++) {
        if (view.getUint32(at, true) !== 0x02014b50) continue;
        if (!Buffer.from(lying.subarray(at + 46, at + 46 + name.length)).equals(name)) continue;
        view.setUint32(at + 24, 10, true);
        view.setUint32(view.getUint32(at + 42, true) + 22, 10, true);
        lies++;
      }
      expect(lies).toBe(1);
      const hostile = [
        { file: wideHostileWorkbook(), says: 'Row 1 has a value in column XFD' },
        { file: lying, says: 'does not unpack to the size it declares' },
      ];
      for (const { file, says } of hostile) {
        // The file is read in a worker of its own: the page navigates while it is read.
        const reading = inBrowser('POST', '/api/imports/preview', importBody('programs.xlsx', file));
        await nav('Network');
        await page.getByRole('link', { name: 'Anna Lee' }).waitFor();
        await nav('Home');
        const refused = await reading;
        expect(refused.status).toBe(422);
        expect(JSON.stringify(refused.json)).toContain(says);
        expect(refused).toEqual(await previewOnNode('programs.xlsx', file));
      }
    }, 240_000);

    it("restores the browser's backup into the Node server, and a Node server's backup into the browser", async () => {
      const db = await openDatabase({ dataDir: 'memory://' });
      const nodeApp = createApp({ db, logger: createLogger('silent') });
      try {
        const fromBrowser = JSON.parse(await readFile(browserBackupFile, 'utf8')) as Backup;
        expect((await sendJson(nodeApp, 'POST', '/api/backup/restore', fromBrowser)).status).toBe(200);
        const onNode = (await (await nodeApp.request('/api/backup')).json()) as Backup;
        expect(onNode.profile).toEqual(fromBrowser.profile);
        expect(onNode.network.contacts).toEqual(fromBrowser.network.contacts);
        expect(onNode.smartpickSettings).toEqual(fromBrowser.smartpickSettings);

        await fillDatabase(db);
        const fromNode = (await (await nodeApp.request('/api/backup')).json()) as Backup;
        expect(fromNode.network.contacts.map((contact) => contact.name)).toContain('Omar Haddad');
        const file = path.join(os.tmpdir(), `static-edition-node-${process.pid}.json`);
        await writeFile(file, JSON.stringify(fromNode));
        await nav('Your data');
        await page.getByLabel(/Backup file/).setInputFiles(file);
        await page.getByRole('region', { name: 'Restore preview' }).waitFor();
        await page.getByRole('button', { name: 'Restore this backup' }).click();
        await page.getByText('Restore finished.').waitFor();
        const inThisBrowser = (await inBrowser('GET', '/api/backup')).json as Backup;
        const ids = inThisBrowser.network.contacts.map((contact) => contact.id);
        for (const contact of fromNode.network.contacts) expect(ids).toContain(contact.id);
        expect(inThisBrowser.profile).toEqual(fromNode.profile);
      } finally {
        await db.close();
      }
    }, 240_000);

    it(
      'opens offline after the first visit: the service worker has every file, the data is in IndexedDB',
      async () => {
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
        });
        await expect
          .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 120_000 })
          .toBe(true);
        await context.setOffline(true);
        try {
          await page.reload();
          await engineReady();
          await nav('Network');
          await page.getByRole('link', { name: 'Omar Haddad' }).waitFor();
        } finally {
          await context.setOffline(false);
        }
      },
      ENGINE_START_MS + 180_000,
    );

    it(
      'lets one tab at a time use the data: a second tab is told, and takes over when the first closes',
      async () => {
        const second = await context.newPage();
        second.setDefaultTimeout(90_000);
        await second.goto(`${server.url}/network`);
        await second.getByText(/Matchwise is open in another tab of this browser/).waitFor();
        await page.getByText(/Matchwise was opened in another tab too/).waitFor();
        await page.close();
        page = second;
        await engineReady();
        await page.getByRole('link', { name: 'Omar Haddad' }).waitFor();
      },
      ENGINE_START_MS + 120_000,
    );

    it('never asked the static host for /api: every answer came from the engine in the page', () => {
      const apiRequests = [...server.requests.keys()].filter((url) => url.startsWith('/api/'));
      expect(apiRequests).toEqual([]);
    });
  },
);
