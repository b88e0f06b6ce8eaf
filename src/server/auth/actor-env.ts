import type { Actor } from '../../app/actor.js';

/**
 * What the request's middleware leaves in the Hono context: `c.var.actor` is the signed-in user in hosted
 * mode, the local user otherwise. Routes scope their data by `actor.userId`.
 */
export interface ActorEnv {
  Variables: { actor: Actor; session?: { email: string; sessionId: string; token: string } };
}
