import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { accountsFor, type ServingMode } from '../app/hosted-mode.js';
import { startQueuedRankListService } from '../app/match/queued-rank-list-service.js';
import { createSimulationPool } from '../app/match/simulation-pool.js';
import { createComputePool } from '../app/smartpick/compute-pool.js';
import { createSmartPickService } from '../app/smartpick/smartpick-service.js';
import { type DatabaseOptions, openDatabase } from '../db/index.js';
import { createSimulationJobsRepository } from '../db/simulation-jobs-repository.js';
import { createApp } from './app.js';
import type { Logger } from './logger.js';
import { isWildcardAddress } from './security/allowed-hosts.js';
import type { SimulationQueueConfig } from './simulation-queue-config.js';

const SHUTDOWN_GRACE_MS = 5_000;

export interface StartOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  database: DatabaseOptions;
  logger: Logger;
  webRoot?: string;
  /**
   * Names the server answers to besides the loopback names and `host` (MATCHWISE_ALLOWED_HOSTS); required when
   * `host` is a wildcard (0.0.0.0, ::), since then nothing says which names clients use.
   */
  allowedHosts?: readonly string[];
  /** Hosted mode puts accounts in front of the API (servingModeFromEnv); local by default. */
  mode?: ServingMode;
  /**
   * Hosted mode: rank-list simulations go through the PostgreSQL job queue shared with every other process on
   * the database (simulationQueueFromEnv). Without it they run as jobs in this process.
   */
  simulationQueue?: SimulationQueueConfig | null;
}

export interface RunningServer {
  url: string;
  /** Stops accepting requests, lets open ones finish, then closes the database cleanly. Idempotent. */
  close(): Promise<void>;
}

export async function startServer({
  host,
  port,
  database,
  logger,
  webRoot,
  allowedHosts = [],
  mode = { kind: 'local' },
  simulationQueue = null,
}: StartOptions): Promise<RunningServer> {
  if (isWildcardAddress(host) && allowedHosts.length === 0) {
    throw new Error(
      `Listening on ${host} needs the names clients reach this server by: set MATCHWISE_ALLOWED_HOSTS ` +
        '(e.g. MATCHWISE_ALLOWED_HOSTS=matchwise.example.com), see docs/security.md',
    );
  }
  if (mode.kind === 'hosted' && !database.databaseUrl) {
    throw new Error(
      'Hosted mode needs PostgreSQL: set DATABASE_URL (accounts and sessions are stored there)',
    );
  }
  const db = await openDatabase(database);
  const pool = createComputePool();
  const simulations = createSimulationPool();
  const rankList = simulationQueue
    ? await startQueuedRankListService({
        // A Database whose repositories are the owner's (until the preparation takes an owner's database).
        dataFor: (ownerId) => ({ ...db, ...db.forOwner(ownerId) }),
        jobsFor: (ownerId) => createSimulationJobsRepository(db.kysely, ownerId),
        databaseUrl: simulationQueue.databaseUrl,
        workers: simulationQueue.workers,
        pool: simulations,
        onError: (error) => logger.warn({ err: error }, 'simulation queue'),
        // Beside the tables' schema, so test databases isolated by schema get queues of their own.
        ...(database.schema ? { queueSchema: `${database.schema}_pgboss` } : {}),
      })
    : undefined;
  const app = createApp({
    db,
    logger,
    smartpick: (owned) => createSmartPickService(owned, pool),
    simulations,
    ...(rankList ? { rankList } : {}),
    allowedHosts: [...allowedHosts, host],
    ...(mode.kind === 'hosted' ? { hosted: { accounts: accountsFor(db), trustProxy: mode.trustProxy } } : {}),
    ...(webRoot ? { webRoot } : {}),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(s as Server));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}`;
  logger.info(
    { url, engine: db.engine, simulationWorkers: simulationQueue ? simulationQueue.workers : 'in process' },
    'server listening',
  );

  let closing: Promise<void> | null = null;
  return {
    url,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Browsers keep idle connections open; close those now and cut the rest after a grace period.
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
        });
        // Hands a queued simulation still running here back to the queue, before the pool under it stops.
        await rankList?.close();
        await pool.close();
        await simulations.close();
        await db.close();
        logger.info('server stopped, database closed');
      })();
      return closing;
    },
  };
}
