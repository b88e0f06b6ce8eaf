/**
 * What Node-only modules (node:fs, node:path, pg, @hono/node-server …) resolve to in the browser bundle. They
 * are imported by modules the app shares with the server but only used on paths the browser edition never
 * takes (opening a data directory, PostgreSQL, serving files from disk); calling anything here throws.
 */
function unavailable(): never {
  throw new Error('This Node.js feature is not available in the browser edition of Matchwise');
}

const stub: Record<string, unknown> = new Proxy(unavailable, {
  get: (_target, key) => (key === 'then' ? undefined : stub),
  apply: unavailable,
  construct: unavailable,
}) as unknown as Record<string, unknown>;

export default stub;
export const mkdir = unavailable;
export const open = unavailable;
export const readFile = unavailable;
export const rm = unavailable;
export const existsSync = unavailable;
export const readFileSync = unavailable;
export const fileURLToPath = unavailable;
export const serveStatic = unavailable;
export const serve = unavailable;
export const Readable = stub;
export const Pool = stub;
