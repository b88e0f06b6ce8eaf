import {
  CompiledQuery,
  type DatabaseConnection,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
} from 'kysely';

/** The connection settings row-level security reads (migration 0010's policies). */
export const OWNER_SETTING = 'matchwise.owner_id';
export const OPERATOR_SETTING = 'matchwise.operator';

/** Whose rows a connection may see: one owner's, every owner's (the operator), or — an empty owner — none. */
export type SessionScope = { ownerId: string; operator?: never } | { operator: true; ownerId?: never };

const SET_SCOPE = `select set_config('search_path', $1, false), set_config('${OWNER_SETTING}', $2, false), set_config('${OPERATOR_SETTING}', $3, false)`;
const CLEAR_SCOPE = `select set_config('${OWNER_SETTING}', '', false), set_config('${OPERATOR_SETTING}', '', false)`;

/**
 * A PostgreSQL dialect whose every borrowed connection first states its scope — search path, owner, operator
 * — in one statement, and clears owner and operator before going back to the pool. Set on every borrow, the
 * scope can never be a previous borrower's, whichever request used the pooled connection before; cleared on
 * return, an idle connection holds no one's. Session-level (not `set local`) because Kysely runs a lone query
 * outside any transaction, where a transaction-local setting would be gone before the query.
 *
 * @example
 * const kysely = new Kysely<DatabaseSchema>({ dialect: scopedPostgresDialect(pool, 'public', { ownerId }) });
 */
export function scopedPostgresDialect(
  pool: PostgresPool,
  schema: string,
  scope: SessionScope,
): PostgresDialect {
  const values = [quoteIdentifier(schema), scope.ownerId ?? '', scope.operator ? 'on' : ''];
  return new PostgresDialect({
    pool: clearingOnRelease(pool),
    onReserveConnection: async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw(SET_SCOPE, values));
    },
  });
}

/** A view of `pool` whose clients clear the scope before they are released; `end()` is the pool's. */
function clearingOnRelease(pool: PostgresPool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      const scoped: PostgresPoolClient = {
        query: client.query.bind(client) as PostgresPoolClient['query'],
        release(destroy) {
          if (destroy) return client.release(true);
          // A client whose scope could not be cleared is dropped from the pool rather than reused.
          client.query(CLEAR_SCOPE, []).then(
            () => client.release(),
            () => client.release(true),
          );
        },
      };
      return scoped;
    },
    end: () => pool.end(),
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
