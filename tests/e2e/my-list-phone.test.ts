import path from 'node:path';
import { expect, it } from 'vitest';
import { emptyProfile } from '../../src/core/profile/applicant-profile.js';
import { repoRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();
const artifacts = path.join(repoRoot, 'test-results', 'my-list');

/** The applicant: US IMG, Step 2 CK 232, graduated 2023, 3 months hands-on USCE, $2,000, Northeast/Midwest. */
function usImg() {
  const profile = emptyProfile();
  return {
    ...profile,
    graduationYear: 2023,
    exams: { ...profile.exams, step2ck: 232 },
    usce: { handsOnMonths: 3, observershipMonths: 0, researchMonths: 0 },
    letters: { total: 3, us: 3, inSpecialty: 2 },
    geography: { ...profile.geography, preferredRegions: ['Northeast', 'Midwest'] },
    budget: { kind: 'dollars', dollars: 2000 },
  };
}

describeRequiring('My list puts the answer first, at 1280 px and on a phone', requirement, () => {
  const app = useAppInBrowser();

  const put = async (route: string, method: string, body?: unknown) => {
    const response = await fetch(`${app.server.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status, `${method} ${route}`).toBeLessThan(300);
  };

  it('Given the US IMG profile and the demo catalog', async () => {
    await put('/api/profile', 'PUT', usImg());
    await put('/api/catalog/demo', 'POST');
  });

  it('at 1280 px: P(match) comes before the settings, the list starts at #1, and "Why?" is in view', async () => {
    const page = await newPage(app.browser, 1280, 900);
    await page.goto(`${app.server.url}/list`);
    const positions = page.locator('.list-table tbody tr:not(.why-row) td.position-cell');
    await positions.first().waitFor({ timeout: 30_000 });
    const top = async (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    const chances = await top('#chances-heading');
    const list = await top('#list-heading');
    const settings = await top('#list-settings');
    expect(chances).toBeLessThan(list);
    expect(list).toBeLessThan(settings);
    // The first row is #1 and the numbers only go up.
    const numbers = (await positions.allTextContents()).map((text) => Number.parseInt(text, 10));
    expect(numbers[0]).toBe(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // "Why?" is within the window's width, and opening it keeps the program names whole.
    const why = page.getByRole('button', { name: /^Why\? / }).first();
    const box = await why.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1280);
    await why.click();
    await page.locator('ul.factor-bars li').first().waitFor();
    // The names keep their column (at least 16rem) and none is cut off.
    const names = await page
      .locator('.list-table tbody .name-cell')
      .evaluateAll((cells) =>
        cells.map((cell) => ({ width: cell.clientWidth, cut: cell.scrollWidth > cell.clientWidth })),
      );
    expect(Math.min(...names.map((name) => name.width))).toBeGreaterThanOrEqual(256);
    expect(names.filter((name) => name.cut)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: path.join(artifacts, 'my-list-1280.png') });
    await page.close();
  });

  it('at 375 px: P(match) is in the first screenful, and each program is a card with no sideways scroll', async () => {
    const phone = await newPage(app.browser, 375, 800);
    await phone.goto(`${app.server.url}/list`);
    await phone.locator('.list-table tbody tr').first().waitFor({ timeout: 30_000 });
    const chances = await phone.getByText('P(match) for the budget’s list').boundingBox();
    expect(chances?.y).toBeLessThan(800);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Every card fits the screen, and the first shows its tier, odds and the "Why?" button.
    const widest = await phone
      .locator('.list-table tbody tr')
      .evaluateAll((rows) => Math.max(...rows.map((row) => row.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(375);
    const first = phone.locator('.list-table tbody tr').first();
    expect(await first.locator('td.position-cell').textContent()).toMatch(/^1\b/);
    expect(await first.locator('.tier-tag').textContent()).toMatch(/^(Reach|Target|Likely)$/);
    expect(await first.locator('td[data-label="P(interview)"]').textContent()).toMatch(/^\d+%/);
    const why = first.getByRole('button', { name: /^Why\? / });
    expect(await why.isVisible()).toBe(true);
    await why.click();
    await phone.locator('ul.factor-bars li').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await first.scrollIntoViewIfNeeded();
    await phone.screenshot({ path: path.join(artifacts, 'my-list-375.png') });
    await phone.close();
  });
});
