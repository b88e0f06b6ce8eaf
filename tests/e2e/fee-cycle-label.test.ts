import { expect, it } from 'vitest';
import { emptyProfile } from '../../src/core/profile/applicant-profile.js';
import { currentMatchYear } from '../../src/core/smartpick/match-year.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

describeRequiring(
  'Fees are labelled by the applicant’s cycle, the same as the model’s Match year',
  requirement,
  () => {
    const app = useAppInBrowser();
    // The server runs on today's date, so the cycle is today's: the test says which one it expects.
    const year = currentMatchYear(new Date());
    const cycle = `Match ${year} (ERAS ${year} season, from June ${year - 1})`;

    it('Given a US IMG with a $2,000 budget and the demo catalog', async () => {
      const put = (route: string, method: string, body?: unknown) =>
        fetch(`${app.server.url}${route}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const profile = emptyProfile();
      expect(
        (
          await put('/api/profile', 'PUT', {
            ...profile,
            graduationYear: 2023,
            exams: { ...profile.exams, step2ck: 232 },
            budget: { kind: 'dollars', dollars: 2000 },
          })
        ).status,
      ).toBe(200);
      expect((await put('/api/catalog/demo', 'POST')).status).toBe(201);
    });

    for (const width of [1280, 375]) {
      it(`at ${width} px, the chances and the fee editor both name ${cycle}`, async () => {
        const page = await newPage(app.browser, width, 800);
        await page.goto(`${app.server.url}/list`);
        const chances = page.getByRole('region', { name: 'Your chances' });
        await chances.getByText(/^For Match/).waitFor({ timeout: 60_000 });
        const fees = (await chances.getByText(/^For Match/).textContent()) ?? '';
        expect(fees).toContain(`For ${cycle}`);
        // The model card's Match year is the same one.
        expect(await chances.textContent()).toContain(`Match ${year})`);
        await page.locator('.fee-editor > summary').click();
        expect(await page.locator('.fee-editor').textContent()).toContain(`For ${cycle}`);
        await page.close();
      });
    }
  },
);
