import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
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

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
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
