import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Backup } from '../../src/core/backup/index.js';
import type { Recommendation } from '../../src/core/smartpick/recommend.js';
import { usImgProfile } from '../../src/core/smartpick/test-support.js';
import type { RunningServer } from '../../src/server/start-server.js';
import type { ApplicationView, RankListView, SeasonTimelineView } from '../../src/web/lib/api/season.js';
import { repoRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, makeDataDir, startAppServer, useAppInBrowser } from './harness.js';

const requirement = browserRequirement();

/** The JSON API of a running server, from Node (setup and cross-checks only; the test drives the UI). */
async function api<T>(server: RunningServer, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
  return (text === '' ? null : JSON.parse(text)) as T;
}

/** The next 3 December at least two days away: always in the future, always standard time in the US. */
const interviewYear = (() => {
  const now = new Date();
  const year = now.getUTCFullYear();
  return Date.UTC(year, 11, 3) - now.getTime() > 2 * 86_400_000 ? year : year + 1;
})();

/** RFC 5545 TEXT escaping, to find a program's name inside an event. */
const icsText = (text: string) => text.replace(/[\\;,]/g, (char) => `\\${char}`);

/** The VEVENTs of a calendar as property maps (lines unfolded; parameters kept in the key). */
function icsEvents(ics: string): Map<string, string>[] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return [...unfolded.matchAll(/BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT/g)].map(
    (match) =>
      new Map(
        (match[1] ?? '')
          .split('\r\n')
          .filter((line) => line !== '')
          .map((line) => {
            const colon = line.indexOf(':');
            return [line.slice(0, colon), line.slice(colon + 1)] as [string, string];
          }),
      ),
  );
}

interface ProgressReading {
  value: number;
  max: number;
}
type ProgressWindow = Window & { __progressSeen?: ProgressReading[] };

