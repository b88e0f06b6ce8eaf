import type { Context } from 'hono';
import { Hono } from 'hono';
import { exportBackup, previewBackup, restoreBackup } from '../../app/backup/backup-service.js';
import { type Backup, parseBackup } from '../../core/backup/index.js';
import type { OwnerDatabase } from '../../db/index.js';
import type { OwnerEnv } from '../owner-scope.js';
import { ProblemError } from '../problem.js';

/** The body as a backup, or a problem: 400 when it is not JSON, 422 naming each bad field's JSON path. */
async function readBackup(c: Context): Promise<Backup> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ProblemError(400, 'Request body is not valid JSON', [
      { path: '(body)', message: 'Send the backup file as a JSON body with content-type application/json' },
    ]);
  }
  const parsed = parseBackup(raw);
  if (!parsed.ok) throw new ProblemError(422, 'This backup cannot be restored', parsed.error);
  return parsed.value;
}

/**
 * Whole-profile backup: download, preview a restore, restore (docs/api.md, "Backup").
 *
 * @example
 * app.route('/api/backup', backupRoutes(db, () => new Date()));
 */
export function backupRoutes(now: () => Date) {
  return new Hono<OwnerEnv>()
    .get('/', async (c) => {
      const backup = await exportBackup(c.var.db, { now });
      const day = backup.exportedAt.slice(0, 10);
      c.header('content-disposition', `attachment; filename="matchwise-backup-${day}.json"`);
      return c.json(backup);
    })
    .post('/preview', async (c) => {
      const result = await previewBackup(c.var.db, await readBackup(c));
      if (!result.ok) throw new ProblemError(422, 'This backup cannot be restored', result.error);
      return c.json(result.value);
    })
    .post('/restore', async (c) => {
      const result = await restoreBackup(c.var.db, await readBackup(c));
      if (!result.ok) throw new ProblemError(422, 'This backup cannot be restored', result.error);
      return c.json(result.value);
    });
}
