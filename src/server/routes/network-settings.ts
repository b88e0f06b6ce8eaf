import { Hono } from 'hono';
import { networkSettingsSchema } from '../../core/network/network-settings.js';
import type { OwnerDatabase } from '../../db/index.js';
/** The playbook's timings (mentor updates, submission date, Match Day) and the letters target. */
import type { OwnerEnv } from '../owner-scope.js';
import { readBody } from '../read-body.js';
export function networkSettingsRoutes() {
  return new Hono<OwnerEnv>()
    .get('/', async (c) => c.json(await c.var.db.networkSettings.get()))
    .put('/', async (c) =>
      c.json(await c.var.db.networkSettings.save(await readBody(c, networkSettingsSchema))),
    );
}
