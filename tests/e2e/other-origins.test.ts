import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/start-server.js';
import { webRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, launchBrowser, makeDataDir, newPage } from './harness.js';

/** A made-up name Chromium resolves to this machine, as an attacker's DNS would after rebinding. */
const REBOUND_NAME = 'rebind.matchwise.test';

interface ContactList {
  items: { name: string }[];
}

/** One API answer as the server logged it: what it really said, which another page is not allowed to see. */
interface Answer {
  method: string;
  path: string;
  status: number;
}

/**
 * Another web page the applicant has open: a second origin on this machine (another port of 127.0.0.1, what
 * any local dev server or a compromised package's page would be). It holds the classic form that smuggles JSON
 * in a text/plain body.
 */
function otherSitePage(api: string): string {
  return `<!doctype html>
<html><head><title>Another site</title></head><body>
<form id="csrf" method="POST" enctype="text/plain" action="${api}/api/contacts">
  <input type="hidden" name='{"name":"Mallory (form)","role":"faculty","x":"' value='"}'>
</form>
</body></html>`;
}

async function startOtherSite(api: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(otherSitePage(api));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describeRequiring('Other web pages cannot reach Matchwise', browserRequirement(), () => {
  let data: Awaited<ReturnType<typeof makeDataDir>>;
  let app: RunningServer;
  let other: Awaited<ReturnType<typeof startOtherSite>>;
  let browser: Browser;
  let page: Page;

  const answers: Answer[] = [];

  const contacts = async () => (await (await fetch(`${app.url}/api/contacts`)).json()) as ContactList;
  /** Runs `attempt` in the page and gives what the page saw and every API answer the server gave meanwhile. */
  const onOtherSite = async <T>(
    attempt: (api: string) => Promise<T>,
    expectedAnswers = 1,
  ): Promise<{ seenByPage: T; answered: Answer[] }> => {
    await page.goto(other.url);
    const from = answers.length;
    const seenByPage = await page.evaluate(attempt, app.url);
    await expect.poll(() => answers.length - from).toBeGreaterThanOrEqual(expectedAnswers);
    return { seenByPage, answered: answers.slice(from) };
  };

  beforeAll(async () => {
    data = await makeDataDir();
    const logger = pino(
      { level: 'info' },
      {
        write(line: string) {
          const entry = JSON.parse(line) as Answer & { msg: string };
          if (entry.msg === 'request')
            answers.push({ method: entry.method, path: entry.path, status: entry.status });
        },
      },
    );
    app = await startServer({ host: '127.0.0.1', port: 0, database: { dataDir: data.dir }, logger, webRoot });
    other = await startOtherSite(app.url);
    browser = await launchBrowser([`--host-resolver-rules=MAP ${REBOUND_NAME} 127.0.0.1`]);
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => other?.server.close(resolve));
    await app?.close();
    await data?.remove();
  });

  it('lets Matchwise’s own page create a contact (the same request the others will try)', async () => {
    await page.goto(app.url);
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/contacts', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Dr. Maria Lopez', role: 'faculty' }),
      });
      return response.status;
    });
    expect(status).toBe(201);
    expect((await contacts()).items.map((contact) => contact.name)).toEqual(['Dr. Maria Lopez']);
  });

  it('refuses a no-cors text/plain POST from another origin (what needs no preflight)', async () => {
    const { seenByPage, answered } = await onOtherSite(async (api) => {
      try {
        const response = await fetch(`${api}/api/contacts`, {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ name: 'Mallory (no-cors)', role: 'faculty' }),
        });
        return response.type;
      } catch (error) {
        // Cross-Origin-Resource-Policy: same-origin withholds even the opaque answer.
        return (error as Error).name;
      }
    });
    expect(answered).toEqual([{ method: 'POST', path: '/api/contacts', status: 403 }]);
    expect(seenByPage).toBe('TypeError');
  });

  it('never sends a JSON POST from another origin: the browser asks first and the server does not agree', async () => {
    const { seenByPage, answered } = await onOtherSite(async (api) => {
      try {
        await fetch(`${api}/api/contacts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Mallory (json)', role: 'faculty' }),
        });
        return 'sent';
      } catch (error) {
        return (error as Error).name;
      }
    });
    // Only the CORS preflight arrives, and it is refused; the POST itself is never sent.
    expect(answered).toEqual([{ method: 'OPTIONS', path: '/api/contacts', status: 403 }]);
    expect(seenByPage).toBe('TypeError');
  });

  it('cannot read the backup from another origin, with or without CORS', async () => {
    const { seenByPage, answered } = await onOtherSite(async (api) => {
      const read = async (mode: RequestMode) => {
        try {
          return await (await fetch(`${api}/api/backup`, { mode })).text();
        } catch (error) {
          return (error as Error).name;
        }
      };
      return [await read('cors'), await read('no-cors')];
    }, 2);
    expect(answered).toEqual([
      { method: 'GET', path: '/api/backup', status: 403 },
      { method: 'GET', path: '/api/backup', status: 403 },
    ]);
    expect(seenByPage).toEqual(['TypeError', 'TypeError']);
  });

  it('refuses a form POST from another origin, even one that smuggles JSON in text/plain', async () => {
    await page.goto(other.url);
    const from = answers.length;
    await Promise.all([
      page.waitForURL(`${app.url}/api/contacts`),
      page.locator('#csrf').evaluate((form) => (form as HTMLFormElement).submit()),
    ]);
    await expect
      .poll(() => answers.slice(from))
      .toEqual([{ method: 'POST', path: '/api/contacts', status: 403 }]);
    expect(await page.textContent('body')).toContain('Only Matchwise’s own pages may call its API');
  });

  it('answers nothing to a page that reached it under another name (DNS rebinding)', async () => {
    const port = new URL(app.url).port;
    const backup = await page.goto(`http://${REBOUND_NAME}:${port}/api/backup`);
    expect(backup?.status()).toBe(421);
    const home = await page.goto(`http://${REBOUND_NAME}:${port}/`);
    expect(home?.status()).toBe(421);
  });

  it('stored none of the other pages’ contacts', async () => {
    expect((await contacts()).items.map((contact) => contact.name)).toEqual(['Dr. Maria Lopez']);
  });
});
