import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { accountsFor } from '../hosted-mode.js';
import type { AccountsService } from './accounts-service.js';

const PASSWORD = 'correct horse battery';

describeEachEngine('hosted accounts', (engine) => {
  let db: Database;
  let clock: Date;
  let accounts: AccountsService;
  const tick = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  beforeAll(async () => {
    db = await engine.open();
    clock = new Date('2026-12-01T10:00:00Z');
    accounts = accountsFor(db, () => clock);
    expect((await accounts.addUser('Ann@Example.org', PASSWORD)).ok).toBe(true);
  });
  afterAll(async () => db?.close());
  // Each case starts past any slow-down the one before it earned.
  beforeEach(() => tick(24 * 3_600_000));

  it('keeps one account per email whatever its case, and refuses short passwords', async () => {
    const again = await accounts.addUser('ann@example.ORG', PASSWORD);
    expect(again).toEqual({
      ok: false,
      error: [{ path: 'email', message: expect.stringContaining('exists') }],
    });
    const short = await accounts.addUser('bo@example.org', 'short');
    expect(short.ok).toBe(false);
    expect((await accounts.listUsers()).map((user) => user.email)).toEqual(['Ann@Example.org']);
  });

  it('logs in with the right password, under any case of the email, and never with a wrong one', async () => {
    const good = await accounts.login('ANN@example.org', PASSWORD, '10.0.0.1');
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    expect(await accounts.authenticate(good.value.token)).toMatchObject({ email: 'Ann@Example.org' });
    expect(await accounts.login('ann@example.org', 'wrong password!', '10.0.0.1')).toEqual({
      ok: false,
      error: { kind: 'wrong-credentials' },
    });
    // An unknown email gets the very same answer.
    expect(await accounts.login('nobody@example.org', PASSWORD, '10.0.0.1')).toEqual({
      ok: false,
      error: { kind: 'wrong-credentials' },
    });
  });

  it('stores sessions by the hash of their token, a new one at every login', async () => {
    const first = await accounts.login('ann@example.org', PASSWORD, '10.0.0.1');
    const second = await accounts.login('ann@example.org', PASSWORD, '10.0.0.1');
    if (!first.ok || !second.ok) throw new Error('login failed');
    expect(first.value.token).not.toBe(second.value.token);
    const { rows } = await sql<{ id: string }>`select id from sessions`.execute(db.kysely);
    expect(rows.map((row) => row.id)).not.toContain(first.value.token);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.id))).toBe(true);
  });

  it('slows down wrong passwords per account, with the wait growing, and lets the right one in after it', async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await accounts.login('ann@example.org', `wrong-${i}-password`, `10.1.0.${i}`);
      expect(wrong).toEqual({ ok: false, error: { kind: 'wrong-credentials' } });
    }
    // Even the right password, from yet another address, must wait: the account itself is slowed down.
    expect(await accounts.login('ann@example.org', PASSWORD, '10.1.0.9')).toEqual({
      ok: false,
      error: { kind: 'throttled', retryAfterSeconds: 2 },
    });
    tick(2_000);
    expect(await accounts.login('ann@example.org', 'wrong-5-password', '10.1.0.9')).toEqual({
      ok: false,
      error: { kind: 'wrong-credentials' },
    });
    expect(await accounts.login('ann@example.org', PASSWORD, '10.1.0.10')).toEqual({
      ok: false,
      error: { kind: 'throttled', retryAfterSeconds: 4 },
    });
    tick(4_000);
    expect((await accounts.login('ann@example.org', PASSWORD, '10.1.0.10')).ok).toBe(true);
  });

  it('slows down one address guessing across many accounts', async () => {
    for (let i = 0; i < 21; i++) {
      await accounts.login(`someone-${i}@example.org`, 'guess guess guess', '192.0.2.7');
    }
    const fromThere = await accounts.login('ann@example.org', PASSWORD, '192.0.2.7');
    expect(fromThere.ok ? 'ok' : fromThere.error.kind).toBe('throttled');
    // Ann from her own address is not held up by someone else's guessing.
    expect((await accounts.login('ann@example.org', PASSWORD, '198.51.100.1')).ok).toBe(true);
  });

  it('ends a session at logout, and every session at logout everywhere', async () => {
    const a = await accounts.login('ann@example.org', PASSWORD, '10.0.0.2');
    const b = await accounts.login('ann@example.org', PASSWORD, '10.0.0.3');
    if (!a.ok || !b.ok) throw new Error('login failed');
    await accounts.logout(a.value.token);
    expect(await accounts.authenticate(a.value.token)).toBeNull();
    expect(await accounts.authenticate(b.value.token)).not.toBeNull();
    const c = await accounts.login('ann@example.org', PASSWORD, '10.0.0.4');
    if (!c.ok) throw new Error('login failed');
    expect(await accounts.logoutEverywhere(b.value.user.id)).toBeGreaterThanOrEqual(2);
    expect(await accounts.authenticate(b.value.token)).toBeNull();
    expect(await accounts.authenticate(c.value.token)).toBeNull();
  });

  it('ends a session left unused past its idle limit', async () => {
    const session = await accounts.login('ann@example.org', PASSWORD, '10.0.0.5');
    if (!session.ok) throw new Error('login failed');
    tick(13 * 24 * 3_600_000);
    expect(await accounts.authenticate(session.value.token)).not.toBeNull(); // used: pushed out again
    tick(13 * 24 * 3_600_000);
    expect(await accounts.authenticate(session.value.token)).not.toBeNull();
    tick(15 * 24 * 3_600_000);
    expect(await accounts.authenticate(session.value.token)).toBeNull();
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const here = await accounts.login('ann@example.org', PASSWORD, '10.0.0.6');
    const elsewhere = await accounts.login('ann@example.org', PASSWORD, '10.0.0.7');
    if (!here.ok || !elsewhere.ok) throw new Error('login failed');
    const me = await accounts.authenticate(here.value.token);
    if (!me) throw new Error('no session');
    expect(await accounts.changePassword(me, 'not my password', 'a brand new password')).toEqual({
      ok: false,
      error: { kind: 'wrong-password' },
    });
    expect((await accounts.changePassword(me, PASSWORD, 'short')).ok).toBe(false);
    const changed = await accounts.changePassword(me, PASSWORD, 'a brand new password');
    expect(changed).toEqual({ ok: true, value: { endedSessions: expect.any(Number) } });
    expect(await accounts.authenticate(here.value.token)).not.toBeNull();
    expect(await accounts.authenticate(elsewhere.value.token)).toBeNull();
    expect((await accounts.login('ann@example.org', PASSWORD, '10.0.0.8')).ok).toBe(false);
    expect((await accounts.login('ann@example.org', 'a brand new password', '10.0.0.8')).ok).toBe(true);
    expect((await accounts.changePassword(me, 'a brand new password', PASSWORD)).ok).toBe(true);
  });

  it('slows down a session guessing the current password on the password form', async () => {
    const session = await accounts.login('ann@example.org', PASSWORD, '10.0.0.11');
    if (!session.ok) throw new Error('login failed');
    const me = await accounts.authenticate(session.value.token);
    if (!me) throw new Error('no session');
    for (let i = 0; i < 5; i++) {
      expect((await accounts.changePassword(me, `guess number ${i}`, 'a brand new password')).ok).toBe(false);
    }
    expect(await accounts.changePassword(me, PASSWORD, 'a brand new password')).toEqual({
      ok: false,
      error: { kind: 'throttled', retryAfterSeconds: 2 },
    });
  });

  it('resets a password by a one-time link that expires, ending every session', async () => {
    const session = await accounts.login('ann@example.org', PASSWORD, '10.0.0.9');
    if (!session.ok) throw new Error('login failed');
    expect(await accounts.issueResetToken('nobody@example.org')).toBeNull();

    const stale = await accounts.issueResetToken('ann@example.org');
    if (!stale) throw new Error('no link');
    tick(24 * 3_600_000 + 1);
    expect(await accounts.resetPassword(stale.token, 'another new password')).toEqual({
      ok: false,
      error: { kind: 'link', reason: 'expired' },
    });

    const link = await accounts.issueResetToken('ANN@example.org');
    if (!link) throw new Error('no link');
    expect(await accounts.resetPassword(link.token, 'another new password')).toEqual({
      ok: true,
      value: { email: 'Ann@Example.org' },
    });
    expect(await accounts.resetPassword(link.token, 'yet another password')).toEqual({
      ok: false,
      error: { kind: 'link', reason: 'used' },
    });
    expect(await accounts.resetPassword('made-up-token', 'yet another password')).toEqual({
      ok: false,
      error: { kind: 'link', reason: 'unknown' },
    });
    expect(await accounts.authenticate(session.value.token)).toBeNull();
    expect((await accounts.login('ann@example.org', 'another new password', '10.0.0.10')).ok).toBe(true);
  });
});
