import { expect, it } from 'vitest';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

/** UTC calendar day `offset` days from now, as the server counts days. */
const utcDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describeRequiring('"Due this week" means the same on Home and on Tasks', requirement, () => {
  const app = useAppInBrowser();

  it('counts an overdue thank-you and a feedback ask due in four days on both pages', async () => {
    // Given a resident's rotation that ended three days ago: the thank-you (due two days after) is overdue, and
    // the feedback ask (due seven days after) falls in the next 7 days; residents are not asked for letters.
    const resident = await app.api<{ id: string }>('POST', '/api/contacts', {
      name: 'Sam Ortiz',
      role: 'resident',
    });
    await app.api('POST', `/api/contacts/${resident.id}/interactions`, {
      kind: 'rotation',
      date: utcDay(-30),
      endDate: utcDay(-3),
    });

    await app.page.goto(`${app.server.url}/`);
    const homeCount = app.page.locator('dt', { hasText: 'Network tasks due this week' }).locator('+ dd');
    await expect.poll(() => homeCount.textContent(), { timeout: 30_000 }).toBe('2');
    expect(await app.page.getByText(/2 networking tasks due this week, 1 overdue\./).isVisible()).toBe(true);

    await app.page.goto(`${app.server.url}/tasks`);
    await app.page.getByText(/2 tasks due this week \(overdue, today and the next 7 days\)/).waitFor();
    const overdue = app.page.getByRole('region', { name: /Overdue/ });
    const next = app.page.getByRole('region', { name: /Next 7 days/ });
    expect(await overdue.getByRole('heading', { level: 2 }).textContent()).toBe('Overdue (1)');
    expect(await next.getByRole('heading', { level: 2 }).textContent()).toBe('Next 7 days (1)');
    expect(await overdue.getByText('Thank Sam Ortiz for the rotation').isVisible()).toBe(true);
  });
});
