import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Backup } from '../../src/core/backup/index.js';
import { regionOf } from '../../src/core/geo/census.js';
import type { RunningServer } from '../../src/server/start-server.js';
import type { ApplicationList } from '../../src/web/lib/api/season.js';
import { repoRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, launchBrowser, makeDataDir, newPage, startAppServer } from './harness.js';

/**
 * A new applicant's first week (issue 11), by clicks and typing only, at a laptop's width and a phone's: a US
 * IMG with Step 2 CK 232, graduated 2023, 3 months of hands-on USCE, no visa, $2,000 for applications, who wants
 * the Northeast or the Midwest. Each step asserts what the page shows and saves a screenshot under
 * test-results/first-week/<width>/ (git-ignored; CI keeps it as an artifact). The API is read only to check
 * that what the page shows is what was saved.
 */

const SHOTS = path.join(repoRoot, 'test-results', 'first-week');
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
] as const;

/** UTC calendar day `offset` days from now, as the server counts days. */
const utcDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** "12%", "<1%" or ">99%" as the pages print a probability, back to a number of percent (bounds as given). */
const percent = (text: string) => Number(text.replace(/[<>%]/g, ''));

const dollars = (text: string) => Number(text.replace(/[$,]/g, ''));

async function read(download: Download): Promise<string> {
  return readFile((await download.path()) as string, 'utf8');
}

