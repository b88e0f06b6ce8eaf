import { expect, it } from 'vitest';
import { describeRequiring } from '../support/required-suite.js';
import { APP_PAGES } from './app-pages.js';
import { browserRequirement, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

describeRequiring('A first visit, before any profile is saved', requirement, () => {
  const app = useAppInBrowser();

  it('answers every page without an error response or a console error', async () => {
    const failures: string[] = [];
    app.page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    app.page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console: ${message.text()}`);
    });
    for (const route of APP_PAGES) {
      await app.page.goto(`${app.server.url}${route}`);
      await app.page.waitForLoadState('networkidle');
    }
    expect(failures).toEqual([]);
  });

  it('asks for a profile on My list instead of showing a failure', async () => {
    await app.page.goto(`${app.server.url}/list`);
    await app.page.getByRole('heading', { name: 'First, your profile' }).waitFor();
    expect(await app.page.getByRole('link', { name: 'Fill in your profile' }).isVisible()).toBe(true);
  });

  it('reads "no profile yet" from the API as 200 with null', async () => {
    const response = await fetch(`${app.server.url}/api/profile`);
    expect(response.status).toBe(200);
    expect(await response.json()).toBeNull();
  });
});
