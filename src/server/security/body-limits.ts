import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problemBody, problemResponse } from '../problem.js';

const MB = 1024 * 1024;

/** Every API body not listed below: a profile, a contact, a rank list, settings are a few kilobytes. */
export const DEFAULT_BODY_LIMIT = 1 * MB;

/**
 * Endpoints that take whole files, sent as base64 JSON (a third larger than the file). 30 MB holds a 10 MB
 * catalog spreadsheet or contacts file and a backup of tens of thousands of contacts; larger is an accident.
 */
const FILE_BODY_LIMIT = 30 * MB;

/** The largest body each endpoint takes, by method and path; anything else gets DEFAULT_BODY_LIMIT. */
export const BODY_LIMITS: Readonly<Record<string, number>> = {
  'POST /api/imports': FILE_BODY_LIMIT,
  'POST /api/imports/preview': FILE_BODY_LIMIT,
  'POST /api/contacts/import': FILE_BODY_LIMIT,
  'POST /api/contacts/import/preview': FILE_BODY_LIMIT,
  'POST /api/backup/preview': FILE_BODY_LIMIT,
  'POST /api/backup/restore': FILE_BODY_LIMIT,
  // A market of up to 5,000 applicants (the route's own cap), each with a rank list.
  'POST /api/match/run': 8 * MB,
};

function describeSize(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${Math.round(bytes / 1024)} KB`;
}

function limitFor(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      problemResponse(
        c,
        problemBody(413, 'Request body is too large', [
          { path: '(body)', message: `${c.req.method} ${c.req.path} takes at most ${describeSize(maxSize)}` },
        ]),
      ),
  });
}

/**
 * Caps each API request body at its endpoint's limit (413 naming it), so only the file imports accept
 * megabytes and no other endpoint can be made to buffer them.
 *
 * @example
 * app.use('/api/*', bodyLimits());
 */
export function bodyLimits(
  limits: Readonly<Record<string, number>> = BODY_LIMITS,
  fallback = DEFAULT_BODY_LIMIT,
): MiddlewareHandler {
  const byRoute = new Map(Object.entries(limits).map(([route, size]) => [route, limitFor(size)]));
  const otherwise = limitFor(fallback);
  return function bodyLimitsMiddleware(c, next) {
    const path = c.req.path.length > 1 ? c.req.path.replace(/\/+$/, '') : c.req.path;
    return (byRoute.get(`${c.req.method} ${path}`) ?? otherwise)(c, next);
  };
}
