import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start-server.js';
import { chromiumPath, fmProgramsCsv, has, repoRoot, webRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { launchBrowser, makeDataDir, newPage, startAppServer } from './harness.js';

const requirement = !has(chromiumPath)
  ? { available: false, missing: `Chromium at ${chromiumPath} (apt-get install chromium)` }
  : !has(fmProgramsCsv)
    ? { available: false, missing: `the real program list ${fmProgramsCsv}` }
    : !has(path.join(webRoot, 'index.html'))
      ? { available: false, missing: 'the built web app (npm run build:web; npm test does it)' }
      : { available: true, missing: '' };

/** Distinct ACGME ids per state, read from the file independently of the importer. */
function idsInState(state: string): number {
  const rows = readFileSync(fmProgramsCsv, 'utf8').trim().split(/\r?\n/).slice(1);
  return new Set(
    rows
      .map((row) => row.split(','))
      .filter((cells) => cells[3] === state)
      .map((cells) => cells[0]),
  ).size;
}

describeRequiring('Matchwise foundation in the browser', requirement, () => {
  let browser: Browser;
  let server: RunningServer;
  let data: Awaited<ReturnType<typeof makeDataDir>>;
  let page: Page;

  beforeAll(async () => {
    data = await makeDataDir();
    server = await startAppServer(data.dir);
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await data?.remove();
  });

  const api = async <T>(route: string): Promise<T> =>
    (await (await fetch(`${server.url}${route}`)).json()) as T;

  it('creates a US IMG profile through the form, showing an inline error for a Step 2 CK of 320', async () => {
    await page.goto(`${server.url}/profile`);
    await page.getByLabel('Applicant type').selectOption('us-img');
    await page.getByRole('button', { name: 'Next' }).click();

    const step2 = page.getByLabel('USMLE Step 2 CK score');
    await step2.fill('320');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByText('USMLE scores run from 1 to 300').first().isVisible()).toBe(true);
    expect(await step2.getAttribute('aria-invalid')).toBe('true');
    // Focus moves to the field at fault so a screen-reader user hears it.
    expect(await step2.evaluate((input) => input === document.activeElement)).toBe(true);

    await step2.fill('232');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Graduation year').fill('2022');
    await page.getByLabel('Hands-on months').fill('3');
    for (let step = 0; step < 3; step++) await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Profile saved/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    const saved = await api<{
      profile: { applicantType: string; graduationYear: number; exams: { step2ck: number } };
    }>('/api/profile');
    expect(saved.profile).toMatchObject({
      applicantType: 'us-img',
      graduationYear: 2022,
      exams: { step2ck: 232 },
    });
  });

  it('imports the 2019 family medicine list through the Import page', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Program file (CSV or XLSX)').setInputFiles(fmProgramsCsv);
    const importButton = page.getByRole('button', { name: /^Import 347 valid rows/ });
    await importButton.waitFor();
    await importButton.click();
    await page.getByRole('heading', { name: 'Imported fm-programs-2019.csv' }).waitFor();
    expect(
      await page
        .getByText(/347 programs added/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect((await api<{ total: number }>('/api/programs')).total).toBe(347);
  });

  it('filters the programs by state and shows them on the map', async () => {
    const expected = idsInState('NY');
    expect(expected).toBeGreaterThan(5);
    await page.getByRole('link', { name: 'Programs' }).click();
    await page.getByLabel('State').selectOption('NY');
    const rows = page.locator('table.programs-table tbody tr');
    await expect.poll(() => rows.count()).toBe(expected);
    const states = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(states.every((text) => text.includes('NY'))).toBe(true);
    const map = page.getByRole('img', { name: /^Map of/ });
    expect(await map.isVisible()).toBe(true);
    expect(await map.getAttribute('aria-label')).toContain(String(expected));
    expect(await map.locator('circle').count()).toBeGreaterThanOrEqual(expected);
    expect(page.url()).toContain('state=NY');
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot-programs.png'), fullPage: true });
  });

  it('keeps the profile and the catalog when the server restarts', async () => {
    await server.close();
    server = await startAppServer(data.dir);
    await page.goto(`${server.url}/programs?state=NY`);
    await expect.poll(() => page.locator('table.programs-table tbody tr').count()).toBe(idsInState('NY'));
    await page.goto(`${server.url}/profile?step=exams`);
    await expect.poll(() => page.getByLabel('USMLE Step 2 CK score').inputValue()).toBe('232');
  });

  it('fits a 375 px phone screen without scrolling the page sideways', async () => {
    const phone = await newPage(browser, 375, 800);
    for (const route of ['/', '/profile', '/programs', '/import']) {
      await phone.goto(`${server.url}${route}`);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, route).toBeLessThanOrEqual(0);
    }
    await phone.close();
  });
});
