import path from 'node:path';
import { expect, it } from 'vitest';
import { emptyProfile } from '../../src/core/profile/applicant-profile.js';
import { repoRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();
const artifacts = path.join(repoRoot, 'test-results', 'rank-list');

describeRequiring(
  'A rank-list simulation is still there after a reload, and says when the list changed',
  requirement,
  () => {
    const app = useAppInBrowser();
    const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${app.server.url}${route}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(response.status, `${method} ${route}`).toBeLessThan(300);
      return (await response.json()) as T;
    };
    let names: string[] = [];

    it('Given three interviews ranked and saved', async () => {
      const profile = emptyProfile();
      await call('PUT', '/api/profile', {
        ...profile,
        graduationYear: 2023,
        exams: { ...profile.exams, step2ck: 232 },
      });
      await call('POST', '/api/catalog/demo');
      const { items } = await call<{ items: { acgmeId: string; name: string }[] }>(
        'GET',
        '/api/programs?limit=3',
      );
      names = items.map((item) => item.name);
      const ids = items.map((item) => item.acgmeId);
      await call('POST', '/api/applications', { acgmeIds: ids });
      for (const [i, id] of ids.entries()) {
        const route = `/api/applications/${id}/stage`;
        await call('POST', route, { stage: 'applied', at: '2026-09-20T14:00:00Z' });
        await call('POST', route, {
          stage: 'interview-scheduled',
          at: '2026-10-20T14:00:00Z',
          details: {
            interview: {
              startsAt: `2026-11-1${i}T09:00:00-06:00`,
              timeZone: 'America/Chicago',
              mode: 'virtual',
            },
          },
        });
        await call('POST', route, { stage: 'interviewed', at: `2026-11-1${i}T20:00:00Z` });
      }
      await call('PUT', '/api/rank-list', { ranked: ids, wouldNotAttend: [], couples: null });
    });

    it('When simulated and the page reloaded, Then the result is still shown for the list on screen; reordering says it changed', async () => {
      const page = await newPage(app.browser, 1280, 900);
      await page.goto(`${app.server.url}/rank-list`);
      await page.getByLabel('Runs').fill('100');
      await page.getByRole('button', { name: 'Simulate', exact: true }).click();
      await page.getByText(/^Simulation done: simulated P\(match\)/).waitFor({ timeout: 150_000 });
      const before = (await page.getByRole('region', { name: 'Saved rank list' }).textContent()) ?? '';

      await page.reload();
      const kept = page.getByRole('region', { name: 'Saved rank list' });
      await kept.waitFor();
      expect(await kept.textContent()).toBe(before);
      await page.getByText(/^Simulated .* for the list on screen\.$/).waitFor();
      await page.screenshot({ path: path.join(artifacts, 'simulation-kept-1280.png'), fullPage: true });

      await page.getByRole('button', { name: `Up ${names[2]}`, exact: true }).click();
      await page.getByText(/^Your rank list has changed since this simulation/).waitFor();
      // The same browser (the result is kept in it) on a phone-sized window.
      await page.setViewportSize({ width: 375, height: 800 });
      await page.getByRole('region', { name: 'Saved rank list' }).waitFor();
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(artifacts, 'simulation-kept-375.png'), fullPage: true });
      await page.close();
    });
  },
);
