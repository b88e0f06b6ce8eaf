import type { ExtractSchema } from 'hono/types';
import type { ApiRoutes } from '../../../server/api-routes.js';

// Type-only: `import type` is erased from the bundle, so no server code reaches the browser (the web build is
// checked for it: see responses.test.ts).
type Schema = ExtractSchema<ApiRoutes>;

/** An API path as the server's routes spell it, without the /api prefix: '/applications/:acgmeId/stage'. */
export type ApiPath = keyof Schema;

/** JSON.parse builds fresh arrays and objects: what the server holds read-only, the page may change. */
type Parsed<T> = T extends object ? { -readonly [K in keyof T]: Parsed<T[K]> } : T;

/**
 * The JSON a successful call answers, read off the server's route handlers (as serialized: dates are strings),
 * so a field the server stops sending is a type error wherever the web reads it.
 *
 * @example
 * type ApplicationList = ApiResponse<'/applications', '$get'>;
 */
export type ApiResponse<P extends ApiPath, M extends keyof Schema[P]> =
  Extract<Schema[P][M], { outputFormat: 'json' }> extends { output: infer Output } ? Parsed<Output> : never;
