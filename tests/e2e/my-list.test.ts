import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start-server.js';
import { chromiumPath, has, repoRoot, webRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { launchBrowser, makeDataDir, newPage, startAppServer } from './harness.js';

const requirement = !has(chromiumPath)
  ? { available: false, missing: `Chromium at ${chromiumPath} (apt-get install chromium)` }
  : !has(path.join(webRoot, 'index.html'))
    ? { available: false, missing: 'the built web app (npm run build:web; npm test does it)' }
    : { available: true, missing: '' };

describeRequiring('SmartPick "My list" in the browser', requirement, () => {
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

  const chartMarkup = () =>
    page.getByRole('img', { name: /^Chart of P\(match\)/ }).evaluate((svg) => svg.outerHTML);

  it('fills a US IMG profile: Step 2 CK 245, graduated 2025, 6 months of hands-on USCE, 30 programs', async () => {
    await page.goto(`${server.url}/profile`);
    await page.getByLabel('Applicant type').selectOption('us-img');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('USMLE Step 2 CK score').fill('245');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Graduation year').fill('2025');
    await page.getByLabel('Hands-on months').fill('6');
    for (let step = 0; step < 3; step++) await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Programs you can apply to').fill('30');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Profile saved/)
          .first()
          .isVisible(),
      )
      .toBe(true);
  });

  it('opens My list, loads the synthetic demo catalog, and shows the tiers', async () => {
    await page.getByRole('link', { name: 'My list' }).click();
    await page.getByRole('button', { name: /Load demo catalog/ }).click();
    await page.getByRole('img', { name: /^Chart of P\(match\)/ }).waitFor();
    const tierHeadings = await page.getByRole('heading', { level: 3 }).allTextContents();
    for (const tier of ['Reach', 'Target', 'Likely']) {
      expect(tierHeadings.some((text) => text.startsWith(tier))).toBe(true);
    }
    expect(await page.getByText('synthetic').first().isVisible()).toBe(true);
    expect(
      await page.getByRole('img', { name: /^Map of \d+ programs on your list by tier/ }).isVisible(),
    ).toBe(true);
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot-my-list.png') });
  });

  it('explains one program factor by factor on demand', async () => {
    const why = page.getByRole('button', { name: /^Why\? / }).first();
    await why.click();
    expect(await why.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.locator('ul.factor-bars li').count()).toBeGreaterThan(3);
    expect(await page.locator('ul.factor-bars').first().textContent()).toMatch(/Step 2 CK/);
  });

  it('moves the chart when the budget changes, and exports the saved list as CSV', async () => {
    const before = await chartMarkup();
    await page.getByLabel('Budget (programs)').fill('20');
    await expect.poll(chartMarkup, { timeout: 15_000 }).not.toBe(before);
    expect(await page.getByRole('img', { name: /^Chart of P\(match\)/ }).getAttribute('aria-label')).toMatch(
      /budget 20 programs/,
    );

    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByText('These settings are saved.').isVisible()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('matchwise-list.csv');
    const csv = await readFile((await download.path()) as string, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'position,acgme_id,program,city,state,tier,p_interview,p_interview_low,p_interview_high,signal,pinned,marginal_gain,checks,why,synthetic',
    );
    expect(lines).toHaveLength(21);
    expect(lines.slice(1).every((line) => /^\d+,DEMO-\d{6},/.test(line) && line.endsWith(',synthetic'))).toBe(
      true,
    );
  });
});
