import { Hono } from 'hono';
import { networkSettingsSchema } from '../../core/network/network-settings.js';
import type { Database } from '../../db/index.js';
import { readBody } from '../read-body.js';

/** The playbook's timings (mentor updates, submission date, Match Day) and the letters target. */
export function networkSettingsRoutes(db: Database) {
  return new Hono()
    .get('/', async (c) => c.json(await db.networkSettings.get()))
    .put('/', async (c) => c.json(await db.networkSettings.save(await readBody(c, networkSettingsSchema))));
}
