import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accountsFor } from '../../src/app/hosted-mode.js';
import { type Database, openDatabase } from '../../src/db/index.js';
import { createLogger } from '../../src/server/logger.js';
import { type RunningServer, startServer } from '../../src/server/start-server.js';
import { webRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, launchBrowser, newPage } from './harness.js';

const databaseUrl = process.env.DATABASE_URL?.trim() ?? '';
const browser = browserRequirement();
const requirement = databaseUrl
  ? browser
  : { available: false, missing: 'PostgreSQL (set DATABASE_URL; hosted mode runs only on PostgreSQL)' };

const EMAIL = 'ann@example.org';
const PASSWORD = 'correct horse battery';

describeRequiring('Hosted mode in the browser: log in, use the app, log out, be refused', requirement, () => {
  // A schema of its own, so the suite never meets another test's accounts.
  const schema = `e2e_hosted_${randomBytes(4).toString('hex')}`;
  let server: RunningServer;
  let db: Database;
  let chromium: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      database: { databaseUrl, schema },
      logger: createLogger(process.env.MATCHWISE_LOG_LEVEL ?? 'warn'),
      webRoot,
      mode: { kind: 'hosted', trustProxy: false, publicUrl: null },
    });
    db = await openDatabase({ databaseUrl, schema });
    expect((await accountsFor(db).addUser(EMAIL, PASSWORD)).ok).toBe(true);
    chromium = await launchBrowser();
    // A phone's width: the login form must work at 375 px.
    page = await newPage(chromium, 375, 740);
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    if (db) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.operatorKysely());
      await db.close();
    }
  });

  it('sends a visitor without a session to the login page, and back to the page after logging in', async () => {
    await page.goto(`${server.url}/list`);
    await page.waitForURL(/\/login\?next=%2Flist$/);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong email or password');

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${server.url}/list`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const scrollsSideways = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    expect(scrollsSideways).toBe(false);
  });

  it('shows the account page, logs out, and is refused afterwards', async () => {
    await page.goto(`${server.url}/account`);
    await expect.poll(() => page.getByText(`Logged in as ${EMAIL}.`).count()).toBe(1);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL(/\/login\?reason=signed-out$/);

    const status = await page.evaluate(async () => (await fetch('/api/backup')).status);
    expect(status).toBe(401);
    await page.goto(`${server.url}/data`);
    await page.waitForURL(/\/login\?next=%2Fdata$/);
  });
});
