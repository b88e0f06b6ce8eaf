import type { Context, MiddlewareHandler } from 'hono';
import { problemBody, problemResponse } from '../problem.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Over HTTP a body travels with a Content-Length above zero or a Transfer-Encoding; nothing else has one. */
function carriesBody(c: Context): boolean {
  const length = c.req.header('content-length');
  return (length !== undefined && length.trim() !== '0') || c.req.header('transfer-encoding') !== undefined;
}

/**
 * Refuses state-changing API requests whose body is not declared `application/json` (415). A page of another
 * origin can send a body without asking first only as a form type or `text/plain` (an HTML form, a no-cors
 * fetch), or with no Content-Type at all (a Blob or bytes): JSON would need a CORS preflight, which this server
 * never grants. So once every body must say JSON, no other page can deliver one. A request with no body at
 * all (DELETE, POST /api/catalog/demo) may leave the header out.
 *
 * @example
 * app.use('/api/*', jsonBodiesOnly());
 */
export function jsonBodiesOnly(): MiddlewareHandler {
  return async function jsonBodiesMiddleware(c, next) {
    if (STATE_CHANGING.has(c.req.method)) {
      const contentType = c.req.header('content-type');
      const refused =
        contentType === undefined ? carriesBody(c) : mediaType(contentType) !== 'application/json';
      if (refused) {
        return problemResponse(
          c,
          problemBody(415, 'Send the body as JSON', [
            {
              path: 'Content-Type',
              message: `Must be application/json${contentType ? `, not ${contentType.slice(0, 100)}` : ''}`,
            },
          ]),
        );
      }
    }
    await next();
  };
}
