import type { Context, MiddlewareHandler } from 'hono';
import { problemBody, problemResponse } from '../problem.js';
import { requestHost } from './allowed-hosts.js';

/** What a browser says when our own page (same-origin) or the user (`none`: address bar, bookmark) asks. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * Is the request's `Origin` this server? Host and port must be the ones the request was addressed to (already
 * checked by `allowedHosts`); http or https, because behind a TLS proxy the server itself sees plain http.
 */
function isOwnOrigin(origin: string, c: Context): boolean {
  if (origin === 'null') return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === requestHost(c);
  } catch {
    return false;
  }
}

/** Why a request comes from another site, or null when nothing says it does. */
function foreignSource(c: Context): { header: string; message: string } | null {
  const site = c.req.header('sec-fetch-site');
  // Browsers set Sec-Fetch-Site themselves and no page can change it, so when present it decides alone.
  if (site !== undefined) {
    return OWN_FETCH_SITES.has(site.trim().toLowerCase())
      ? null
      : { header: 'Sec-Fetch-Site', message: `Sent from another site (${site.slice(0, 40)})` };
  }
  const origin = c.req.header('origin');
  if (origin !== undefined && !isOwnOrigin(origin, c)) {
    return { header: 'Origin', message: `Sent from another origin (${origin.slice(0, 100)})` };
  }
  // Neither header: not a browser (curl, the CLI, scripts, app.request in tests). A browser always sends
  // Origin on a cross-origin request that could change anything (every POST, PUT, PATCH and DELETE, and
  // every CORS read), so its absence is not a way around this check.
  return null;
}

/**
 * Hono's `csrf` middleware is close but does not fit: it refuses requests that carry neither header (curl, the
 * CLI, tests), checks only form-type bodies, and answers plain text rather than problem+json.
 *
 * Refuses API requests that a page of another origin made: only Matchwise's own pages, the user's address
 * bar and non-browser clients may call the API. Reads are refused as well as writes so that no other page can
 * probe the data through timing, errors or embedding; a cross-origin page could not read the answer anyway
 * (no CORS headers are ever sent).
 *
 * @example
 * app.use('/api/*', sameOriginOnly());
 */
export function sameOriginOnly(): MiddlewareHandler {
  return async function sameOriginMiddleware(c, next) {
    const foreign = foreignSource(c);
    if (foreign) {
      return problemResponse(
        c,
        problemBody(
          403,
          'Only Matchwise’s own pages may call its API',
          [{ path: foreign.header, message: foreign.message }],
          'Open Matchwise itself, or call the API from a script or the matchwise command',
        ),
      );
    }
    await next();
  };
}
