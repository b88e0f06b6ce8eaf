import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { webRoot } from '../support/paths.js';
import { describeRequiring } from '../support/required-suite.js';
import { browserRequirement, useAppInBrowser } from './harness.js';

/** The built scripts (dist/web/assets/*.js) by file name. */
function builtScripts(): Map<string, string> {
  const assets = path.join(webRoot, 'assets');
  return new Map(
    readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .map((file) => [file, readFileSync(path.join(assets, file), 'utf8')]),
  );
}

/** Names only the server's code would bring into a script: the database, the HTTP framework, Node itself. */
const SERVER_ONLY = [
  /\bkysely\b/i,
  /@electric-sql\/pglite/,
  /\bnode:(fs|crypto|worker_threads|zlib)\b/,
  /\bhono\b/i,
];

const scriptsFetched = (urls: string[]) =>
  urls.filter((url) => url.endsWith('.js')).map((url) => url.slice(url.lastIndexOf('/') + 1));

describeRequiring('The web app, split by route', browserRequirement(), () => {
  const app = useAppInBrowser();

  it('builds a chunk per page and a vendor chunk, and no server code reaches the browser', () => {
    const scripts = builtScripts();
    const names = [...scripts.keys()];
    for (const page of ['HomePage', 'ProfilePage', 'MyListPage', 'RankListPage', 'DataPage']) {
      expect(
        names.some((name) => name.startsWith(`${page}-`)),
        page,
      ).toBe(true);
    }
    expect(names.some((name) => name.startsWith('vendor-'))).toBe(true);
    expect(names.some((name) => name.startsWith('map-'))).toBe(true);
    for (const [name, text] of scripts) {
      for (const pattern of SERVER_ONLY) expect(pattern.test(text), `${name} matches ${pattern}`).toBe(false);
    }
  });

  it('fetches the map only for a page that draws one, and shows each page after its chunk arrives', async () => {
    await fetch(`${app.server.url}/api/catalog/demo`, { method: 'POST' });
    const requested: string[] = [];
    app.page.on('request', (request) => requested.push(request.url()));

    await app.page.goto(`${app.server.url}/profile`, { waitUntil: 'networkidle' });
    await app.page.getByRole('heading', { level: 1 }).waitFor();
    const forProfile = scriptsFetched(requested);
    expect(forProfile.some((name) => name.startsWith('ProfilePage-'))).toBe(true);
    expect(forProfile.filter((name) => /^(map|MyListPage|ProgramsPage|RankListPage)-/.test(name))).toEqual(
      [],
    );

    // A client-side navigation to Programs brings its chunk and the map's, and the map draws its states.
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programs' }).click();
    await app.page.getByRole('heading', { name: 'Programs', level: 1 }).waitFor();
    await expect.poll(() => app.page.locator('svg path').count()).toBeGreaterThan(40);
    const forPrograms = scriptsFetched(requested).slice(forProfile.length);
    expect(forPrograms.some((name) => name.startsWith('ProgramsPage-'))).toBe(true);
    expect(forPrograms.some((name) => name.startsWith('map-'))).toBe(true);
  });

  it('answers 404 for a chunk that is not there, not the page HTML in its place', async () => {
    const response = await fetch(`${app.server.url}/assets/ProfilePage-gone.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toContain('text/html');
  });
});
