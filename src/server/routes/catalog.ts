import { Hono } from 'hono';
import type { Database } from '../../db/index.js';
import { loadDemoCatalog } from '../import/load-demo-catalog.js';

export function catalogRoutes(db: Database) {
  return new Hono()
    .post('/demo', async (c) => c.json(await loadDemoCatalog(db), 201))
    .delete('/demo', async (c) => c.json({ deleted: await db.programs.deleteSynthetic() }));
}
