import path from 'node:path';
import { expect, it } from 'vitest';
import { usImgProfile } from '../../src/core/smartpick/test-support.js';
import { repoRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

describeRequiring(
  'One budget: the profile’s, which My list edits and Applications counts',
  requirement,
  () => {
    const app = useAppInBrowser();

    const budgetField = () => app.page.getByLabel('Budget (dollars)');

    it('saves My list’s budget to the profile, and shows a later profile change on My list and Applications', async () => {
      // Given the applicant with a $2,000 budget and the demo catalog
      const profile = { ...usImgProfile(), budget: { kind: 'dollars' as const, dollars: 2000 } };
      await app.api('PUT', '/api/profile', profile);
      await app.api('POST', '/api/catalog/demo');
      const { items } = await app.api<{ items: { acgmeId: string }[] }>('GET', '/api/programs?limit=1');
      await app.api('POST', '/api/applications', { acgmeIds: [items[0]?.acgmeId] });

      // When My list's budget is set to $2,200 and saved
      await app.page.goto(`${app.server.url}/list`);
      await budgetField().waitFor({ timeout: 120_000 });
      expect(await budgetField().inputValue()).toBe('2000');
      await budgetField().fill('2200');
      await app.page.getByRole('button', { name: 'Save settings' }).click();
      await app.page.getByText('Settings saved.', { exact: false }).first().waitFor({ timeout: 120_000 });
      // Then the profile holds it
      const saved = await app.api<{ profile: { budget: unknown } }>('GET', '/api/profile');
      expect(saved.profile.budget).toEqual({ kind: 'dollars', dollars: 2200 });

      // When the profile's budget then becomes $2,500
      await app.api('PUT', '/api/profile', { ...profile, budget: { kind: 'dollars', dollars: 2500 } });
      // Then My list and Applications both use $2,500, at 1280 and 375 px
      for (const width of [1280, 375]) {
        const page = width === 1280 ? app.page : await newPage(app.browser, 375, 800);
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${app.server.url}/list`);
        const field = page.getByLabel('Budget (dollars)');
        await field.waitFor({ timeout: 120_000 });
        expect(await field.inputValue()).toBe('2500');
        await page.screenshot({ path: path.join(repoRoot, 'test-results', `one-budget-list-${width}.png`) });
        await page.goto(`${app.server.url}/applications`);
        await page
          .locator('.budget-line')
          .getByText(/\$2,500/)
          .first()
          .waitFor({ timeout: 60_000 });
        await page.screenshot({
          path: path.join(repoRoot, 'test-results', `one-budget-applications-${width}.png`),
        });
      }
    });
  },
);
