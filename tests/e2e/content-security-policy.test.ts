import type { ConsoleMessage } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeRequiring } from '../support/required-suite.js';
import { APP_PAGES } from './app-pages.js';
import { browserRequirement, useAppInBrowser } from './harness.js';

const isViolation = (message: ConsoleMessage) => /Content Security Policy/i.test(message.text());

describeRequiring('The web app under its Content-Security-Policy', browserRequirement(), () => {
  const app = useAppInBrowser();

  it('renders every page with no CSP violation and no page error', async () => {
    await fetch(`${app.server.url}/api/catalog/demo`, { method: 'POST' });
    const violations: string[] = [];
    const errors: string[] = [];
    app.page.on('console', (message) => {
      if (isViolation(message)) violations.push(`${app.page.url()}: ${message.text()}`);
    });
    app.page.on('pageerror', (error) => errors.push(`${app.page.url()}: ${error.message}`));

    for (const path of APP_PAGES) {
      const response = await app.page.goto(`${app.server.url}${path}`, { waitUntil: 'networkidle' });
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await app.page.locator('main h1, h1').first().waitFor();
    }
    // The Programs map is drawn as SVG from the bundled atlas; it must have drawn its states.
    await app.page.goto(`${app.server.url}/programs`, { waitUntil: 'networkidle' });
    await expect.poll(() => app.page.locator('svg path').count()).toBeGreaterThan(40);

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('does refuse what it should: an injected inline script does not run, and the browser reports it', async () => {
    await app.page.goto(app.server.url, { waitUntil: 'networkidle' });
    const reported = app.page.waitForEvent('console', isViolation);
    const ran = await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect((await reported).text()).toContain("script-src 'self'");
  });
});
