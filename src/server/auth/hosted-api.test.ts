import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountsService } from '../../app/accounts/accounts-service.js';
import { accountsFor } from '../../app/hosted-mode.js';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { SESSION_COOKIE } from './session-cookie.js';

const PASSWORD = 'correct horse battery';
const OPEN = new Set(['/api/health', '/api/auth/login', '/api/auth/reset', '/api/auth/logout']);

/** The cookie pair to send back, from a Set-Cookie header. */
const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? '';

describeEachEngine('hosted mode API', (engine) => {
  let db: Database;
  let app: Hono;
  let accounts: AccountsService;
  let clock: Date;
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    send('POST', '/api/auth/login', { email, password }, headers);

  beforeAll(async () => {
    db = await engine.open();
    clock = new Date('2026-12-01T10:00:00Z');
    accounts = accountsFor(db, () => clock);
    await accounts.addUser('ann@example.org', PASSWORD);
    await accounts.addUser('bo@example.org', PASSWORD);
    app = createApp({
      db,
      logger: createLogger('silent'),
      now: () => clock,
      hosted: { accounts, trustProxy: true },
    });
  });
  afterAll(async () => db?.close());
  beforeEach(() => {
    clock = new Date(clock.getTime() + 24 * 3_600_000);
  });

  it('logs in: 200 with the user and an HttpOnly, SameSite=Lax session cookie (Secure only over TLS)', async () => {
    const response = await login('ann@example.org', PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user: { id: expect.any(String), email: 'ann@example.org' } });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const behindTls = await login('ann@example.org', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(behindTls.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers wrong credentials with one 401 that names no user, whether the email exists or not', async () => {
    const wrongPassword = await login('ann@example.org', 'not the password');
    const noSuchUser = await login('zed@example.org', 'not the password');
    expect(wrongPassword.status).toBe(401);
    expect(noSuchUser.status).toBe(401);
    const [a, b] = [await wrongPassword.text(), await noSuchUser.text()];
    expect(a).toBe(b);
    expect(a).not.toMatch(/ann|zed|example/i);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('refuses every other API route without a session: 401, naming no user', async () => {
    const routes = app.routes.filter(
      (route) => route.path.startsWith('/api/') && route.method !== 'ALL' && !route.path.includes('*'),
    );
    expect(routes.length).toBeGreaterThan(40);
    const checked: string[] = [];
    for (const route of routes) {
      if (OPEN.has(route.path)) continue;
      const path = route.path.replace(/:[A-Za-z]+/g, 'x');
      const response = await send(route.method, path, route.method === 'GET' ? undefined : {});
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
      expect(await response.text()).not.toMatch(/ann|bo@/i);
      checked.push(`${route.method} ${route.path}`);
    }
    expect(checked).toContain('GET /api/backup');
    expect(checked).toContain('GET /api/auth/me');
    // A forged or stale cookie is no better than none.
    const forged = await send('GET', '/api/backup', undefined, { cookie: `${SESSION_COOKIE}=made-up` });
    expect(forged.status).toBe(401);
    // The health check stays open for load balancers.
    expect((await send('GET', '/api/health')).status).toBe(200);
  });

  it('serves the API to a signed-in user, who is the request’s actor', async () => {
    const cookie = cookieOf(await login('ann@example.org', PASSWORD));
    const me = await send('GET', '/api/auth/me', undefined, { cookie });
    expect(await me.json()).toEqual({
      mode: 'hosted',
      user: { id: expect.any(String), email: 'ann@example.org' },
    });
    expect((await send('GET', '/api/backup', undefined, { cookie })).status).toBe(200);
  });

  it('gives a new session id at login, ending the one the browser had', async () => {
    const first = cookieOf(await login('ann@example.org', PASSWORD));
    const second = cookieOf(await login('ann@example.org', PASSWORD, { cookie: first }));
    expect(second).not.toBe(first);
    expect((await send('GET', '/api/auth/me', undefined, { cookie: first })).status).toBe(401);
    expect((await send('GET', '/api/auth/me', undefined, { cookie: second })).status).toBe(200);
  });

  it('slows down wrong passwords: 429 with Retry-After, per address too (from the trusted proxy)', async () => {
    for (let i = 0; i < 5; i++) await login('bo@example.org', `wrong password ${i}`);
    const slowed = await login('bo@example.org', PASSWORD);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await slowed.text()).not.toMatch(/bo@/);

    clock = new Date(clock.getTime() + 24 * 3_600_000);
    const from = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 21; i++) await login(`guess-${i}@example.org`, 'guess guess guess', from);
    expect((await login('ann@example.org', PASSWORD, from)).status).toBe(429);
    expect((await login('ann@example.org', PASSWORD, { 'x-forwarded-for': '203.0.113.10' })).status).toBe(
      200,
    );
  });

  it('logs out this session, or every session of the user', async () => {
    const a = cookieOf(await login('ann@example.org', PASSWORD));
    const b = cookieOf(await login('ann@example.org', PASSWORD));
    const out = await send('POST', '/api/auth/logout', undefined, { cookie: a });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect((await send('GET', '/api/backup', undefined, { cookie: a })).status).toBe(401);
    expect((await send('GET', '/api/backup', undefined, { cookie: b })).status).toBe(200);

    const c = cookieOf(await login('ann@example.org', PASSWORD));
    const everywhere = await send('POST', '/api/auth/logout-everywhere', undefined, { cookie: c });
    expect(everywhere.status).toBe(200);
    expect((await send('GET', '/api/backup', undefined, { cookie: b })).status).toBe(401);
    expect((await send('GET', '/api/backup', undefined, { cookie: c })).status).toBe(401);
  });

  it('changes the password with the current one, keeping this session and ending the others', async () => {
    const here = cookieOf(await login('ann@example.org', PASSWORD));
    const there = cookieOf(await login('ann@example.org', PASSWORD));
    const wrong = await send(
      'POST',
      '/api/auth/password',
      { current: 'nope', next: 'a new long password' },
      { cookie: here },
    );
    expect(wrong.status).toBe(403);
    const changed = await send(
      'POST',
      '/api/auth/password',
      { current: PASSWORD, next: 'a new long password' },
      { cookie: here },
    );
    expect(changed.status).toBe(200);
    expect((await send('GET', '/api/auth/me', undefined, { cookie: here })).status).toBe(200);
    expect((await send('GET', '/api/auth/me', undefined, { cookie: there })).status).toBe(401);
    expect((await login('ann@example.org', PASSWORD)).status).toBe(401);
    const back = await send(
      'POST',
      '/api/auth/password',
      { current: 'a new long password', next: PASSWORD },
      { cookie: here },
    );
    expect(back.status).toBe(200);
  });

  it('resets a password by a one-time link, refusing it once used or expired', async () => {
    const link = await accounts.issueResetToken('bo@example.org');
    if (!link) throw new Error('no link');
    const reset = await send('POST', '/api/auth/reset', { token: link.token, password: 'bo’s new password' });
    expect(reset.status).toBe(200);
    const again = await send('POST', '/api/auth/reset', {
      token: link.token,
      password: 'bo’s other password',
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ title: expect.stringContaining('already been used') });
    const stale = await accounts.issueResetToken('bo@example.org');
    if (!stale) throw new Error('no link');
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    const expired = await send('POST', '/api/auth/reset', {
      token: stale.token,
      password: 'bo’s other password',
    });
    expect(await expired.json()).toMatchObject({ title: expect.stringContaining('expired') });
    expect((await login('bo@example.org', 'bo’s new password')).status).toBe(200);
  });
});

describe('local mode', () => {
  it('needs no account: the API answers without a session, and /api/auth/me says local', async () => {
    const { openDatabase } = await import('../../db/index.js');
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      const app = createApp({ db, logger: createLogger('silent') });
      expect((await app.request('/api/backup')).status).toBe(200);
      expect(await (await app.request('/api/auth/me')).json()).toEqual({ mode: 'local', user: null });
      expect((await app.request('/api/auth/login', { method: 'POST' })).status).toBe(404);
    } finally {
      await db.close();
    }
  });
});
