import { expect, it } from 'vitest';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

interface ProfileRecord {
  profile: { applicantType: string; exams: { step2ck: number | null } };
}

describeRequiring(
  'The profile saves each step, and asks before leaving with unsaved changes',
  requirement,
  () => {
    const app = useAppInBrowser();
    const saved = async () =>
      (await (await fetch(`${app.server.url}/api/profile`)).json()) as ProfileRecord | null;

    for (const width of [1280, 375]) {
      it(`at ${width} px: Next saves the step; leaving mid-step asks, Cancel stays with the typing kept`, async () => {
        const page = await newPage(app.browser, width, 800);
        await page.goto(`${app.server.url}/profile`);
        await page.getByLabel('Applicant type').selectOption(width === 1280 ? 'us-img' : 'non-us-img');
        await page.getByRole('button', { name: 'Next' }).click();
        await page.getByText(/^Profile saved/).waitFor();
        expect((await saved())?.profile.applicantType).toBe(width === 1280 ? 'us-img' : 'non-us-img');

        // Type a score, then leave by the main navigation without pressing Next.
        await page.getByLabel('USMLE Step 2 CK score').fill(width === 1280 ? '232' : '233');
        const messages: string[] = [];
        page.once('dialog', (dialog) => {
          messages.push(dialog.message());
          void dialog.dismiss();
        });
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Programs', exact: true })
          .click();
        await expect.poll(() => messages.length).toBe(1);
        expect(messages[0]).toContain('not saved yet');
        expect(new URL(page.url()).pathname).toBe('/profile');
        expect(await page.getByLabel('USMLE Step 2 CK score').inputValue()).toBe(
          width === 1280 ? '232' : '233',
        );

        // Next saves it; then leaving asks nothing.
        await page.getByRole('button', { name: 'Next' }).click();
        await expect
          .poll(async () => (await saved())?.profile.exams.step2ck)
          .toBe(width === 1280 ? 232 : 233);
        page.once('dialog', (dialog) => {
          messages.push(dialog.message());
          void dialog.dismiss();
        });
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Programs', exact: true })
          .click();
        await page.waitForURL(/\/programs$/);
        expect(messages).toHaveLength(1);
        await page.close();
      });
    }
  },
);
