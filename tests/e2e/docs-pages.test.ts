import { expect, it } from 'vitest';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

describeRequiring(
  'The model card and the networking playbook are pages in the app, linked where cited',
  requirement,
  () => {
    const app = useAppInBrowser();

    for (const width of [1280, 375]) {
      it(`at ${width} px: Network and Tasks link the playbook; the model card reads with its tables`, async () => {
        const page = await newPage(app.browser, width, 800);
        for (const from of ['/network', '/tasks']) {
          await page.goto(`${app.server.url}${from}`);
          await page.getByRole('link', { name: 'networking playbook' }).click();
          await page.waitForURL(/\/docs\/network-playbook$/);
          await page.getByRole('heading', { level: 1, name: 'The networking playbook' }).waitFor();
          await page.getByRole('heading', { level: 2, name: 'Circles' }).waitFor();
          // The document's words, not its Markdown: no "**" or "](" left over.
          const text = (await page.locator('article.doc').textContent()) ?? '';
          expect(text).not.toMatch(/\*\*|\]\(/);
        }
        await page.goto(`${app.server.url}/docs/model-card`);
        await page.getByRole('heading', { level: 1, name: 'Model card' }).waitFor();
        // The heading can paint before the document's body (CI saw 0 tables there once): wait for a table first.
        await page.locator('article.doc table').first().waitFor();
        expect(await page.locator('article.doc table').count()).toBeGreaterThan(2);
        expect(await page.locator('article.doc').textContent()).not.toContain('<!--');
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        await page.close();
      });
    }
  },
);
