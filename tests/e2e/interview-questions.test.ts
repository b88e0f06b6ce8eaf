import { expect, it } from 'vitest';
import { emptyProfile } from '../../src/core/profile/applicant-profile.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

describeRequiring('The interview question bank follows the profile', requirement, () => {
  const app = useAppInBrowser();
  const saveProfile = async (visaNeed: 'none' | 'j1', applicantType: 'us-img' | 'non-us-img') => {
    const response = await fetch(`${app.server.url}/api/profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...emptyProfile(), applicantType, visaNeed, graduationYear: 2023 }),
    });
    expect(response.status).toBe(200);
  };
  const bankText = async (width: number) => {
    const page = await newPage(app.browser, width, 800);
    await page.goto(`${app.server.url}/interview-prep`);
    const bank = page.getByRole('region', { name: 'Question bank' });
    await bank.getByRole('heading', { name: /^Behavioural/ }).waitFor();
    const text = (await bank.textContent()) ?? '';
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.close();
    return { text, overflow };
  };

  it('Given a U.S.-citizen IMG who needs no visa, Then no question asks about visas, at 1280 and 375 px', async () => {
    await saveProfile('none', 'us-img');
    for (const width of [1280, 375]) {
      const { text, overflow } = await bankText(width);
      expect(text).not.toMatch(/visa situation/);
      expect(text).toContain('There is a gap since you graduated.');
      expect(text).toMatch(/Chosen for your profile: \d+ questions that would not be asked of you/);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });

  it('When the profile says a J-1 visa is needed, Then the visa question is there', async () => {
    await saveProfile('j1', 'non-us-img');
    const { text } = await bankText(1280);
    expect(text).toContain('How will your visa situation affect your training here?');
  });
});
