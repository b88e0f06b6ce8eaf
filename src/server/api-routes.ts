import { Hono } from 'hono';
import type { RankListService } from '../app/match/rank-list-service.js';
import type { SmartPickService } from '../app/smartpick/smartpick-service.js';
import type { BackupRecord } from '../core/network/index.js';
import type { Database } from '../db/index.js';
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
  smartpick: SmartPickService;
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
  return new Hono()
    .route('/health', healthRoutes(db))
    .route('/programs', programRoutes(db))
    .route('/catalog', catalogRoutes(db))
    .route('/imports', importRoutes(db))
    .route('/profile', profileRoutes(db))
    .route('/smartpick', smartpickRoutes(db, smartpick))
    .route('/network/settings', networkSettingsRoutes(db))
    .route('/contacts', contactRoutes(db, now))
    .route('/interactions', interactionRoutes(db))
    .route('/letters', letterRoutes(db))
    .route('/events', eventRoutes(db, now))
    .route('/tasks', taskRoutes(db, now, backupRecord))
    .route('/templates', templateRoutes())
    .route('/compose', composeRoutes(db, now))
    .route('/applications', applicationRoutes(db, now))
    .route('/season', seasonRoutes(db, now))
    .route('/interview-prep', interviewPrepRoutes(db, now))
    .route('/rank-list', rankListRoutes(db))
    .route('/match', matchRoutes(rankList))
    .route('/backup', backupRoutes(db, now));
}

/** The API's routes as a type: import it with `import type` only, so no server code reaches the browser. */
export type ApiRoutes = ReturnType<typeof apiRoutes>;
