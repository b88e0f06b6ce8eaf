import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumPath, repoRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, launchBrowser } from './harness.js';
import { type StaticServer, startStaticServer } from './static-server.js';

const staticRoot = path.join(repoRoot, 'dist', 'static');
const requirement = browserRequirement([
  { file: path.join(staticRoot, 'index.html'), missing: 'the static edition (npm run build:static)' },
]);
/** As on https://user.github.io/matchwise/: the folder published below a host's root. */
const PREFIX = '/matchwise';
/** The engine downloads ~15 MB and creates its database on first open: minutes on a busy two-core machine. */
const ENGINE_START_MS = 300_000;

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

describeRequiring(
  'The static edition installs as an app and runs from any folder of a host',
  requirement,
  () => {
    let server: StaticServer;
    let profileDir: string;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      server = await startStaticServer(staticRoot, { prefix: PREFIX });
      // A persistent profile: Chromium never offers to install from an incognito context, which is what
      // browser.newContext() gives, so its installability check would fail for that reason alone.
      profileDir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-install-'));
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath: chromiumPath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
        ],
        viewport: { width: 1280, height: 900 },
      });
      page = await context.newPage();
      page.on('pageerror', (error) => console.error('[page error]', error.message));
      page.setDefaultTimeout(90_000);
    });
    afterAll(async () => {
      await context?.close();
      await server?.close();
      if (profileDir) await rm(profileDir, { recursive: true, force: true });
    });

    it('renders under /matchwise/ with every link and file inside that folder', async () => {
      await page.goto(`${server.url}/`);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.waitFor();
      expect(await nav.getByRole('link', { name: 'My list' }).getAttribute('href')).toBe(`${PREFIX}/list`);
      await nav.getByRole('link', { name: 'Network' }).click();
      expect(new URL(page.url()).pathname).toBe(`${PREFIX}/network`);
      const outside = [...server.requests.keys()].filter((url) => !url.startsWith(`${PREFIX}/`));
      expect(outside).toEqual([]);
    });

    it('links a valid web app manifest: names, standalone, colours, relative start and scope, PNG icons', async () => {
      const manifest = await page.evaluate(async () => {
        const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
        if (!link) return null;
        const response = await fetch(link.href);
        const json = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
        const base = new URL(link.href);
        const icons = await Promise.all(
          json.icons.map(async (icon) => {
            const file = await fetch(new URL(icon.src, base));
            const bitmap = icon.type === 'image/png' ? await createImageBitmap(await file.blob()) : null;
            return { ...icon, status: file.status, width: bitmap?.width, height: bitmap?.height };
          }),
        );
        return {
          url: link.href,
          ...json,
          startUrl: new URL(String(json.start_url), base).pathname,
          scopeUrl: new URL(String(json.scope), base).pathname,
          icons,
        };
      });
      expect(manifest).not.toBeNull();
      if (!manifest) return;
      expect(new URL(manifest.url).pathname).toBe(`${PREFIX}/manifest.webmanifest`);
      expect(manifest).toMatchObject({
        name: 'Matchwise',
        short_name: 'Matchwise',
        display: 'standalone',
        theme_color: '#1f5fa8',
        background_color: '#ffffff',
      });
      expect([manifest.startUrl, manifest.scopeUrl]).toEqual([`${PREFIX}/`, `${PREFIX}/`]);
      const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
      for (const icon of manifest.icons) expect(icon.status, icon.src).toBe(200);
      for (const icon of pngs) expect(`${icon.width}x${icon.height}`, icon.src).toBe(icon.sizes);
      expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual([
        '192x192 any',
        '512x512 any',
        '512x512 maskable',
      ]);
    });

    it('is controlled by its service worker after a reload, which Chromium needs to call it installable', async () => {
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
      expect(controller && new URL(controller).pathname).toBe(`${PREFIX}/sw.js`);
      // The deep link was answered by the worker from its cache, and the router kept the page.
      expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe('Network');
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
    });

    it(
      'starts its engine there and answers the API in the page',
      async () => {
        await page.getByRole('region', { name: 'Where your data is' }).waitFor({ timeout: ENGINE_START_MS });
        const status = await page.evaluate(async () => (await fetch('/api/profile')).status);
        expect(status).toBe(200);
        expect([...server.requests.keys()].filter((url) => url.includes('/api/'))).toEqual([]);
      },
      ENGINE_START_MS + 60_000,
    );

    it('opens a deep link on a first visit (the host answers 404.html) at the right page', async () => {
      const browser = await launchBrowser();
      try {
        const fresh = await (await browser.newContext()).newPage();
        await fresh.goto(`${server.url}/network/`);
        await fresh.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 90_000 });
        expect(await fresh.getByRole('heading', { level: 1 }).first().textContent()).toBe('Network');
        expect(await fresh.evaluate(() => document.documentElement.dataset.appBase)).toBe(`${PREFIX}/`);
      } finally {
        await browser.close();
      }
    });
  },
);