describeRequiring(
  'Application season in the browser: pipeline, rank list odds, calendar and a restored backup',
  requirement,
  () => {
    const app = useAppInBrowser();
    const profile = usImgProfile({ name: 'Dr. Amara Okafor', budget: { kind: 'programs', programs: 8 } });
    // A is walked through the pipeline in the UI; B and C reach "interviewed" through the API.
    let added = 0;
    let a = { acgmeId: '', name: '' };
    let b = { acgmeId: '', name: '' };
    let c = { acgmeId: '', name: '' };
    let backupFile = '';
    let downloads: Awaited<ReturnType<typeof makeDataDir>> | undefined;
    let freshData: Awaited<ReturnType<typeof makeDataDir>> | undefined;
    let freshServer: RunningServer | undefined;

    afterAll(async () => {
      await freshServer?.close();
      await freshData?.remove();
      await downloads?.remove();
    });

    const moveTo = async (name: string, stage: string) => {
      await app.page.getByLabel(`Move ${name} to`, { exact: true }).selectOption({ label: stage });
      await app.page.getByRole('button', { name: `Move ${name}`, exact: true }).click();
    };
    const moved = (name: string, stage: string) =>
      app.page
        .getByRole('status')
        .filter({ hasText: `Moved ${name} to ${stage}.` })
        .waitFor();
    const column = (stage: RegExp) => app.page.getByRole('region', { name: stage });

    it('adds the programs of My list to the applications', async () => {
      // Setup through the API: the profile form and the demo catalog button have their own tests.
      await api(app.server, 'PUT', '/api/profile', profile);
      await api(app.server, 'POST', '/api/catalog/demo');

      await app.page.goto(`${app.server.url}/list`);
      await app.page.getByRole('button', { name: 'Add list to applications' }).click({ timeout: 60_000 });
      const status = app.page.getByRole('status').filter({ hasText: 'added to your applications' });
      await status.waitFor();
      const [, count] = /^(\d+) programs added to your applications\./.exec(
        (await status.textContent()) ?? '',
      ) ?? ['', '0'];
      added = Number(count);
      expect(added).toBeGreaterThanOrEqual(3);

      const { applications } = await api<{ applications: ApplicationView[] }>(
        app.server,
        'GET',
        '/api/applications',
      );
      expect(applications).toHaveLength(added);
      expect(applications.every((application) => application.stage === 'saved')).toBe(true);
      const pick = (index: number) => {
        const application = applications[index];
        if (!application) throw new Error(`My list added only ${applications.length} programs`);
        return { acgmeId: application.acgmeId, name: application.program.name };
      };
      [a, b, c] = [pick(0), pick(1), pick(2)];

      await status.getByRole('link', { name: 'Open Applications' }).click();
      await app.page.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
      await app.page.getByRole('heading', { name: `Your pipeline (${added} programs)` }).waitFor();
      await column(/^Saved \(/)
        .getByRole('heading', { name: a.name, exact: true })
        .waitFor();
    });

    it('refuses an illegal move with a clear message, then walks one program to "Interviewed"', async () => {
      await moveTo(a.name, 'Interviewed');
      const alert = app.page.getByRole('alert').filter({ hasText: 'That move is not allowed' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(
        `${a.name} stays in Saved: Cannot mark interviewed before applying.`,
      );
      await column(/^Saved \(/)
        .getByRole('heading', { name: a.name, exact: true })
        .waitFor();

      await moveTo(a.name, 'Applied');
      await moved(a.name, 'Applied');
      expect(await alert.count()).toBe(0);
      // Its fee comes from the fee schedule (ERAS: $11 for each of the first 30), and can be edited.
      await app.page
        .getByText(`Moved ${a.name} to Applied. Fee $11 recorded from the fee schedule; change it with Edit.`)
        .waitFor();
      await moveTo(a.name, 'Interview invited');
      await moved(a.name, 'Interview invited');

      await moveTo(a.name, 'Interview scheduled');
      const form = app.page.getByRole('form', { name: `Schedule the interview at ${a.name}` });
      await form.waitFor();
      await form.getByLabel('Interview date and time').fill(`${interviewYear}-12-03T09:00`);
      await form.getByLabel('Time zone').fill('America/Chicago');
      await form.getByLabel('Format').selectOption('in-person');
      await form.getByRole('button', { name: 'Schedule interview' }).click();
      await moved(a.name, 'Interview scheduled');
      const card = column(/^Interview scheduled \(/)
        .getByRole('listitem')
        .filter({ hasText: a.name });
      expect(await card.textContent()).toMatch(
        new RegExp(`Dec 3, ${interviewYear}, 9:00\\sAM \\(America/Chicago\\), in person`),
      );
    });

    it('shows the scheduled interview and what is next on Home, then marks it interviewed', async () => {
      await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      const next = app.page.getByRole('region', { name: "What's next" });
      await next.waitFor();
      // Home lists what the timeline says is next (judged in the browser's zone); late in a cycle, nothing.
      const timeZone = await app.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      const timeline = await api<SeasonTimelineView>(
        app.server,
        'GET',
        `/api/season/timeline?timeZone=${encodeURIComponent(timeZone)}`,
      );
      if (timeline.next.length === 0) await next.getByText('Nothing left this cycle.').waitFor();
      else {
        await next.getByRole('listitem').first().waitFor();
        expect(await next.locator('li strong').allTextContents()).toEqual(
          timeline.next.map((item) => item.title),
        );
      }
      const upcoming = app.page.getByRole('region', { name: 'Upcoming interviews' });
      await upcoming.getByText(a.name, { exact: true }).waitFor();
      expect(await upcoming.textContent()).toMatch(/9:00\sAM \(America\/Chicago\)/);

      await app.page.goto(`${app.server.url}/applications`);
      await moveTo(a.name, 'Interviewed');
      await moved(a.name, 'Interviewed');
      await column(/^Interviewed \(/)
        .getByRole('heading', { name: a.name, exact: true })
        .waitFor();
      const { applications } = await api<{ applications: ApplicationView[] }>(
        app.server,
        'GET',
        '/api/applications',
      );
      const walked = applications.find((application) => application.acgmeId === a.acgmeId);
      expect(walked?.history.map((entry) => entry.stage)).toEqual([
        'saved',
        'applied',
        'interview-invited',
        'interview-scheduled',
        'interviewed',
      ]);
      expect(walked?.interview).toEqual({
        startsAt: `${interviewYear}-12-03T09:00:00-06:00`,
        timeZone: 'America/Chicago',
        mode: 'in-person',
      });
    });

    it('builds a rank list of three interviewed programs and simulates its odds with progress', async () => {
      // B and C reach "interviewed" through the API (docs/api.md, "Season").
      const interviews = [
        { program: b, startsAt: `${interviewYear}-12-04T10:00:00-05:00`, timeZone: 'America/New_York' },
        { program: c, startsAt: `${interviewYear}-12-07T13:00:00-08:00`, timeZone: 'America/Los_Angeles' },
      ];
      for (const { program, startsAt, timeZone } of interviews) {
        const route = `/api/applications/${program.acgmeId}/stage`;
        await api(app.server, 'POST', route, { stage: 'applied' });
        await api(app.server, 'POST', route, {
          stage: 'interview-scheduled',
          details: { interview: { startsAt, timeZone, mode: 'virtual' } },
        });
        await api(app.server, 'POST', route, { stage: 'interviewed' });
      }

      await app.page.getByRole('link', { name: 'Rank list' }).first().click();
      await app.page.getByRole('heading', { name: 'Rank list', level: 1 }).waitFor();
      await app.page.getByRole('heading', { name: 'Interviewed, not ranked (3)' }).waitFor();
      for (const program of [a, b, c]) {
        await app.page.getByRole('button', { name: `Rank ${program.name}`, exact: true }).click();
      }
      await app.page.getByRole('button', { name: `Up ${c.name}`, exact: true }).click();
      await app.page.getByText(`Moved ${c.name} to position 2 of 3.`, { exact: true }).waitFor();
      const ranked = app.page.getByRole('region', { name: /^Your rank order list/ });
      expect(await ranked.locator('.rank-name').allTextContents()).toEqual([a.name, c.name, b.name]);

      await app.page.getByRole('button', { name: 'Save rank list' }).click();
      await app.page.getByText(/^Rank list saved: 3 programs/).waitFor();
      const saved = await api<RankListView>(app.server, 'GET', '/api/rank-list');
      expect(saved.ranked.map((entry) => entry.acgmeId)).toEqual([a.acgmeId, c.acgmeId, b.acgmeId]);
      // Three is below the default minimum of ten: the list says so without blocking the save.
      expect(saved.warnings.map((warning) => warning.kind)).toContain('too-few');
      await app.page.getByText('Check your list').waitFor();

      // Record every reading of the progress bar as the page draws it: a 100-run simulation can be quick.
      await app.page.evaluate(() => {
        const seen: ProgressReading[] = [];
        (window as ProgressWindow).__progressSeen = seen;
        const read = () => {
          const bar = document.querySelector<HTMLProgressElement>(
            'progress[aria-label="Simulation progress"]',
          );
          if (bar) seen.push({ value: bar.value, max: bar.max });
        };
        new MutationObserver(read).observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      });
      await app.page.getByLabel('Runs').fill('100');
      await app.page.getByRole('button', { name: 'Simulate', exact: true }).click();
      const done = app.page.getByText(/^Simulation done: simulated P\(match\)/);
      await done.waitFor({ timeout: 150_000 });

      const readings = await app.page.evaluate(() => (window as ProgressWindow).__progressSeen ?? []);
      // The bar appeared for the 100 runs asked for, and only ever moved forward.
      expect(readings.length).toBeGreaterThan(0);
      for (const [index, reading] of readings.entries()) {
        expect(reading.max).toBe(100);
        expect(reading.value).toBeGreaterThanOrEqual(readings[index - 1]?.value ?? 0);
        expect(reading.value).toBeLessThanOrEqual(100);
      }
      expect(await app.page.getByRole('progressbar', { name: 'Simulation progress' }).count()).toBe(0);

      const headline = (await done.textContent()) ?? '';
      const odds =
        /^Simulation done: simulated P\(match\) (<1|\d{1,3})% \(95% CI (\d{1,3})–(\d{1,3})%\); P\(match\) — model (<1|\d{1,3})%\.$/.exec(
          headline,
        );
      expect(odds, headline).not.toBeNull();
      const [, , low, high, model] = odds ?? [];
      expect(Number(low)).toBeLessThanOrEqual(Number(high));
      expect(Number(high)).toBeLessThanOrEqual(100);
      // One model, one answer: the rank list's model figure is My list's "P(match) now" for these three interviews.
      const recommendation = await api<Recommendation>(app.server, 'POST', '/api/smartpick/recommend', {});
      const now = recommendation.pMatch.now;
      expect(now).toMatchObject({ interviews: 3, waiting: 0 });
      expect(`${Math.round((now?.probability ?? Number.NaN) * 100)}`).toBe(model);
      const result = app.page.getByRole('region', { name: 'Saved rank list' });
      const text = (await result.textContent()) ?? '';
      expect(text).toMatch(/Simulated Matches: P\(match\)\s*(<1|\d{1,3})%\s*95% CI .*· 100 runs/);
      expect(text).toContain('simulation error only');
      expect(text).toMatch(/P\(match\) — model\s*(<1|\d{1,3})%/);
      const chart = await result
        .getByRole('img', { name: /^Where you would match: Saved rank list: / })
        .getAttribute('aria-label');
      const order = [a, c, b].map((program, index) => chart?.indexOf(`${index + 1}. ${program.name} `) ?? -1);
      expect(order.every((at) => at > 0)).toBe(true);
      expect([...order].sort((x, y) => x - y)).toEqual(order);
      expect(chart).toMatch(/Unmatched (<1|\d{1,3})%$/);
      await result.scrollIntoViewIfNeeded();
      await app.page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot-rank-list.png') });
    });

    it('exports the season as a calendar with the interviews in UTC and the timeline', async () => {
      await app.page.goto(`${app.server.url}/season`);
      const [download] = await Promise.all([
        app.page.waitForEvent('download'),
        app.page.getByRole('link', { name: 'Download calendar (.ics)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('matchwise-season.ics');
      const ics = await readFile((await download.path()) as string, 'utf8');
      expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
      const events = icsEvents(ics);
      const byUid = (uid: string) => events.find((event) => event.get('UID') === uid);

      // 09:00 in Chicago in December is 15:00 UTC (CST, UTC-6); the interview is blocked as 4 hours.
      const interviewA = byUid(`interview-${a.acgmeId}@matchwise.local`);
      expect(interviewA?.get('SUMMARY')).toBe(`Interview: ${icsText(a.name)}`);
      expect(interviewA?.get('DTSTART')).toBe(`${interviewYear}1203T150000Z`);
      expect(interviewA?.get('DTEND')).toBe(`${interviewYear}1203T190000Z`);
      expect(interviewA?.get('DESCRIPTION')).toBe('In-person interview\\, starts 09:00 America/Chicago');
      expect(byUid(`interview-${b.acgmeId}@matchwise.local`)?.get('DTSTART')).toBe(
        `${interviewYear}1204T150000Z`,
      );
      expect(byUid(`interview-${c.acgmeId}@matchwise.local`)?.get('DTSTART')).toBe(
        `${interviewYear}1207T210000Z`,
      );

      const timeline = await api<SeasonTimelineView>(app.server, 'GET', '/api/season/timeline');
      const matchDay = timeline.items.find((item) => item.id === 'match-day');
      const matchDayEvent = events.find((event) => event.get('SUMMARY') === 'Match Day');
      expect(matchDayEvent?.get('DTSTART;VALUE=DATE')).toBe(matchDay?.date.replace(/-/g, ''));
      const timelineEvents = events.filter((event) => event.get('UID')?.startsWith('season-'));
      expect(timelineEvents).toHaveLength(timeline.items.length);
    });

    it('exports everything from the Your data page as one JSON file', async () => {
      await app.page.goto(`${app.server.url}/data`);
      await app.page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
      const [download] = await Promise.all([
        app.page.waitForEvent('download'),
        app.page.getByRole('link', { name: 'Export everything (.json)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^matchwise-backup-\d{4}-\d{2}-\d{2}\.json$/);
      downloads = await makeDataDir();
      backupFile = path.join(downloads.dir, download.suggestedFilename());
      await download.saveAs(backupFile);
      const bundle = JSON.parse(await readFile(backupFile, 'utf8')) as Backup;
      expect(bundle.format).toBe('matchwise-backup');
      expect(bundle.profile?.name).toBe('Dr. Amara Okafor');
      expect(bundle.season.applications).toHaveLength(added);
      expect(bundle.season.rankList?.ranked).toEqual([a.acgmeId, c.acgmeId, b.acgmeId]);
    });

    it('restores the file into a fresh data directory after a preview, and everything is there', async () => {
      freshData = await makeDataDir();
      const fresh = await startAppServer(freshData.dir);
      freshServer = fresh;
      await app.page.goto(`${fresh.url}/data`);
      await app.page.getByLabel(/Backup file/).setInputFiles(backupFile);
      const preview = app.page.getByRole('region', { name: 'Restore preview' });
      await preview.waitFor();
      await app.page.getByText('Nothing is saved here yet: the backup is loaded as it is.').waitFor();
      const row = (section: string) =>
        preview.getByRole('row', { name: new RegExp(`^${section} `) }).innerText();
      expect(await row('Applications')).toMatch(new RegExp(`^Applications\\s+${added}\\s+0\\s+Add$`));
      expect(await row('Rank list')).toMatch(/^Rank list\s+1\s+0\s+Add$/);
      expect(await row('Profile')).toMatch(/^Profile\s+1\s+0\s+Add$/);
      // The preview writes nothing.
      const before = await api<{ applications: ApplicationView[] }>(fresh, 'GET', '/api/applications');
      expect(before.applications).toHaveLength(0);

      await app.page.getByRole('button', { name: 'Restore this backup' }).click();
      await app.page.getByText('Restore finished.').waitFor();

      await app.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Applications' })
        .click();
      await app.page.getByRole('heading', { name: `Your pipeline (${added} programs)` }).waitFor();
      const interviewed = column(/^Interviewed \(3\)$/);
      for (const program of [a, b, c]) {
        await interviewed.getByRole('heading', { name: program.name, exact: true }).waitFor();
      }
      expect(await interviewed.getByRole('listitem').filter({ hasText: a.name }).textContent()).toMatch(
        new RegExp(`Dec 3, ${interviewYear}, 9:00\\sAM \\(America/Chicago\\), in person`),
      );
      expect(
        await column(/^Saved \(/)
          .getByRole('listitem')
          .count(),
      ).toBe(added - 3);

      await app.page.getByRole('link', { name: 'Rank list' }).first().click();
      const ranked = app.page.getByRole('region', { name: /^Your rank order list \(3\)/ });
      await ranked.waitFor();
      expect(await ranked.locator('.rank-name').allTextContents()).toEqual([a.name, c.name, b.name]);
      await app.page.getByText('Saved.', { exact: true }).waitFor();

      await app.page.goto(`${fresh.url}/profile`);
      await expect
        .poll(() => app.page.getByLabel('Name', { exact: true }).inputValue())
        .toBe('Dr. Amara Okafor');
      expect(await app.page.getByLabel('Applicant type').inputValue()).toBe('us-img');

      // And nothing was lost on the way: the fresh machine exports the same backup.
      const original = JSON.parse(await readFile(backupFile, 'utf8')) as Backup;
      const restored = await api<Backup>(fresh, 'GET', '/api/backup');
      expect({ ...restored, exportedAt: '' }).toEqual({ ...original, exportedAt: '' });
    });
  },
);
