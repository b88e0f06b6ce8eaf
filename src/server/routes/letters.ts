import { Hono } from 'hono';
import { z } from 'zod';
import { letterBodySchema } from '../../app/network/bodies.js';
import { newId } from '../../app/network/network-service.js';
import { type Letter, letterSchema, letterStatus, lettersReadiness } from '../../core/network/index.js';
import type { OwnerDatabase } from '../../db/index.js';
import type { OwnerEnv } from '../owner-scope.js';
import { ProblemError } from '../problem.js';
import { readBody, readParam, readQuery } from '../read-body.js';
import { notFound } from './contacts.js';

const count = z.coerce.number().int('Whole number').min(0).max(10);
/** A target in the query overrides the saved one (Network settings) for this request. */
const targetQuerySchema = z.object({ usFamilyMedicine: count.optional(), total: count.optional() });

/** Letters of recommendation, with their status and the readiness check Home shows. */
export function letterRoutes() {
  const view = async (db: OwnerDatabase, letter: Letter) => ({
    ...letter,
    status: letterStatus(letter),
    writerName: (await db.contacts.get(letter.writerContactId))?.name ?? '',
  });
  const checkWriter = async (db: OwnerDatabase, writerContactId: string) => {
    if ((await db.contacts.get(writerContactId)) === null) {
      throw new ProblemError(400, 'Request body is invalid', [
        { path: 'writerContactId', message: 'No such contact' },
      ]);
    }
  };
  return new Hono<OwnerEnv>()
    .get('/', async (c) => {
      const [letters, contacts] = await Promise.all([c.var.db.letters.list(), c.var.db.contacts.list()]);
      const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
      const items = letters.map((l) => ({
        ...l,
        status: letterStatus(l),
        writerName: names.get(l.writerContactId) ?? '',
      }));
      return c.json({
        items,
        readiness: lettersReadiness(
          letters,
          (await c.var.db.networkSettings.get()).letterTarget,
          (await c.var.db.profiles.get())?.profile.letters ?? null,
        ),
      });
    })
    .get('/readiness', async (c) => {
      const query = readQuery(c, targetQuerySchema);
      const saved = (await c.var.db.networkSettings.get()).letterTarget;
      const target = {
        usFamilyMedicine: query.usFamilyMedicine ?? saved.usFamilyMedicine,
        total: query.total ?? saved.total,
      };
      const profile = (await c.var.db.profiles.get())?.profile.letters ?? null;
      return c.json(lettersReadiness(await c.var.db.letters.list(), target, profile));
    })
    .post('/', async (c) => {
      const body = await readBody(c, letterBodySchema);
      await checkWriter(c.var.db, body.writerContactId);
      const letter = await c.var.db.letters.insert(letterSchema.parse({ id: newId(), ...body }));
      return c.json(await view(c.var.db, letter), 201);
    })
    .put('/:id', async (c) => {
      const id = readParam(c, 'id');
      const body = await readBody(c, letterBodySchema);
      await checkWriter(c.var.db, body.writerContactId);
      const letter = await c.var.db.letters.update(letterSchema.parse({ id, ...body }));
      if (letter === null) throw notFound('letter', id);
      return c.json(await view(c.var.db, letter));
    })
    .delete('/:id', async (c) => {
      const id = readParam(c, 'id');
      if (!(await c.var.db.letters.delete(id))) throw notFound('letter', id);
      return c.body(null, 204);
    });
}
