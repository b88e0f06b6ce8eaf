import { Hono } from 'hono';
import type { RankListService } from '../app/match/rank-list-service.js';
import type { SmartPickService } from '../app/smartpick/smartpick-service.js';
import type { BackupRecord } from '../core/network/index.js';
import type { Database, OwnerDatabase } from '../db/index.js';
import { type OwnerEnv, ownerScope } from './owner-scope.js';
import { backupRoutes } from './routes/backup.js';
import { catalogRoutes } from './routes/catalog.js';
import { composeRoutes, templateRoutes } from './routes/compose.js';
import { contactRoutes, interactionRoutes } from './routes/contacts.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/imports.js';
import { letterRoutes } from './routes/letters.js';
import { matchRoutes } from './routes/match.js';
import { networkSettingsRoutes } from './routes/network-settings.js';
import { profileRoutes } from './routes/profile.js';
import { programRoutes } from './routes/programs.js';
import { applicationRoutes, interviewPrepRoutes, rankListRoutes, seasonRoutes } from './routes/season.js';
import { smartpickRoutes } from './routes/smartpick.js';
import { taskRoutes } from './routes/tasks.js';

export interface ApiDependencies {
  db: Database;
  /** The acting user's SmartPick (app.ts keeps one per recent user, each with its own cache). */
  smartpick: (db: OwnerDatabase) => SmartPickService;
  rankList: RankListService;
  now: () => Date;
  /** The static edition's backup record, for the playbook's backup reminder (AppOptions.backupRecord). */
  backupRecord?: () => BackupRecord;
}

/**
 * Every endpoint of docs/api.md, mounted under /api by the app. Chained in one expression so its type carries
 * each route's path, method and answer: the web derives its response types from {@link ApiRoutes}.
 *
 * @example
 * app.route('/api', apiRoutes({ db, smartpick, rankList, now }));
 */
export function apiRoutes({ db, smartpick, rankList, now, backupRecord }: ApiDependencies) {
  return (
    new Hono<OwnerEnv>()
      // Open without a session in hosted mode, so before the owner scope; it scopes what it counts itself.
      .route('/health', healthRoutes(db))
      // Every route below reads and writes through c.var.db, the acting user's data, and gets no other database.
      .use('*', ownerScope(db))
      .route('/programs', programRoutes())
      .route('/catalog', catalogRoutes())
      .route('/imports', importRoutes())
      .route('/profile', profileRoutes())
      .route('/smartpick', smartpickRoutes(smartpick))
      .route('/network/settings', networkSettingsRoutes())
      .route('/contacts', contactRoutes(now))
      .route('/interactions', interactionRoutes())
      .route('/letters', letterRoutes())
      .route('/events', eventRoutes(now))
      .route('/tasks', taskRoutes(now, backupRecord))
      .route('/templates', templateRoutes())
      .route('/compose', composeRoutes(now))
      .route('/applications', applicationRoutes(now))
      .route('/season', seasonRoutes(now))
      .route('/interview-prep', interviewPrepRoutes(now))
      .route('/rank-list', rankListRoutes())
      .route('/match', matchRoutes(rankList))
      .route('/backup', backupRoutes(now))
  );
}

/** The API's routes as a type: import it with `import type` only, so no server code reaches the browser. */
export type ApiRoutes = ReturnType<typeof apiRoutes>;
