import { Hono } from 'hono';
import { z } from 'zod';
import type { AccountsService } from '../../app/accounts/accounts-service.js';
import { storableText } from '../../core/shared/storable-text.js';
import { ProblemError, problemBody, problemResponse } from '../problem.js';
import { readBody } from '../read-body.js';
import type { ActorEnv } from './actor-env.js';
import { clientAddress, type ProxyTrust } from './request-origin.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie.js';

const loginSchema = z.strictObject({ email: storableText().max(320), password: storableText().max(1024) });
const passwordSchema = z.strictObject({ current: storableText().max(1024), next: storableText().max(1024) });
const resetSchema = z.strictObject({
  token: storableText().min(1).max(200),
  password: storableText().max(1024),
});

const LINK_REFUSALS = {
  unknown: 'This reset link is not valid: ask your operator for a new one',
  used: 'This reset link has already been used: ask your operator for a new one',
  expired: 'This reset link has expired: ask your operator for a new one',
} as const;

function tooManyTries(c: Parameters<typeof problemResponse>[0], retryAfterSeconds: number) {
  c.header('Retry-After', String(retryAfterSeconds));
  return problemResponse(
    c,
    problemBody(429, 'Too many wrong passwords', [
      { path: '(request)', message: `Wait ${retryAfterSeconds} s before trying again` },
    ]),
  );
}

function requireSignedIn(c: { var: ActorEnv['Variables'] }) {
  const session = c.var.session;
  if (!session)
    throw new ProblemError(401, 'Log in to continue', [{ path: '(session)', message: 'No valid session' }]);
  return { userId: c.var.actor.userId, ...session };
}

/**
 * Hosted mode's /api/auth: log in and out, who am I, change or reset the password. Wrong credentials get
 * one answer whether the email exists or not.
 */
export function authRoutes(accounts: AccountsService, trust: ProxyTrust) {
  return new Hono<ActorEnv>()
    .post('/login', async (c) => {
      const { email, password } = await readBody(c, loginSchema);
      const result = await accounts.login(email, password, clientAddress(c, trust));
      if (!result.ok) {
        const failure = result.error;
        if (failure.kind === 'throttled') return tooManyTries(c, failure.retryAfterSeconds);
        if (failure.kind === 'invalid')
          throw new ProblemError(400, 'Enter your email and password', failure.issues);
        throw new ProblemError(401, 'Wrong email or password', [
          { path: '(credentials)', message: 'Check the email and password and try again' },
        ]);
      }
      // A session the browser already had ends here: the new one has a new id.
      const previous = sessionToken(c);
      if (previous) await accounts.logout(previous);
      setSessionCookie(c, result.value.token, result.value.expiresAt, trust);
      return c.json({ user: result.value.user }, 200);
    })
    .post('/logout', async (c) => {
      await accounts.logout(sessionToken(c));
      clearSessionCookie(c, trust);
      return c.body(null, 204);
    })
    .post('/logout-everywhere', async (c) => {
      const user = requireSignedIn(c);
      const ended = await accounts.logoutEverywhere(user.userId);
      clearSessionCookie(c, trust);
      return c.json({ endedSessions: ended });
    })
    .get('/me', (c) => {
      const user = requireSignedIn(c);
      return c.json({ mode: 'hosted' as const, user: { id: user.userId, email: user.email } });
    })
    .post('/password', async (c) => {
      const user = requireSignedIn(c);
      const { current, next } = await readBody(c, passwordSchema);
      const result = await accounts.changePassword(user, current, next);
      if (!result.ok) {
        const failure = result.error;
        if (failure.kind === 'throttled') return tooManyTries(c, failure.retryAfterSeconds);
        if (failure.kind === 'invalid')
          throw new ProblemError(400, 'Choose a longer password', failure.issues);
        throw new ProblemError(403, 'The current password is wrong', [
          { path: 'current', message: 'Enter the password you log in with now' },
        ]);
      }
      return c.json(result.value);
    })
    .post('/reset', async (c) => {
      const { token, password } = await readBody(c, resetSchema);
      const result = await accounts.resetPassword(token, password);
      if (!result.ok) {
        const failure = result.error;
        if (failure.kind === 'invalid')
          throw new ProblemError(400, 'Choose a longer password', failure.issues);
        throw new ProblemError(400, LINK_REFUSALS[failure.reason], [
          { path: 'token', message: LINK_REFUSALS[failure.reason] },
        ]);
      }
      return c.json({ email: result.value.email });
    });
}

/** Local mode's /api/auth/me: there are no accounts, and the web app shows no account controls. */
export function localAuthRoutes() {
  return new Hono().get('/me', (c) => c.json({ mode: 'local' as const, user: null }));
}
