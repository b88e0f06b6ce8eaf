import type { Hono } from 'hono';

/** The static host serves the pages in the browser edition; the engine answers only /api. */
export function serveWebApp(_app: Hono, _webRoot: string): void {
  throw new Error('The browser edition serves no web root: its pages come from the static host');
}
