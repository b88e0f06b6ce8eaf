import { expect, it } from 'vitest';
import { usImgProfile } from '../../src/core/smartpick/test-support.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

describeRequiring('Letters: one count on the profile, Home and Letters', requirement, () => {
  const app = useAppInBrowser();

  it('counts the profile’s 3 letters everywhere while the Letters board is empty, and says where from', async () => {
    // Given a profile with 3 letters, 2 from U.S. physicians and 2 in family medicine, and an empty board
    const response = await fetch(`${app.server.url}/api/profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...usImgProfile(), letters: { total: 3, us: 2, inSpecialty: 2 } }),
    });
    expect(response.status).toBe(200);
    const counted = '3 letters (2 U.S., 2 family medicine), from your profile';

    await app.page.goto(`${app.server.url}/`);
    await app.page.getByText(counted).first().waitFor();
    expect(await app.page.getByText('You still need').count()).toBe(0);

    await app.page.goto(`${app.server.url}/letters`);
    await app.page.getByText(counted).first().waitFor();
    expect(await app.page.getByText('You still need').count()).toBe(0);

    await app.page.goto(`${app.server.url}/profile`);
    for (let step = 0; step < 4; step++) {
      if (await app.page.getByLabel('Letters in total').isVisible()) break;
      await app.page.getByRole('button', { name: 'Next' }).click();
    }
    expect(await app.page.getByLabel('Letters in total').inputValue()).toBe('3');
    expect(await app.page.getByTestId('letter-source').textContent()).toContain(
      'SmartPick, Home and Letters count these numbers until you add letters',
    );
  });
});
