import { expect, it } from 'vitest';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

describeRequiring(
  'A page reached from the navigation starts at its top, header and heading in view',
  requirement,
  () => {
    const app = useAppInBrowser();

    for (const width of [1280, 375]) {
      it(`at ${width} px: from a scrolled Home to Profile and Tasks`, async () => {
        const page = await newPage(app.browser, width, 700);
        await page.goto(`${app.server.url}/`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        // Home is longer than the window at these sizes: scroll part way down, as a reader would.
        const scrolled = await page.evaluate(() => {
          window.scrollTo(0, 200);
          return window.scrollY;
        });
        expect(scrolled).toBeGreaterThan(0);
        for (const link of ['Profile', 'Tasks']) {
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: link, exact: true })
            .click();
          await page.waitForURL(new RegExp(`/${link.toLowerCase()}$`));
          await page.getByRole('heading', { level: 1 }).waitFor();
          // The page moves focus in an effect after its lazy chunk renders: wait for it (bounded), then measure.
          await page
            .waitForFunction(
              () => document.querySelector('main')?.contains(document.activeElement) ?? false,
              null,
              {
                timeout: 5_000,
              },
            )
            .catch(() => undefined);
          const where = await page.evaluate(() => ({
            y: window.scrollY,
            header: document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? -1,
            heading: document.querySelector('h1')?.getBoundingClientRect().top ?? -1,
            focusInMain: document.querySelector('main')?.contains(document.activeElement) ?? false,
          }));
          expect(where.y, link).toBe(0);
          expect(where.heading, link).toBeGreaterThanOrEqual(where.header);
          // Focus still moves to the page for keyboard and screen-reader users.
          expect(where.focusInMain, link).toBe(true);
        }
        await page.close();
      });
    }
  },
);