for (const { width, height } of WIDTHS) {
  describeRequiring(`A new applicant's first week at ${width} px`, browserRequirement(), () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let data: Awaited<ReturnType<typeof makeDataDir>>;
    let step = 0;
    const programs: { acgmeId: string; name: string; city: string; state: string }[] = [];
    let listSize = 0;

    beforeAll(async () => {
      data = await makeDataDir();
      server = await startAppServer(data.dir);
      browser = await launchBrowser();
      page = await newPage(browser, width, height);
      await mkdir(path.join(SHOTS, String(width)), { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await data?.remove();
    });

    const shot = async (name: string) => {
      step += 1;
      await page.screenshot({
        path: path.join(SHOTS, String(width), `${String(step).padStart(2, '0')}-${name}.png`),
        fullPage: true,
      });
    };
    const nav = (name: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
    const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
    const noSidewaysScroll = async () =>
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
    const column = (stage: RegExp) => page.getByRole('region', { name: stage });
    const moveTo = async (name: string, stage: string) => {
      await page.getByLabel(`Move ${name} to`, { exact: true }).selectOption({ label: stage });
      await page.getByRole('button', { name: `Move ${name}`, exact: true }).click();
    };
    const moved = (name: string, stage: string) =>
      page.getByText(new RegExp(`^Moved ${escape(name)} to ${stage}\\.`)).waitFor();
    /** Types the program's name into a catalog picker and chooses it from the matches. */
    const pickProgram = async (scope: Locator, label: string, program: (typeof programs)[number]) => {
      const box = scope.getByRole('combobox', { name: label });
      const chosen = `${program.name} — ${program.city}, ${program.state}`;
      if ((await box.inputValue()) === chosen) return;
      await box.fill(program.name);
      await scope
        .getByRole('option', { name: new RegExp(`^${escape(program.name)} `) })
        .first()
        .click();
      expect(await box.inputValue()).toBe(chosen);
    };
    const download = async (link: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: link }).click(),
      ]);
      return file;
    };

    it('fills the profile step by step and saves it', async () => {
      await page.goto(server.url);
      await heading(/./);
      await nav('Profile');
      await heading('Your profile');
      await page.getByLabel('Name', { exact: true }).fill('Dr. Leila Haddad');
      await page.getByLabel('Applicant type').selectOption('us-img');
      await page.getByLabel('Visa you need for residency').selectOption('none');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('USMLE Step 2 CK score').fill('232');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Graduation year').fill('2023');
      await page.getByLabel('Hands-on months').fill('3');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Next' }).click();
      const regions = page.getByRole('group', { name: 'Preferred regions (Census regions)' });
      await regions.getByLabel('Northeast', { exact: true }).check();
      await regions.getByLabel('Midwest', { exact: true }).check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('group', { name: 'Budget as' }).getByLabel('Dollars').check();
      await page.getByLabel('Budget in U.S. dollars').fill('2000');
      await noSidewaysScroll();
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page
        .getByText(/Profile saved/)
        .first()
        .waitFor();
      await shot('profile');

      const saved = (await (await fetch(`${server.url}/api/profile`)).json()) as {
        profile: Record<string, unknown>;
      };
      expect(saved.profile).toMatchObject({
        name: 'Dr. Leila Haddad',
        applicantType: 'us-img',
        visaNeed: 'none',
        graduationYear: 2023,
        exams: { step2ck: 232 },
        usce: { handsOnMonths: 3 },
        geography: { preferredRegions: ['Northeast', 'Midwest'] },
        budget: { kind: 'dollars', dollars: 2000 },
      });
    });

    it('loads the synthetic demo catalog from Home', async () => {
      await nav('Home');
      await page.getByRole('button', { name: /Load demo catalog/ }).click();
      const loaded = page.getByText(/^Demo catalog loaded: [\d,]+ synthetic programs added/);
      await loaded.waitFor({ timeout: 60_000 });
      const [, added] = /loaded: ([\d,]+) synthetic/.exec((await loaded.textContent()) ?? '') ?? [];
      expect(Number(added?.replace(/,/g, ''))).toBeGreaterThan(100);
      await noSidewaysScroll();
      await shot('demo-catalog');
    });

    it('opens My list: P(match) for what $2,000 buys, inside its range, in the places asked for', async () => {
      await nav('My list');
      await heading('My list');
      const chances = page.getByRole('region', { name: 'Your chances' });
      await chances.waitFor({ timeout: 60_000 });
      const text = (await chances.textContent()) ?? '';
      const figure =
        /P\(match\) for the budget’s list\s*([<>\d.]+%)\s*\(model range ([<>\d.]+)%?–([<>\d.]+)%\)/.exec(
          text,
        );
      expect(figure, text).not.toBeNull();
      const [, pMatch = '', low = '', high = ''] = figure ?? [];
      expect(percent(low)).toBeLessThanOrEqual(percent(pMatch));
      expect(percent(pMatch)).toBeLessThanOrEqual(percent(high));
      // One budget: the profile's $2,000 is what My list spends.
      expect(await page.getByLabel('Budget (dollars)').inputValue()).toBe('2000');
      const [, size = '0'] = /apply to the (\d+) programs? below/.exec(text) ?? [];
      listSize = Number(size);
      expect(listSize).toBeGreaterThan(10);
      expect(text).toContain(`Programs on the list${listSize}`);
      const [, cost = ''] = /Application cost(\$[\d,]+)/.exec(text) ?? [];
      expect(dollars(cost)).toBeGreaterThan(0);
      expect(dollars(cost)).toBeLessThanOrEqual(2000);
      // Nothing sent yet, so nothing for "P(match) now" to count.
      expect(text).not.toContain('P(match) now');
      expect(await page.getByRole('group', { name: 'My places' }).textContent()).toMatch(
        /Your places: Northeast(,| and) Midwest/,
      );
      expect(await page.getByText('synthetic').first().isVisible()).toBe(true);
      await noSidewaysScroll();
      await shot('my-list');
    });

    it('adds the list to applications and picks three programs to follow', async () => {
      await page.getByRole('button', { name: 'Add list to applications' }).click();
      const status = page.getByRole('status').filter({ hasText: 'added to your applications' });
      await status.waitFor();
      expect(await status.textContent()).toContain(`${listSize} programs added to your applications`);
      const { applications } = (await (
        await fetch(`${server.url}/api/applications`)
      ).json()) as ApplicationList;
      expect(applications).toHaveLength(listSize);
      // Three programs in the places she asked for.
      const wanted = applications.filter((a) =>
        ['Northeast', 'Midwest'].includes(regionOf(a.program.state) ?? ''),
      );
      programs.push(...wanted.slice(0, 3).map((a) => ({ acgmeId: a.acgmeId, ...a.program })));
      expect(programs).toHaveLength(3);
    });

    it('adds a mentor at the first program and logs the rotation that ended yesterday', async () => {
      const [first] = programs;
      if (!first) throw new Error('no program on the list');
      await nav('Network');
      await heading('Network');
      const form = page.getByRole('form', { name: 'Add contact' });
      await form.getByLabel('Name', { exact: true }).fill('Samuel Okoye');
      await form.getByLabel('Title', { exact: true }).fill('Dr.');
      await form.getByLabel('Role', { exact: true }).selectOption('mentor');
      await pickProgram(form, 'Program', first);
      await form.getByLabel('Email').fill('sokoye@example.org');
      await form.getByRole('button', { name: 'Save contact' }).click();
      await form.getByText(/Saved Samuel Okoye in the inner circle/).waitFor();
      await noSidewaysScroll();
      await shot('contact');

      await page
        .getByRole('region', { name: /Inner circle/ })
        .getByRole('link', { name: 'Dr. Samuel Okoye' })
        .click();
      await heading('Dr. Samuel Okoye');
      const log = page.getByRole('form', { name: 'Log an interaction' });
      await log.getByLabel('Kind').selectOption('rotation');
      await log.getByLabel('Date', { exact: true }).fill(utcDay(-28));
      await log.getByLabel('End date').fill(utcDay(-1));
      await pickProgram(log, 'Program (for a rotation)', first);
      await log.getByRole('button', { name: 'Log interaction' }).click();
      await log.getByText('Rotation logged.').waitFor();
      const timeline = page.getByRole('list', { name: 'Timeline with Samuel Okoye' });
      await timeline.getByText('Rotation', { exact: true }).waitFor();
      expect(await timeline.textContent()).toContain(first.name);
      await noSidewaysScroll();
      await shot('rotation');

      await nav('Tasks');
      await heading('Tasks');
      await page.getByText('Thank Dr. Samuel Okoye for the rotation').first().waitFor();
      await shot('tasks');
    });

    it('sends three applications and takes two to an interview invitation', async () => {
      await nav('Applications');
      await heading('Applications');
      await page.getByRole('heading', { name: `Your pipeline (${listSize} programs)` }).waitFor();
      let fees = 0;
      for (const { name } of programs) {
        await moveTo(name, 'Applied');
        const message = page.getByText(new RegExp(`^Moved ${escape(name)} to Applied\\.`));
        await message.waitFor();
        const [, fee = ''] =
          /Fee (\$[\d,]+) recorded from the fee schedule/.exec((await message.textContent()) ?? '') ?? [];
        expect(fee).not.toBe('');
        fees += dollars(fee);
      }
      for (const { name } of programs.slice(0, 2)) {
        await moveTo(name, 'Interview invited');
        await moved(name, 'Interview invited');
      }
      // The totals add up what the page said each application cost, against the profile's $2,000.
      const totals = page.getByRole('region', { name: 'Season totals' });
      const spent = totals.getByRole('definition').nth(3);
      expect(dollars((await spent.textContent()) ?? '')).toBe(fees);
      expect(await totals.textContent()).toContain(
        `$${fees.toLocaleString('en-US')} of $2,000 spent — $${(2000 - fees).toLocaleString('en-US')} left`,
      );
      await noSidewaysScroll();
      await shot('applications');
    });

    it('schedules both interviews (this week, past) and marks them interviewed', async () => {
      const interviews = [
        { program: programs[0], at: `${utcDay(-3)}T09:00` },
        { program: programs[1], at: `${utcDay(-2)}T13:30` },
      ];
      for (const { program, at } of interviews) {
        if (!program) throw new Error('two programs are needed');
        await moveTo(program.name, 'Interview scheduled');
        const form = page.getByRole('form', { name: `Schedule the interview at ${program.name}` });
        await form.waitFor();
        // The zone is the program's, filled in: the applicant only checks it.
        expect(await form.getByLabel('Time zone').inputValue()).toMatch(/^America\/[A-Za-z_]+$/);
        await form.getByLabel('Interview date and time').fill(at);
        await form.getByLabel('Format').selectOption('virtual');
        await form.getByRole('button', { name: 'Schedule interview' }).click();
        await moved(program.name, 'Interview scheduled');
      }
      await shot('interviews-scheduled');
      for (const { program } of interviews) {
        if (!program) continue;
        await moveTo(program.name, 'Interviewed');
        await moved(program.name, 'Interviewed');
        await column(/^Interviewed \(/)
          .getByRole('heading', { name: program.name, exact: true })
          .waitFor();
      }
      // Both interviews were before today and hours apart: nothing to warn about.
      expect(await page.getByRole('heading', { name: 'Check your interviews' }).count()).toBe(0);
      await noSidewaysScroll();
      await shot('interviewed');
    });

    it('ranks the two interviewed programs, second first, and simulates the Match', async () => {
      const [a, b] = programs;
      if (!a || !b) throw new Error('two programs are needed');
      await page.getByRole('link', { name: 'Rank list' }).first().click();
      await heading('Rank list');
      await page.getByRole('heading', { name: 'Interviewed, not ranked (2)' }).waitFor();
      await page.getByRole('button', { name: `Rank ${a.name}`, exact: true }).click();
      await page.getByRole('button', { name: `Rank ${b.name}`, exact: true }).click();
      await page.getByRole('button', { name: `Up ${b.name}`, exact: true }).click();
      await page.getByText(`Moved ${b.name} to position 1 of 2.`, { exact: true }).waitFor();
      const ranked = page.getByRole('region', { name: /^Your rank order list/ });
      expect(await ranked.locator('.rank-name').allTextContents()).toEqual([b.name, a.name]);
      await page.getByRole('button', { name: 'Save rank list' }).click();
      await page.getByText(/^Rank list saved: 2 programs/).waitFor();

      await page.getByLabel('Runs').fill('100');
      await page.getByRole('button', { name: 'Simulate', exact: true }).click();
      const done = page.getByText(/^Simulation done: simulated P\(match\)/);
      await done.waitFor({ timeout: 120_000 });
      const headline = (await done.textContent()) ?? '';
      const odds =
        /simulated P\(match\) ([<>\d]+%) \(95% CI ([<>\d]+)–([<>\d]+)%\); P\(match\) — model ([<>\d]+%)\.$/.exec(
          headline,
        );
      expect(odds, headline).not.toBeNull();
      const [, simulated = '', low = '', high = '', model = ''] = odds ?? [];
      expect(percent(low)).toBeLessThanOrEqual(percent(simulated));
      expect(percent(simulated)).toBeLessThanOrEqual(percent(high));
      await noSidewaysScroll();
      await shot('rank-list');

      // My list's "P(match) now" also counts the third application, still waiting to hear: at least as high.
      await nav('My list');
      const now = page.getByRole('region', { name: 'Your chances' }).locator('.chance-now');
      await now.waitFor({ timeout: 60_000 });
      expect(await now.textContent()).toContain('2 interviews, 1 waiting to hear, 0 out');
      expect(percent((await now.locator('strong').textContent()) ?? '')).toBeGreaterThanOrEqual(
        percent(model),
      );
      await shot('my-list-now');

      // Withdrawn from the third, the season is the two interviews: one model, one number on both pages.
      const c = programs[2];
      if (!c) throw new Error('three programs are needed');
      await nav('Applications');
      await moveTo(c.name, 'Withdrawn');
      await moved(c.name, 'Withdrawn');
      await nav('My list');
      await expect
        .poll(() => now.textContent(), { timeout: 60_000 })
        .toContain('2 interviews, 0 waiting to hear, 1 out');
      expect(await now.locator('strong').textContent()).toBe(model);
      await shot('my-list-withdrawn');
    });

    it('exports everything: the backup, the season calendar and the list', async () => {
      const [a, b] = programs;
      await nav('Your data');
      await heading('Your data');
      const backup = JSON.parse(await read(await download('Export everything (.json)'))) as Backup;
      expect(backup.profile).toMatchObject({ name: 'Dr. Leila Haddad', exams: { step2ck: 232 } });
      expect(backup.season.applications).toHaveLength(listSize);
      expect(backup.season.rankList?.ranked).toEqual([b?.acgmeId, a?.acgmeId]);
      expect(backup.network.contacts.map((contact) => contact.name)).toEqual(['Samuel Okoye']);
      await shot('data');

      await page.goto(`${server.url}/season`);
      await heading(/./);
      const ics = await read(await download('Download calendar (.ics)'));
      expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      for (const program of [a, b])
        expect(ics).toContain(`UID:interview-${program?.acgmeId}@matchwise.local`);
      await shot('season');

      await nav('My list');
      const csv = await read(await download('Export CSV'));
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]?.startsWith('position,acgme_id,program,')).toBe(true);
      expect(lines).toHaveLength(listSize + 1);
    });
  });
}

/** A program name inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
