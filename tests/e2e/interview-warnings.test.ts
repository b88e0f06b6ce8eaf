import { expect, it } from 'vitest';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

describeRequiring(
  'Applications warn of two interviews at once and of "interviewed" before the date',
  requirement,
  () => {
    const app = useAppInBrowser();
    const call = async (method: string, route: string, body?: unknown) => {
      const response = await fetch(`${app.server.url}${route}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(response.status, `${method} ${route}`).toBeLessThan(300);
      return response.json() as Promise<unknown>;
    };
    const move = (acgmeId: string, stage: string, at: string, details?: object) =>
      call('POST', `/api/applications/${acgmeId}/stage`, { stage, at, details });
    const names: string[] = [];

    it('Given interviews at 9:00 in Chicago and 10:00 in New York on 3 December, and one marked interviewed early', async () => {
      await call('POST', '/api/catalog/demo');
      const catalog = (await call('GET', '/api/programs?limit=3')) as {
        items: { acgmeId: string; name: string }[];
      };
      const [a, b, c] = catalog.items;
      if (!a || !b || !c) throw new Error('the demo catalog has fewer than 3 programs');
      names.push(a.name, b.name, c.name);
      await call('POST', '/api/applications', { acgmeIds: [a.acgmeId, b.acgmeId, c.acgmeId] });
      const slot = (startsAt: string, timeZone: string) => ({
        interview: { startsAt, timeZone, mode: 'virtual' },
      });
      for (const id of [a.acgmeId, b.acgmeId, c.acgmeId]) await move(id, 'applied', '2026-09-20T14:00:00Z');
      await move(
        a.acgmeId,
        'interview-scheduled',
        '2026-10-20T15:00:00Z',
        slot('2026-12-03T09:00:00-06:00', 'America/Chicago'),
      );
      await move(
        b.acgmeId,
        'interview-scheduled',
        '2026-10-21T15:00:00Z',
        slot('2026-12-03T10:00:00-05:00', 'America/New_York'),
      );
      await move(
        c.acgmeId,
        'interview-scheduled',
        '2026-10-22T15:00:00Z',
        slot('2026-12-10T09:00:00-06:00', 'America/Chicago'),
      );
      await move(c.acgmeId, 'interviewed', '2026-11-25T15:00:00Z');
    });

    for (const width of [1280, 375]) {
      it(`shows both warnings on the Applications page at ${width} px`, async () => {
        const page = await newPage(app.browser, width, 800);
        await page.goto(`${app.server.url}/applications`);
        const warnings = page.getByRole('region', { name: 'Check your interviews' });
        await warnings.waitFor();
        const items = await warnings.getByRole('listitem').allTextContents();
        expect(items).toHaveLength(2);
        expect(items[0]).toContain(`Two interviews at the same time: ${names[0]}`);
        expect(items[0]).toContain('Dec 3, 2026, 9:00 AM (America/Chicago)');
        expect(items[0]).toContain('Dec 3, 2026, 10:00 AM (America/New_York)');
        expect(items[1]).toContain(`${names[2]} is marked interviewed on Nov 25, 2026, before its interview`);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        await page.close();
      });
    }
  },
);
