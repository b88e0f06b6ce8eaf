import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyProfile } from '../../src/core/profile/applicant-profile.js';
import { maxProgramsWithin } from '../../src/core/smartpick/fee-schedule.js';
import { ERAS_2026_FEE_SCHEDULE } from '../../src/core/smartpick/model-parameters.js';
import type { SmartPickSettings } from '../../src/core/smartpick/settings-schema.js';
import type { RunningServer } from '../../src/server/start-server.js';
import { chromiumPath, has, webRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { launchBrowser, makeDataDir, newPage, startAppServer } from './harness.js';

const requirement = !has(chromiumPath)
  ? { available: false, missing: `Chromium at ${chromiumPath} (apt-get install chromium)` }
  : !has(path.join(webRoot, 'index.html'))
    ? { available: false, missing: 'the built web app (npm run build:web; npm test does it)' }
    : { available: true, missing: '' };

const DOLLARS = 300;
/** $300 at ERAS fees ($11 each for 1–30): 27 programs. */
const UNDER_ERAS = maxProgramsWithin(DOLLARS, ERAS_2026_FEE_SCHEDULE);
/** At $5 each for 1–30 and $30 after: 30 programs for $150, then 5 more. */
const UNDER_EDITED = maxProgramsWithin(DOLLARS, {
  ...ERAS_2026_FEE_SCHEDULE,
  tiers: [
    { upTo: 30, dollarsPerProgram: 5 },
    { upTo: null, dollarsPerProgram: 30 },
  ],
});

describeRequiring('My list: application fee schedule and stars in the browser', requirement, () => {
  let browser: Browser;
  let server: RunningServer;
  let data: Awaited<ReturnType<typeof makeDataDir>>;
  let page: Page;

  const api = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.ok, `${method} ${route} answered ${response.status}`).toBe(true);
    return (await response.json()) as T;
  };
  const savedSettings = () => api<SmartPickSettings>('GET', '/api/smartpick/settings');
  const budgetCovers = async () =>
    Number(await page.locator('dt:text-is("Budget covers (programs)") + dd').textContent());
  const openList = async () => {
    await page.goto(`${server.url}/list`);
    await page.getByRole('img', { name: /^Chart of P\(match\)/ }).waitFor();
  };

  beforeAll(async () => {
    data = await makeDataDir();
    server = await startAppServer(data.dir);
    browser = await launchBrowser();
    page = await newPage(browser);
    // A US IMG with Step 2 CK 240 and the synthetic demo catalog, through the API to keep the test short.
    await api('POST', '/api/catalog/demo');
    const profile = emptyProfile();
    await api('PUT', '/api/profile', { ...profile, exams: { ...profile.exams, step2ck: 240 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await data?.remove();
  });

  it(`a $${DOLLARS} budget covers ${UNDER_ERAS} programs under the ERAS fees, more at $5 for tier 1`, async () => {
    expect(UNDER_EDITED).toBeGreaterThan(UNDER_ERAS);
    await openList();
    await page.getByRole('radio', { name: 'Dollars' }).check();
    await page.getByLabel('Budget (dollars)').fill(String(DOLLARS));
    await expect.poll(budgetCovers, { timeout: 15_000 }).toBe(UNDER_ERAS);

    await page.locator('summary', { hasText: 'Application fees' }).click();
    const fees = page.getByRole('group', { name: 'Application fees' });
    expect(await fees.isVisible()).toBe(true);
    expect(await fees.getByLabel('Programs up to (tier 1)').inputValue()).toBe('30');
    expect(await fees.getByLabel('Dollars per program (tier 1)').inputValue()).toBe('11');
    expect(await fees.getByLabel('Dollars per program (tier 2)').inputValue()).toBe('30');
    expect(await fees.getByText('31 and above', { exact: true }).isVisible()).toBe(true);
    expect(await fees.textContent()).toMatch(/In use: ERAS residency application fees/);

    await fees.getByLabel('Dollars per program (tier 1)').fill('5');
    await expect.poll(budgetCovers, { timeout: 15_000 }).toBe(UNDER_EDITED);
    // The list says whose fees these are.
    expect(await page.locator('.summary-details').textContent()).toMatch(
      /Your fee schedule, \d{4}-\d{2}-\d{2}\. Source: entered by you\./,
    );
  });

  it('explains a tier that does not rise, and adds and removes tiers', async () => {
    const fees = page.getByRole('group', { name: 'Application fees' });
    await fees.getByRole('button', { name: 'Add fee tier' }).click();
    const upTo = fees.getByLabel('Programs up to (tier 2)');
    expect(await upTo.inputValue()).toBe('40');
    await upTo.fill('20');
    const error = page.getByRole('alert').filter({ hasText: 'Tiers must rise' });
    await error.waitFor();
    expect(await upTo.getAttribute('aria-invalid')).toBe('true');
    expect(await upTo.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    await fees.getByRole('button', { name: 'Remove fee tier 2' }).click();
    expect(await error.count()).toBe(0);
    expect(await fees.getByLabel('Programs up to (tier 2)').count()).toBe(0);
    expect(await fees.getByLabel('Dollars per program (tier 1)').inputValue()).toBe('5');
  });

  it('saves the edited schedule, and shows it again after a reload', async () => {
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByText('These settings are saved.').isVisible()).toBe(true);
    const saved = await savedSettings();
    expect(saved.budget).toEqual({ kind: 'dollars', dollars: DOLLARS });
    expect(saved.feeSchedule).toMatchObject({
      name: 'Your fee schedule',
      source: 'entered by you',
      fixedDollars: 0,
      tiers: [
        { upTo: 30, dollarsPerProgram: 5 },
        { upTo: null, dollarsPerProgram: 30 },
      ],
    });

    await openList();
    const fees = page.getByRole('group', { name: 'Application fees' });
    expect(await fees.isVisible()).toBe(true); // open from the start: the schedule is the user's own
    expect(await fees.getByLabel('Dollars per program (tier 1)').inputValue()).toBe('5');
    expect(await fees.textContent()).toMatch(/In use: Your fee schedule/);
    await expect.poll(budgetCovers, { timeout: 15_000 }).toBe(UNDER_EDITED);
  });

  it('rates a program 5 stars: saved in the settings, the list re-run, shown after a reload', async () => {
    const stars = page.getByRole('combobox', { name: /^Stars for / }).first();
    const name = (await stars.getAttribute('aria-label')) as string;
    expect(await stars.inputValue()).toBe('0');
    const rerun = page.waitForResponse(
      (response) => response.url().endsWith('/api/smartpick/recommend') && response.ok(),
    );
    await stars.selectOption('5');
    await rerun;
    await expect
      .poll(async () => Object.values((await savedSettings()).stars), { timeout: 15_000 })
      .toEqual([5]);
    expect((await savedSettings()).feeSchedule?.name).toBe('Your fee schedule');

    await openList();
    expect(await page.getByRole('combobox', { name, exact: true }).inputValue()).toBe('5');
  });
});
