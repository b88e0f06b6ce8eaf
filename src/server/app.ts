import { Hono, type MiddlewareHandler } from 'hono';
import { createRankListService, type RankListService } from '../app/match/rank-list-service.js';
import { createSimulationPool, type SimulationPool } from '../app/match/simulation-pool.js';
import { Refusal } from '../app/refusal.js';
import { sharingFor } from '../app/sharing/hosted-sharing.js';
import { createComputePool } from '../app/smartpick/compute-pool.js';
import { withRecommendCache } from '../app/smartpick/recommend-cache.js';
import { createSmartPickService, type SmartPickService } from '../app/smartpick/smartpick-service.js';
import type { BackupRecord } from '../core/network/index.js';
import type { Database, OwnerDatabase } from '../db/index.js';
import { LOCAL_OWNER_ID } from '../db/local-owner.js';
import { apiRoutes } from './api-routes.js';
import { authRoutes, localAuthRoutes } from './auth/auth-routes.js';
import type { HostedAccounts } from './auth/hosted-accounts.js';
import { localActor, requireSession } from './auth/require-session.js';
import { compressLargeResponses } from './compress-responses.js';
import type { Logger } from './logger.js';
import { perOwner } from './per-owner.js';
import { ProblemError, problemBody, problemResponse } from './problem.js';
import { cohortRoutes } from './routes/cohorts.js';
import { sharingRoutes } from './routes/sharing.js';
import { allowedHosts as allowedHostsOnly } from './security/allowed-hosts.js';
import { bodyLimits } from './security/body-limits.js';
import { jsonBodiesOnly } from './security/json-content-type.js';
import { sameOriginOnly } from './security/same-origin.js';
import { securityHeaders } from './security/security-headers.js';
import { serveWebApp } from './serve-web-app.js';

export interface AppOptions {
  db: Database;
  logger: Logger;
  /** Directory holding the built web app (dist/web); omitted in API-only tests. */
  webRoot?: string;
  /** SmartPick over one user's data; by default one running in a worker thread (one pool for every user). */
  smartpick?: (db: OwnerDatabase) => SmartPickService;
  /** Monte Carlo rank-list simulations; by default a pool of two worker threads started on first use. */
  simulations?: SimulationPool;
  /** Rank-list simulation jobs; by default in this process, on `simulations` (hosted mode queues them). */
  rankList?: RankListService;
  /** The clock the Network playbook and SmartPick's match year read; tests pin it. Defaults to real time. */
  now?: () => Date;
  /**
   * Host names answered besides localhost, 127.0.0.1 and [::1]: a hosted name, or the address the server is
   * bound to (docs/security.md). Requests addressed to any other name get a 421.
   */
  allowedHosts?: readonly string[];
  /** Hosted mode (MATCHWISE_MODE=hosted): accounts and sessions guard the API. Omitted: local mode, no accounts. */
  hosted?: HostedAccounts;
  /**
   * When a backup was last exported and the data last changed, from an edition whose data a browser may
   * delete (the static edition): the playbook then asks for backups. Omitted where the data is on disk.
   */
  backupRecord?: () => BackupRecord;
}

/**
 * The whole HTTP surface: JSON API under /api, the built web app everywhere else.
 *
 * @example
 * const app = createApp({ db: await openDatabase({ dataDir: 'memory://' }), logger: createLogger('silent') });
 * const res = await app.request('/api/health');
 */
export function createApp({
  db,
  logger,
  webRoot,
  smartpick,
  simulations,
  rankList,
  now = () => new Date(),
  allowedHosts = [],
  hosted,
  backupRecord,
}: AppOptions): Hono {
  const app = new Hono();
  const computePool = smartpick ? null : createComputePool();
  const smartpickFor = perOwner((owned: OwnerDatabase) =>
    withRecommendCache(
      smartpick ? smartpick(owned) : createSmartPickService(owned, computePool ?? createComputePool(), now),
      { dataVersion: () => owned.dataVersion(), now },
    ),
  );
  const rankListService =
    rankList ??
    createRankListService(
      (ownerId) => ({ ...db, ...db.forOwner(ownerId) }),
      simulations ?? createSimulationPool(),
      now,
    );

  app.use('*', securityHeaders());
  app.use('/api/*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  // Only Matchwise's own pages may call the API (docs/security.md, "Other web pages").
  app.use('*', allowedHostsOnly(allowedHosts));
  app.use('/api/*', sameOriginOnly(), jsonBodiesOnly());
  app.use('/api/*', compressLargeResponses());
  app.use('/api/*', bodyLimits());
  if (hosted) {
    app.use('/api/*', requireSession(hosted.accounts) as MiddlewareHandler);
    app.route('/api/auth', authRoutes(hosted.accounts, hosted));
    // Advisor sharing is between accounts: hosted mode only (docs/security.md, "Advisor sharing").
    app.route('/api', sharingRoutes(sharingFor(db, now, smartpickFor)));
    // Cohorts pool research between accounts: hosted mode only (docs/security.md, "Cohorts").
    app.route('/api/cohorts', cohortRoutes(db, now));
  } else {
    app.use('/api/*', localActor({ userId: LOCAL_OWNER_ID }) as MiddlewareHandler);
    app.route('/api/auth', localAuthRoutes());
  }

  app.route('/api', apiRoutes({ db, smartpick: smartpickFor, rankList: rankListService, now, backupRecord }));
  app.all('/api/*', (c) =>
    problemResponse(
      c,
      problemBody(404, `No API route ${c.req.method} ${c.req.path}`, [
        { path: c.req.path, message: 'Unknown route' },
      ]),
    ),
  );

  if (webRoot) serveWebApp(app, webRoot);

  app.notFound((c) => problemResponse(c, problemBody(404, `Nothing at ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof ProblemError) {
      return problemResponse(c, problemBody(error.status, error.title, error.errors, error.detail));
    }
    if (error instanceof Refusal) {
      return problemResponse(c, problemBody(422, error.title, error.errors));
    }
    logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return problemResponse(
      c,
      problemBody(500, 'Something went wrong on the server', [], 'See the server log for details'),
    );
  });
  return app;
}
