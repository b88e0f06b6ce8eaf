import { describe, expect, it } from 'vitest';
import { servingModeFromEnv } from './hosted-mode.js';

describe('servingModeFromEnv', () => {
  it('is local by default, as the README’s two commands expect', () => {
    expect(servingModeFromEnv({})).toEqual({ ok: true, mode: { kind: 'local' } });
    expect(servingModeFromEnv({ MATCHWISE_MODE: 'local', DATABASE_URL: 'postgres://x/y' })).toEqual({
      ok: true,
      mode: { kind: 'local' },
    });
  });

  it('refuses hosted mode without PostgreSQL, saying what to set', () => {
    const refused = servingModeFromEnv({ MATCHWISE_MODE: 'hosted' });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toMatch(/DATABASE_URL/);
  });

  it('refuses a mode it does not know rather than guessing', () => {
    expect(servingModeFromEnv({ MATCHWISE_MODE: 'hostd' }).ok).toBe(false);
  });

  it('reads the proxy trust and the public address in hosted mode', () => {
    expect(
      servingModeFromEnv({
        MATCHWISE_MODE: 'Hosted',
        DATABASE_URL: 'postgres://u:p@h/db',
        MATCHWISE_TRUST_PROXY: '1',
        MATCHWISE_PUBLIC_URL: 'https://mw.example.org/',
      }),
    ).toEqual({ ok: true, mode: { kind: 'hosted', trustProxy: true, publicUrl: 'https://mw.example.org' } });
    expect(servingModeFromEnv({ MATCHWISE_MODE: 'hosted', DATABASE_URL: 'postgres://u:p@h/db' })).toEqual({
      ok: true,
      mode: { kind: 'hosted', trustProxy: false, publicUrl: null },
    });
  });
});
