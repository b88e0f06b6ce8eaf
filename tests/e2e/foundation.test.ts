import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { fmProgramsCsv, repoRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement([
  { file: fmProgramsCsv, missing: `the real program list ${fmProgramsCsv}` },
]);

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
  const app = useAppInBrowser();

  const api = async <T>(route: string): Promise<T> =>
    (await (await fetch(`${app.server.url}${route}`)).json()) as T;

  it('creates a US IMG profile through the form, showing an inline error for a Step 2 CK of 320', async () => {
    await app.page.goto(`${app.server.url}/profile`);
    await app.page.getByLabel('Applicant type').selectOption('us-img');
    await app.page.getByRole('button', { name: 'Next' }).click();

    const step2 = app.page.getByLabel('USMLE Step 2 CK score');
    await step2.fill('320');
    await app.page.getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => app.page.getByText('USMLE scores run from 1 to 300').first().isVisible())
      .toBe(true);
    expect(await step2.getAttribute('aria-invalid')).toBe('true');
    // Focus moves to the field at fault so a screen-reader user hears it.
    expect(await step2.evaluate((input) => input === document.activeElement)).toBe(true);

    await step2.fill('232');
    await app.page.getByRole('button', { name: 'Next' }).click();
    await app.page.getByLabel('Graduation year').fill('2022');
    await app.page.getByLabel('Hands-on months').fill('3');
    for (let step = 0; step < 3; step++) await app.page.getByRole('button', { name: 'Next' }).click();
    await app.page.getByRole('button', { name: 'Save profile' }).click();
    await expect
      .poll(() =>
        app.page
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
    await app.page.getByRole('link', { name: 'Import' }).click();
    await app.page.getByLabel('Program file (CSV or XLSX)').setInputFiles(fmProgramsCsv);
    const importButton = app.page.getByRole('button', { name: /^Import 347 valid rows/ });
    await importButton.waitFor();
    await importButton.click();
    await app.page.getByRole('heading', { name: 'Imported fm-programs-2019.csv' }).waitFor();
    expect(
      await app.page
        .getByText(/347 programs added/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect((await api<{ total: number }>('/api/programs')).total).toBe(347);
  });

  it('pages through the catalog a hundred rows at a time, the map showing every program', async () => {
    await app.page.getByRole('link', { name: 'Programs' }).click();
    const rows = app.page.locator('table.programs-table tbody tr');
    await expect.poll(() => rows.count()).toBe(100);
    const map = app.page.getByRole('img', { name: /^Map of/ });
    await expect.poll(() => map.getAttribute('aria-label')).toContain('347');
    const pager = app.page.getByRole('navigation', { name: 'Table pages' });
    expect(await pager.textContent()).toContain('Rows 1–100 of 347');
    const firstOnPageOne = await rows.first().textContent();
    await pager.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => pager.textContent()).toContain('Rows 101–200 of 347');
    expect(app.page.url()).toContain('page=2');
    expect(await rows.first().textContent()).not.toBe(firstOnPageOne);
  });

  it('filters the programs by state and shows them on the map', async () => {
    const expected = idsInState('NY');
    expect(expected).toBeGreaterThan(5);
    await app.page.getByRole('link', { name: 'Programs' }).click();
    await app.page.getByLabel('State').selectOption('NY');
    const rows = app.page.locator('table.programs-table tbody tr');
    await expect.poll(() => rows.count()).toBe(expected);
    const states = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(states.every((text) => text.includes('NY'))).toBe(true);
    const map = app.page.getByRole('img', { name: /^Map of/ });
    expect(await map.isVisible()).toBe(true);
    expect(await map.getAttribute('aria-label')).toContain(String(expected));
    expect(await map.locator('circle').count()).toBeGreaterThanOrEqual(expected);
    expect(app.page.url()).toContain('state=NY');
    await app.page.screenshot({
      path: path.join(repoRoot, 'docs', 'screenshot-programs.png'),
      fullPage: true,
    });
  });

  it('keeps the profile and the catalog when the server restarts', async () => {
    await app.restart();
    await app.page.goto(`${app.server.url}/programs?state=NY`);
    await expect.poll(() => app.page.locator('table.programs-table tbody tr').count()).toBe(idsInState('NY'));
    await app.page.goto(`${app.server.url}/profile?step=exams`);
    await expect.poll(() => app.page.getByLabel('USMLE Step 2 CK score').inputValue()).toBe('232');
  });

  it('fits a 375 px phone screen without scrolling the page sideways', async () => {
    const phone = await newPage(app.browser, 375, 800);
    for (const route of ['/', '/profile', '/programs', '/import']) {
      await phone.goto(`${app.server.url}${route}`);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, route).toBeLessThanOrEqual(0);
    }
    await phone.close();
  });
});
