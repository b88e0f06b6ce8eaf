import { Hono } from 'hono';
import { loadDemoCatalog } from '../../app/import/load-demo-catalog.js';
import type { OwnerDatabase } from '../../db/index.js';

import type { OwnerEnv } from '../owner-scope.js';
export function catalogRoutes() {
  return new Hono<OwnerEnv>()
    .post('/demo', async (c) => c.json(await loadDemoCatalog(c.var.db), 201))
    .delete('/demo', async (c) => c.json({ deleted: await c.var.db.programs.deleteSynthetic() }));
}
