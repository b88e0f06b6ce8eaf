import type { Kysely } from 'kysely';
import type { AccountTables } from '../db/accounts-repository.js';
import { createAccountsRepository } from '../db/accounts-repository.js';
import type { Database } from '../db/index.js';
import { type AccountsService, createAccountsService } from './accounts/accounts-service.js';

/** How this process serves: local (one person, no accounts) or hosted (accounts on PostgreSQL). */
export type ServingMode =
  | { kind: 'local' }
  | {
      kind: 'hosted';
      /** Believe X-Forwarded-Proto and X-Forwarded-For (MATCHWISE_TRUST_PROXY=1): only behind your own proxy. */
      trustProxy: boolean;
      /** Where users reach the app (MATCHWISE_PUBLIC_URL), for the reset links the operator hands out. */
      publicUrl: string | null;
    };

/**
 * Reads MATCHWISE_MODE (local by default). Hosted needs DATABASE_URL: accounts and sessions live in PostgreSQL,
 * shared by every server process. Returns the refusal's text when the environment does not fit.
 */
export function servingModeFromEnv(
  env: Record<string, string | undefined>,
): { ok: true; mode: ServingMode } | { ok: false; message: string } {
  const mode = (env.MATCHWISE_MODE ?? '').trim().toLowerCase();
  if (mode === '' || mode === 'local') return { ok: true, mode: { kind: 'local' } };
  if (mode !== 'hosted') {
    return { ok: false, message: `MATCHWISE_MODE is "${env.MATCHWISE_MODE}": use "hosted" or "local"` };
  }
  if (!env.DATABASE_URL?.trim()) {
    return {
      ok: false,
      message:
        'MATCHWISE_MODE=hosted needs PostgreSQL: set DATABASE_URL (e.g. postgres://user:password@host:5432/matchwise). ' +
        'Accounts and sessions are stored there so every server process shares them.',
    };
  }
  const trust = (env.MATCHWISE_TRUST_PROXY ?? '').trim().toLowerCase();
  const publicUrl = env.MATCHWISE_PUBLIC_URL?.trim().replace(/\/+$/, '') || null;
  return { ok: true, mode: { kind: 'hosted', trustProxy: trust === '1' || trust === 'true', publicUrl } };
}

/** The accounts service over the database's account tables (migration 0009). */
export function accountsFor(db: Database, now?: () => Date): AccountsService {
  // The same connection, seen as the account tables (they are not in DatabaseSchema: nothing else reads them).
  const accounts = db.kysely as unknown as Kysely<AccountTables>;
  return createAccountsService(createAccountsRepository(accounts), now);
}
