import { Hono } from 'hono';
import type { Database } from '../../db/index.js';

export function healthRoutes(db: Database) {
  return new Hono().get('/', async (c) => {
    const { total } = await db.programs.count();
    return c.json({ status: 'ok', engine: db.engine, programs: total });
  });
}
