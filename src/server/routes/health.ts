import { Hono } from 'hono';
import type { Actor } from '../../app/actor.js';
import type { Database } from '../../db/index.js';

/**
 * Open without a session in hosted mode (a load balancer's probe), so it counts only the signed-in user's
 * programs, and none — null — for a caller nobody signed in as: a count across users would tell strangers
 * how much the others stored.
 */
export function healthRoutes(db: Database) {
  return new Hono<{ Variables: { actor?: Actor } }>().get('/', async (c) => {
    const actor = c.var.actor;
    const programs = actor ? (await db.forOwner(actor.userId).programs.count()).total : null;
    return c.json({ status: 'ok', engine: db.engine, programs });
  });
}
