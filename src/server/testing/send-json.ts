import type { Hono } from 'hono';

/**
 * One API request as a client sends it: JSON body (when given) with its content type.
 *
 * @example
 * const response = await sendJson(app, 'PUT', '/api/profile', profile);
 */
export function sendJson(app: Hono, method: string, path: string, body?: unknown): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
}
