import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

describeRequiring('Scheduling an interview on the program’s clock', requirement, () => {
  const app = useAppInBrowser();

  it('offers Eastern time for a Pennsylvania program invited to interview, at 1280 and 375 px', async () => {
    await app.api('POST', '/api/catalog/demo');
    const { items } = await app.api<{ items: { acgmeId: string; name: string; city: string }[] }>(
      'GET',
      '/api/programs?state=PA&limit=1',
    );
    const program = items[0];
    if (!program) throw new Error('the demo catalog has no Pennsylvania program');
    await app.api('POST', '/api/applications', { acgmeIds: [program.acgmeId] });
    for (const stage of ['applied', 'interview-invited'])
      await app.api('POST', `/api/applications/${program.acgmeId}/stage`, { stage });

    for (const width of [1280, 375]) {
      const page = width === 1280 ? app.page : await newPage(app.browser, 375, 800);
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${app.server.url}/applications`);
      await page
        .getByLabel(`Move ${program.name} to`, { exact: true })
        .selectOption({ label: 'Interview scheduled' });
      await page.getByRole('button', { name: `Move ${program.name}`, exact: true }).click();
      const form = page.getByRole('form', { name: `Schedule the interview at ${program.name}` });
      await form.waitFor();
      // Then the zone is the program's (Pennsylvania: Eastern), whatever zone the browser is in
      expect(await form.getByLabel('Time zone').inputValue()).toBe('America/New_York');
      await page.screenshot({
        path: path.join(repoRoot, 'test-results', `interview-time-zone-${width}.png`),
        fullPage: false,
      });
      await form.getByRole('button', { name: 'Cancel' }).click();
    }
  });
});
