import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, newPage, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

/** UTC calendar day `offset` days from now, as the server counts days. */
const utcDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shown = (iso: string) =>
  `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;

const VCARDS = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:García;José;;Dr.;',
  'FN:José García',
  'ORG:Demo Community Hospital',
  'EMAIL:jgarcia@example.org',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Mei Chen',
  'EMAIL:mei.chen@example.org',
  'END:VCARD',
  '',
].join('\r\n');

describeRequiring('Network: contacts, playbook tasks and compose in the browser', requirement, () => {
  const app = useAppInBrowser();
  let tempDir: string | undefined;
  let acgmeId = '';
  let programName = '';
  const thankYou = 'Thank Dr. Anna Lee for the rotation';

  afterAll(async () => {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  it('adds a mentor at a demo program', async () => {
    await app.page.goto(`${app.server.url}/`);
    const program = await app.page.evaluate(async () => {
      await fetch('/api/catalog/demo', { method: 'POST' });
      const list = (await (await fetch('/api/programs')).json()) as {
        items: { acgmeId: string; name: string; city: string }[];
      };
      return list.items[0];
    });
    if (!program) throw new Error('the demo catalog has no program');
    ({ acgmeId, name: programName } = program);
    const programCity = program.city;
    await app.page.goto(`${app.server.url}/network`);

    const form = app.page.getByRole('form', { name: 'Add contact' });
    await form.getByRole('button', { name: 'Save contact' }).click();
    expect(await form.getByText('Name is required').isVisible()).toBe(true);

    await form.getByLabel('Name', { exact: true }).fill('Anna Lee');
    await form.getByLabel('Title', { exact: true }).fill('Dr.');
    await form.getByLabel('Role', { exact: true }).selectOption('mentor');
    // The program is picked from the catalog by its city: free text is no program.
    const picker = form.getByRole('combobox', { name: 'Program' });
    await picker.fill('Nowhereville');
    await form.getByText('No program in your catalog matches “Nowhereville”.').waitFor();
    await picker.fill(programCity);
    await form
      .getByRole('option', { name: new RegExp(programName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .click();
    expect(await picker.inputValue()).toContain(programName);
    await form.getByLabel('Email').fill('not-an-email');
    await form.getByLabel('Phone').click();
    expect(await form.getByText('Use an address like name@example.org').isVisible()).toBe(true);
    await form.getByLabel('Email').fill('alee@example.org');
    await form.getByRole('button', { name: 'Save contact' }).click();
    await form.getByText(/Saved Anna Lee in the inner circle/).waitFor();

    const inner = app.page.getByRole('region', { name: /Inner circle/ });
    await inner.getByRole('link', { name: 'Dr. Anna Lee' }).waitFor();
  });

  it('logs a rotation that ended yesterday and shows it on the timeline', async () => {
    await app.page
      .getByRole('region', { name: /Inner circle/ })
      .getByRole('link', { name: 'Dr. Anna Lee' })
      .click();
    await app.page.getByRole('heading', { level: 1, name: 'Dr. Anna Lee' }).waitFor();
    const form = app.page.getByRole('form', { name: 'Log an interaction' });
    await form.getByLabel('Kind').selectOption('rotation');
    await form.getByLabel('Date', { exact: true }).fill(utcDay(-28));
    await form.getByLabel('End date').fill(utcDay(-1));
    const rotationAt = form.getByRole('combobox', { name: 'Program (for a rotation)' });
    if (!(await rotationAt.inputValue()).includes(programName)) {
      await rotationAt.fill(acgmeId);
      await rotationAt.press('Enter');
    }
    expect(await rotationAt.inputValue()).toContain(programName);
    await form.getByRole('button', { name: 'Log interaction' }).click();
    await form.getByText('Rotation logged.').waitFor();
    const timeline = app.page.getByRole('list', { name: 'Timeline with Anna Lee' });
    await timeline.getByText('Rotation', { exact: true }).waitFor();
    expect(await timeline.textContent()).toContain(programName);
  });

  it('logs an email asking for feedback: it closes the feedback task, never the thank-you', async () => {
    const form = app.page.getByRole('form', { name: 'Log an interaction' });
    await form.getByLabel('Kind').selectOption('email-sent');
    await form.getByLabel('Date', { exact: true }).fill(utcDay(0));
    await form.getByLabel('What it was for').selectOption({ label: 'Asking for feedback' });
    await form.getByRole('button', { name: 'Log interaction' }).click();
    await form.getByText('Email sent logged.').waitFor();

    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
    await app.page.getByText(thankYou).first().waitFor();
    expect(await app.page.getByText('Ask Dr. Anna Lee for feedback on the rotation').count()).toBe(0);
    await app.page.goBack();
  });

  it('shows the thank-you task due tomorrow on Tasks', async () => {
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
    const week = app.page.getByRole('region', { name: /Next 7 days/ });
    const task = week.getByRole('listitem').filter({ hasText: thankYou });
    await task.waitFor();
    expect(await task.textContent()).toContain(`Due ${shown(utcDay(1))}`);
    expect(await task.getByRole('button', { name: `Done: ${thankYou}` }).isVisible()).toBe(true);
    expect(await task.getByRole('button', { name: `Snooze: ${thankYou}` }).isVisible()).toBe(true);
    expect(await task.getByRole('button', { name: `Dismiss: ${thankYou}` }).isVisible()).toBe(true);
  });

  it('composes the thank-you from its template, logs it as sent, and the task closes', async () => {
    await app.page.getByRole('link', { name: `Compose: ${thankYou}` }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Compose' }).waitFor();
    expect(await app.page.getByLabel('Template').inputValue()).toBe('rotation-thank-you');
    await app.page.getByText('Missing before this can be sent:').waitFor();
    expect(await app.page.getByRole('button', { name: 'Log as sent' }).isDisabled()).toBe(true);

    // No profile is saved in this suite, so Compose asks for the sender's name too.
    const missing = app.page.locator('.alert-warning');
    expect(await missing.textContent()).toContain('Something specific you learned');
    expect(await missing.textContent()).toContain('Your name');
    await app.page.getByLabel('Something specific you learned').fill('How to run a group prenatal visit.');
    await app.page.getByLabel('Your name').fill('José Álvarez');
    const subject = app.page.getByTestId('preview-subject');
    await subject.waitFor();
    expect(await subject.textContent()).toBe(`Thank you for my rotation at ${programName}`);
    const body = (await app.page.getByTestId('preview-body').textContent()) ?? '';
    expect(body).toMatch(/^Dear Dr\. Lee,/);
    expect(body).toContain('How to run a group prenatal visit.');
    expect(body).toMatch(/José Álvarez$/);
    expect(body).not.toMatch(/undefined|\{\{/);
    const mailto = await app.page.getByRole('link', { name: 'Open in mail app' }).getAttribute('href');
    expect(mailto).toMatch(/^mailto:alee@example\.org\?subject=Thank%20you/);

    const [eml] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('button', { name: 'Download .eml' }).click(),
    ]);
    expect(eml.suggestedFilename()).toBe('rotation-thank-you-anna-lee.eml');
    const message = await readFile((await eml.path()) as string, 'utf8');
    expect(message).toMatch(/^To: .*alee@example\.org/m);
    expect(message).toMatch(/^Subject: /m);

    await app.page.getByRole('button', { name: 'Log as sent' }).click();
    await app.page.getByText(/Logged as sent/).waitFor();

    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
    await app.page.getByRole('region', { name: /Next 7 days/ }).waitFor();
    expect(await app.page.getByText(thankYou).count()).toBe(0);
    expect(await app.page.getByText('Ask Dr. Anna Lee for a letter of recommendation').count()).toBe(1);

    await app.page.goto(`${app.server.url}/network`);
    await app.page
      .getByRole('region', { name: /Inner circle/ })
      .getByRole('link', { name: 'Dr. Anna Lee' })
      .click();
    const timeline = app.page.getByRole('list', { name: 'Timeline with Anna Lee' });
    // The feedback ask logged earlier and this thank-you: two emails on the timeline.
    await expect
      .poll(() => timeline.getByText('Email sent', { exact: true }).count(), { timeout: 30_000 })
      .toBe(2);
    expect(await timeline.textContent()).toContain(`Thank you for my rotation at ${programName}`);
  });

  it('imports a vCard file with a preview first', async () => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-vcf-'));
    const file = path.join(tempDir, 'contacts.vcf');
    await writeFile(file, VCARDS, 'utf8');
    await app.page.goto(`${app.server.url}/network`);
    await app.page.getByLabel('Contacts file (LinkedIn CSV or vCard)').setInputFiles(file);
    const importButton = app.page.getByRole('button', { name: /^Import / });
    await importButton.waitFor();
    expect(await importButton.textContent()).toBe('Import 2 contacts');
    expect(await app.page.getByRole('region', { name: 'Import contacts' }).textContent()).toContain(
      'José García',
    );
    await importButton.click();
    await app.page.getByText(/Imported 2 contacts into the outer circle/).waitFor();
    const outer = app.page.getByRole('region', { name: /Outer circle/ });
    await outer.getByRole('link', { name: /Mei Chen/ }).waitFor();
    expect(await outer.getByRole('link', { name: /José García/ }).count()).toBe(1);
  });

  it('exports the open tasks as an ICS calendar', async () => {
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('link', { name: 'Export calendar (ICS)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('matchwise-tasks.ics');
    const ics = (await readFile((await download.path()) as string, 'utf8')).replace(/\r\n[ \t]/g, '');
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics).toContain('SUMMARY:Ask Dr. Anna Lee for a letter of recommendation');
    expect(ics).not.toContain(`SUMMARY:${thankYou}`);
  });

  it('fits a 375 px phone screen on every Network page', async () => {
    const phone = await newPage(app.browser, 375, 800);
    for (const route of [
      '/network',
      '/tasks',
      '/compose?template=rotation-thank-you',
      '/letters',
      '/events',
    ]) {
      await phone.goto(`${app.server.url}${route}`);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, route).toBeLessThanOrEqual(0);
    }
    await phone.context().close();
  });
});
