import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

describeRequiring('SmartPick "My list" in the browser', requirement, () => {
  const app = useAppInBrowser();

  const chartMarkup = () =>
    app.page.getByRole('img', { name: /^Chart of P\(match\)/ }).evaluate((svg) => svg.outerHTML);

  it('fills a US IMG profile: Step 2 CK 245, graduated 2025, 6 months of hands-on USCE, the Northeast, 30 programs', async () => {
    await app.page.goto(`${app.server.url}/profile`);
    await app.page.getByLabel('Applicant type').selectOption('us-img');
    await app.page.getByRole('button', { name: 'Next' }).click();
    await app.page.getByLabel('USMLE Step 2 CK score').fill('245');
    await app.page.getByRole('button', { name: 'Next' }).click();
    await app.page.getByLabel('Graduation year').fill('2025');
    await app.page.getByLabel('Hands-on months').fill('6');
    // Inputs the model does not use say so where they are entered.
    const described = (await app.page.getByLabel('Publications').getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(
      described
        .split(' ')
        .filter(Boolean)
        .map((id) => app.page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions.join(' ')).toContain('Does not change your odds in this model.');
    await app.page.getByText(/Research and publications do not change your odds in this model/).waitFor();
    for (let step = 0; step < 2; step++) await app.page.getByRole('button', { name: 'Next' }).click();
    await app.page
      .getByRole('group', { name: 'Preferred regions (Census regions)' })
      .getByLabel('Northeast', { exact: true })
      .check();
    await app.page.getByRole('button', { name: 'Next' }).click();
    await app.page.getByLabel('Programs you can apply to').fill('30');
    await app.page.getByRole('button', { name: 'Save profile' }).click();
    await expect
      .poll(() =>
        app.page
          .getByText(/Profile saved/)
          .first()
          .isVisible(),
      )
      .toBe(true);
  });

  it('opens My list, loads the synthetic demo catalog, and shows the tiers', async () => {
    await app.page.getByRole('link', { name: 'My list' }).click();
    await app.page.getByRole('button', { name: /Load demo catalog/ }).click();
    await app.page.getByRole('img', { name: /^Chart of P\(match\)/ }).waitFor();
    const tierTags = await app.page.locator('.list-table tbody .tier-tag').allTextContents();
    for (const tier of ['Reach', 'Target', 'Likely']) expect(tierTags).toContain(tier);
    expect(await app.page.getByText('synthetic').first().isVisible()).toBe(true);
    expect(
      await app.page.getByRole('img', { name: /^Map of \d+ programs on your list by tier/ }).isVisible(),
    ).toBe(true);
    await app.page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot-my-list.png') });
  });

  it('shows the budget list’s P(match) and the suggested stop point as two things, and what is not modelled', async () => {
    const summary = app.page.getByRole('region', { name: 'Your chances' });
    const text = (await summary.textContent()) ?? '';
    expect(text).toMatch(/P\(match\) for the budget’s list\s*[\d.<>]+%\s*\(model range [\d.<>]+–[\d.<>]+%\)/);
    const stop = summary.getByRole('region', { name: 'Suggested stop point' });
    expect(await stop.textContent()).toMatch(/\d+ programs? · P\(match\) [\d.<>]+% · \$[\d,]+/);
    // No application sent yet: there is nothing for "P(match) now" to condition on.
    expect(text).not.toContain('P(match) now');
    await summary.getByText('Not in these odds').click();
    await summary.getByText(/Research and publications/).waitFor();
  });

  it('defaults My places to "prefer" for a profile naming the Northeast, and saves "strongly prefer"', async () => {
    const places = app.page.getByRole('group', { name: 'My places' });
    expect(await places.getByLabel('Prefer', { exact: true }).isChecked()).toBe(true);
    expect(await places.textContent()).toMatch(/Your places: Northeast\..*at most 40%/);
    await places.getByLabel('Strongly prefer', { exact: true }).check();
    await app.page.getByText('My places: strongly prefer saved; the list is updated.').waitFor();
    await expect
      .poll(async () => (await places.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/Now \d+ of at most 3 programs on the list are outside your places\./);
    const settings = (await (await fetch(`${app.server.url}/api/smartpick/settings`)).json()) as {
      regionMode: string;
    };
    expect(settings.regionMode).toBe('strongly-prefer');
  });

  it('fits a 375 px phone screen with the chances, the stop point and My places', async () => {
    const phone = await newPage(app.browser, 375, 800);
    await phone.goto(`${app.server.url}/list`);
    await phone.getByRole('region', { name: 'Suggested stop point' }).waitFor();
    await phone.getByRole('group', { name: 'My places' }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('explains one program factor by factor on demand', async () => {
    // A reach program: its score factor moves the odds.
    const why = app.page
      .locator('.list-table tbody tr', { has: app.page.locator('.tier-tag.is-reach') })
      .first()
      .getByRole('button', { name: /^Why\? / });
    await why.click();
    expect(await why.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => app.page.locator('ul.factor-bars li').count()).toBeGreaterThan(3);
    expect(await app.page.locator('ul.factor-bars').first().textContent()).toMatch(/Step 2 CK/);
  });

  it('moves the chart when the budget changes, and exports the saved list as CSV', async () => {
    const before = await chartMarkup();
    await app.page.getByLabel('Budget (programs)').fill('20');
    await expect.poll(chartMarkup, { timeout: 15_000 }).not.toBe(before);
    expect(
      await app.page.getByRole('img', { name: /^Chart of P\(match\)/ }).getAttribute('aria-label'),
    ).toMatch(/budget 20 programs/);

    await app.page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => app.page.getByText('These settings are saved.').isVisible()).toBe(true);
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('link', { name: 'Export CSV' }).click(),
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
