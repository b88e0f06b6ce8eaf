import { Hono } from 'hono';
import { z } from 'zod';
import { SPECIALTY_IDS } from '../../core/catalog/specialty.js';
import { CENSUS_DIVISIONS, isStateCode } from '../../core/geo/census.js';
import type { Database } from '../../db/index.js';
import { ProblemError } from '../problem.js';
import { readQuery } from '../read-body.js';

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    value
      ? value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
      : [],
  );

const programsQuerySchema = z.object({
  state: commaList.pipe(z.array(z.string().toUpperCase().refine(isStateCode, 'Unknown U.S. state'))),
  division: commaList.pipe(z.array(z.enum(CENSUS_DIVISIONS))),
  q: z.string().trim().max(200).optional(),
  specialty: z.enum(SPECIALTY_IDS).optional(),
});

export function programRoutes(db: Database): Hono {
  return new Hono()
    .get('/', async (c) => {
      const query = readQuery(c, programsQuerySchema);
      const items = await db.programs.list({
        states: query.state,
        divisions: query.division,
        ...(query.q ? { search: query.q } : {}),
        ...(query.specialty ? { specialty: query.specialty } : {}),
      });
      return c.json({ total: items.length, synthetic: items.filter((p) => p.synthetic).length, items });
    })
    .get('/:acgmeId', async (c) => {
      const program = await db.programs.get(c.req.param('acgmeId'));
      if (!program) throw new ProblemError(404, `No program with ACGME id ${c.req.param('acgmeId')}`);
      return c.json(program);
    });
}
