import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * Serves the built single-page app: real files first, then index.html for client-side routes
 * (/programs, /profile …) so a reload or a shared link works.
 */
export function serveWebApp(app: Hono, webRoot: string): void {
  app.use('/*', serveStatic({ root: webRoot }));
  // A page's chunk that is not there (an open tab still naming the previous build's files) is a 404, not
  // index.html: HTML where a module script is expected fails with a misleading MIME-type error.
  app.get('/assets/*', (c) => c.notFound());
  app.get('/*', async (c) => {
    try {
      return c.html(await readFile(path.join(webRoot, 'index.html'), 'utf8'));
    } catch {
      return c.text('The web app is not built. Run `npm run build:web` (npm start does it for you).', 503);
    }
  });
}
