import type { MiddlewareHandler } from 'hono';
import type { Actor } from '../app/actor.js';
import type { Database, OwnerDatabase } from '../db/index.js';

/**
 * What every API route reads its data through: `c.var.db`, the acting user's repositories. Route factories take
 * no database, so a handler has no other way to reach stored data than its own user's.
 */
export interface OwnerEnv {
  Variables: { db: OwnerDatabase };
}

/**
 * Puts the acting user's data into `c.var.db`. The actor comes from the middleware before it — the session's
 * user in hosted mode, the local owner otherwise; a request without one is a wiring error, never served as
 * anyone's.
 */
export function ownerScope(db: Database): MiddlewareHandler<OwnerEnv & { Variables: { actor?: Actor } }> {
  return async (c, next) => {
    const actor = c.var.actor;
    if (!actor)
      throw new Error('No acting user: the session or local-actor middleware must run before the API');
    c.set('db', db.forOwner(actor.userId));
    await next();
  };
}
