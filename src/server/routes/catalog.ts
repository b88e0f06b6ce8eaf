import { Hono } from 'hono';
import { loadDemoCatalog } from '../../app/import/load-demo-catalog.js';
import type { Database } from '../../db/index.js';

export function catalogRoutes(db: Database) {
  return new Hono()
    .post('/demo', async (c) => c.json(await loadDemoCatalog(db), 201))
    .delete('/demo', async (c) => c.json({ deleted: await db.programs.deleteSynthetic() }));
}
