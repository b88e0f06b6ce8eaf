import type { MiddlewareHandler } from 'hono';
import type { AccountsService } from '../../app/accounts/accounts-service.js';
import type { Actor } from '../../app/actor.js';
import { problemBody, problemResponse } from '../problem.js';
import type { ActorEnv } from './actor-env.js';
import { sessionToken } from './session-cookie.js';

/** API paths open without a session in hosted mode: the health check, and the ways to get a session. */
const OPEN_PATHS = new Set(['/api/health', '/api/auth/login', '/api/auth/reset', '/api/auth/logout']);

/**
 * Hosted mode: every other /api request needs a live session, and its user becomes the request's actor. The
 * 401 is the same whatever was wrong with the cookie (missing, unknown, expired), and names no user.
 */
export function requireSession(accounts: AccountsService): MiddlewareHandler<ActorEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    const signedIn = token ? await accounts.authenticate(token) : null;
    if (signedIn) {
      c.set('actor', { userId: signedIn.userId });
      c.set('session', { email: signedIn.email, sessionId: signedIn.sessionId, token });
    } else if (!OPEN_PATHS.has(c.req.path)) {
      return problemResponse(
        c,
        problemBody(401, 'Log in to continue', [
          { path: '(session)', message: 'No valid session: log in again' },
        ]),
      );
    }
    await next();
  };
}

/** Local mode: no accounts, every request acts as the one local user. */
export function localActor(actor: Actor): MiddlewareHandler<ActorEnv> {
  return async (c, next) => {
    c.set('actor', actor);
    await next();
  };
}
