import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createLogger } from '../../src/server/logger.js';
import { type RunningServer, startServer } from '../../src/server/start-server.js';
import { chromiumPath, webRoot } from '../support/paths.js';

/** Flags for Debian's Chromium in this sandbox: no GPU, no sandbox (root), no background network calls. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraArgs` adds Chromium flags, e.g. `--host-resolver-rules` to point a made-up name at this machine. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export async function makeDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-e2e-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The real server (PGlite in `dataDir`, built web app) on a free port, logging only warnings. */
export function startAppServer(dataDir: string): Promise<RunningServer> {
  return startServer({
    host: '127.0.0.1',
    port: 0,
    database: { dataDir },
    logger: createLogger(process.env.MATCHWISE_LOG_LEVEL ?? 'warn'),
    webRoot,
  });
}

export async function newPage(browser: Browser, width = 1440, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  return page;
}

/** What every browser suite needs; `extra` adds files a suite reads (e.g. ../shared data). */
export function browserRequirement(extra: { file: string; missing: string }[] = []): {
  available: boolean;
  missing: string;
} {
  const needs = [
    { file: chromiumPath, missing: `Chromium at ${chromiumPath} (apt-get install chromium)` },
    {
      file: path.join(webRoot, 'index.html'),
      missing: 'the built web app (npm run build:web; npm test does it)',
    },
    ...extra,
  ];
  const absent = needs.find((need) => !existsSync(need.file));
  return absent ? { available: false, missing: absent.missing } : { available: true, missing: '' };
}

export interface AppInBrowser {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly page: Page;
  /** Stops the server and starts a new one on the same data directory, as a user restarting the app. */
  restart(): Promise<void>;
  /** Calls the app's API directly (to set the scene a test starts from); a non-2xx answer throws with its body. */
  api<T>(method: string, route: string, body?: unknown): Promise<T>;
}

/** A fresh data directory, the real server on it and a 1440 px page, for the suite this is called in. */
export function useAppInBrowser(): AppInBrowser {
  let data: Awaited<ReturnType<typeof makeDataDir>> | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet (use it inside a test)`);
    return value;
  };
  beforeAll(async () => {
    data = await makeDataDir();
    server = await startAppServer(data.dir);
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await data?.remove();
  });
  return {
    get server() {
      return ready(server, 'The server');
    },
    get browser() {
      return ready(browser, 'The browser');
    },
    get page() {
      return ready(page, 'The page');
    },
    async restart() {
      await ready(server, 'The server').close();
      server = await startAppServer(ready(data, 'The data directory').dir);
    },
    async api<T>(method: string, route: string, body?: unknown): Promise<T> {
      const response = await fetch(`${ready(server, 'The server').url}${route}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}
