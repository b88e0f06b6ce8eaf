import type { PGliteInterface } from '@electric-sql/pglite';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/** What the pool needs of PGlite; a `clone()` of an instance qualifies as well as the instance itself. */
export type PgliteSession = Pick<PGliteInterface, 'query' | 'close' | 'closed'>;

/**
 * Lets Kysely's built-in `PostgresDialect` drive a PGlite instance, by looking like a `pg` Pool.
 *
 * PGlite is one Postgres session, so the pool has exactly one connection and hands it to one borrower at a
 * time: `connect()` waits until the previous borrower calls `release()`. Kysely borrows a connection for a
 * single query, or for the whole of a transaction, so statements of concurrent callers never interleave
 * inside someone else's transaction.
 *
 * A consequence worth knowing: code running inside a transaction must use the transaction, not the outer
 * `Kysely` instance, or it waits forever for the connection its own transaction holds.
 *
 * The pool owns the PGlite instance: `end()` waits for the current borrower, then closes PGlite, which
 * flushes a file-backed data directory to disk.
 *
 * @example
 * const pglite = await PGlite.create('memory://');
 * const kysely = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool: new PglitePool(pglite) }) });
 */
export class PglitePool implements PostgresPool {
  readonly #pglite: PgliteSession;
  readonly #lock = new Lock();
  #client: PgliteClient | null = null;
  #needsReset = false;
  #ended: Promise<void> | null = null;

  constructor(pglite: PgliteSession) {
    this.#pglite = pglite;
  }

  async connect(): Promise<PostgresPoolClient> {
    if (this.#ended) throw new Error('The PGlite pool has been ended');
    await this.#lock.acquire();
    try {
      if (this.#pglite.closed) throw new Error('The PGlite instance is closed');
      if (this.#needsReset) await this.#reset();
    } catch (error) {
      this.#lock.release();
      throw error;
    }
    this.#client ??= new PgliteClient(this.#pglite, (destroy) => this.#release(destroy));
    this.#client.lease();
    return this.#client;
  }

  /** Idempotent; waits for the connection to come back before closing PGlite. */
  end(): Promise<void> {
    this.#ended ??= this.#lock.acquire().then(async () => {
      try {
        if (!this.#pglite.closed) await this.#pglite.close();
      } finally {
        this.#lock.release();
      }
    });
    return this.#ended;
  }

  #release(destroy: boolean): void {
    if (destroy) {
      // Kysely discards a connection whose rollback failed. `pg` would open a fresh one; here the session is
      // the same, so forget the client (Kysely then treats the next one as new) and roll back whatever the
      // session may still hold before anyone else borrows it.
      this.#client = null;
      this.#needsReset = true;
    }
    this.#lock.release();
  }

  async #reset(): Promise<void> {
    this.#needsReset = false;
    // Outside a transaction ROLLBACK is a harmless no-op (a notice), so no need to ask first.
    await this.#pglite.query('rollback');
  }
}

class PgliteClient implements PostgresPoolClient {
  readonly #pglite: PgliteSession;
  readonly #onRelease: (destroy: boolean) => void;
  #leased = false;

  constructor(pglite: PgliteSession, onRelease: (destroy: boolean) => void) {
    this.#pglite = pglite;
    this.#onRelease = onRelease;
  }

  lease(): void {
    this.#leased = true;
  }

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      throw new Error('Streaming queries (cursors) are not supported on PGlite');
    }
    return this.#run<R>(sqlOrCursor, parameters ?? []);
  }

  release(destroy?: boolean): void {
    // A second release would hand the lock to a borrower while the first one still runs: refuse it loudly.
    if (!this.#leased) throw new Error('PGlite connection released twice');
    this.#leased = false;
    this.#onRelease(Boolean(destroy));
  }

  async #run<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    if (!this.#leased) throw new Error('PGlite connection used after release');
    const result = await this.#pglite.query<R>(sql, [...parameters]);
    return {
      // Kysely reads the command tag to tell affected-row counts apart and to detect a COMMIT that rolled
      // back; PGlite reports the same tags as the server ("INSERT", "CREATE TABLE", ...), some of which the
      // narrow type does not list.
      command: (result.command ?? '') as PostgresQueryResult<R>['command'],
      rowCount: result.rowCount ?? result.affectedRows ?? 0,
      rows: result.rows,
    };
  }
}

/** A FIFO mutex: one holder at a time, waiters served in arrival order. */
class Lock {
  #held = false;
  readonly #waiters: (() => void)[] = [];

  async acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#held = false;
  }
}
