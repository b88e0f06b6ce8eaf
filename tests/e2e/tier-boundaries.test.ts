import { expect, it } from 'vitest';
import { usImgProfile } from '../../src/core/smartpick/test-support.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

/** The inclusive range of whole percentages a tier's description states. */
function rangeOf(description: string): [number, number] {
  const below = /below (\d+)%/.exec(description);
  if (below) return [0, Number(below[1]) - 1];
  const between = /from (\d+)% to (\d+)%/.exec(description);
  if (between) return [Number(between[1]), Number(between[2])];
  const from = /(\d+)% or more/.exec(description);
  if (from) return [Number(from[1]), 100];
  throw new Error(`no range in "${description}"`);
}

describeRequiring(
  'My list: every tier label agrees with the P(interview) shown and its heading',
  requirement,
  () => {
    const app = useAppInBrowser();

    it('puts each listed program in the tier whose description holds its shown P(interview)', async () => {
      const send = (method: string, route: string, body?: unknown) =>
        fetch(`${app.server.url}${route}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      // The applicant: Step 2 CK 232, graduated 2023, 3 months of hands-on USCE, no visa, 60 programs.
      const profile = usImgProfile();
      await send('PUT', '/api/profile', {
        ...profile,
        exams: { ...profile.exams, step2ck: 232 },
        graduationYear: 2023,
        budget: { kind: 'programs', programs: 60 },
      });
      await send('POST', '/api/catalog/demo');

      await app.page.goto(`${app.server.url}/list`);
      const table = app.page.locator('table.list-table');
      await table.locator('tbody tr').first().waitFor({ timeout: 120_000 });

      const key = app.page.locator('dl.tier-key > div');
      const ranges = new Map<string, [number, number]>();
      for (const entry of await key.all()) {
        const label = ((await entry.locator('dt').textContent()) ?? '').trim();
        ranges.set(label, rangeOf((await entry.locator('dd').textContent()) ?? ''));
      }
      expect([...ranges.keys()]).toEqual(['Reach', 'Target', 'Likely']);

      const rows = await table.locator('tbody tr:has(td[data-label="Tier"])').all();
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) {
        const tier = ((await row.locator('td[data-label="Tier"]').textContent()) ?? '').trim();
        const shown = (await row.locator('td[data-label="P(interview)"]').textContent()) ?? '';
        const points = Number(/^(\d+(?:\.\d+)?)%/.exec(shown)?.[1]);
        const range = ranges.get(tier);
        if (range === undefined) continue; // a pinned program a rule excludes has no tier
        expect(Math.round(points), `${tier} at ${shown}`).toBeGreaterThanOrEqual(range[0]);
        expect(Math.round(points), `${tier} at ${shown}`).toBeLessThanOrEqual(range[1]);
      }
    });
  },
);
