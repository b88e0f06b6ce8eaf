import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();
const artifacts = path.join(repoRoot, 'test-results', 'program-facts');

describeRequiring(
  'Research facts are edited on the program’s page, checked, and unknown stays unknown',
  requirement,
  () => {
    const app = useAppInBrowser();

    it('Given the demo catalog', async () => {
      const response = await fetch(`${app.server.url}/api/catalog/demo`, { method: 'POST' });
      expect(response.status).toBe(201);
    });

    for (const width of [1280, 375]) {
      it(`at ${width} px: a value without a source is refused; with one it is saved; cleared it is unknown again`, async () => {
        const page = await newPage(app.browser, width, 900);
        await page.goto(`${app.server.url}/programs`);
        await page.locator('.programs-table tbody tr .link-button').first().click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('button', { name: 'Edit research facts' }).click();
        const form = dialog.getByRole('form', { name: 'Edit research facts' });
        const group = form.getByRole('group', { name: 'Minimum Step 2 CK score' });
        await group.getByLabel('Value').fill('225');
        await group.getByLabel('Source').fill('');
        await group.getByLabel('As of').fill('');
        await form.getByRole('button', { name: 'Save facts' }).click();
        await group.getByText('Say where this fact comes from').waitFor();
        expect(await group.getByLabel('Source').getAttribute('aria-invalid')).toBe('true');

        await group.getByLabel('Source').fill('Program website, eligibility page');
        await group.getByLabel('As of').fill('2026-09-01');
        await page.screenshot({ path: path.join(artifacts, `facts-form-${width}.png`) });
        await form.getByRole('button', { name: 'Save facts' }).click();
        await dialog.getByText('Research facts saved.').waitFor();
        const row = dialog.getByRole('row', { name: /Minimum Step 2 CK score/ });
        expect(await row.textContent()).toContain('225');
        expect(await row.textContent()).toContain('Program website, eligibility page');
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);

        // Clearing the value makes the fact unknown again (and needs no source).
        await dialog.getByRole('button', { name: 'Edit research facts' }).click();
        await form.getByRole('group', { name: 'Minimum Step 2 CK score' }).getByLabel('Value').fill('');
        await form.getByRole('button', { name: 'Save facts' }).click();
        await dialog.getByText('Research facts saved.').waitFor();
        expect(await dialog.getByRole('row', { name: /Minimum Step 2 CK score/ }).textContent()).toContain(
          'unknown',
        );
        await page.close();
      });
    }
  },
);
