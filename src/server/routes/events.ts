import { Hono } from 'hono';
import { eventBodySchema, personMetBodySchema } from '../../app/network/bodies.js';
import { requireCatalogProgram } from '../../app/network/catalog-program.js';
import { contactView, newId, storedCircle } from '../../app/network/network-service.js';
import { defaultPrepChecklist, eventSchema, type NetworkEvent } from '../../core/network/index.js';
import type { OwnerDatabase } from '../../db/index.js';
import type { OwnerEnv } from '../owner-scope.js';
import { ProblemError } from '../problem.js';
import { readBody, readParam } from '../read-body.js';
import { notFound } from './contacts.js';

/** Conferences and fairs: prep checklist, programs attending, and the people met there. */
export function eventRoutes(now: () => Date) {
  const checkContacts = async (db: OwnerDatabase, contactIds: readonly string[]) => {
    const known = new Set((await db.contacts.list()).map((c) => c.id));
    const issues = contactIds
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !known.has(id))
      .map(({ index }) => ({ path: `contactIds.${index}`, message: 'No such contact' }));
    if (issues.length > 0) throw new ProblemError(400, 'Request body is invalid', issues);
  };
  return new Hono<OwnerEnv>()
    .get('/', async (c) => c.json({ items: await c.var.db.events.list() }))
    .post('/', async (c) => {
      const body = await readBody(c, eventBodySchema);
      await checkContacts(c.var.db, body.contactIds);
      const event = await c.var.db.events.insert(
        eventSchema.parse({ id: newId(), ...body, prep: body.prep ?? defaultPrepChecklist() }),
      );
      return c.json(event, 201);
    })
    .put('/:id', async (c) => {
      const id = readParam(c, 'id');
      const existing = await c.var.db.events.get(id);
      if (existing === null) throw notFound('event', id);
      const body = await readBody(c, eventBodySchema);
      await checkContacts(c.var.db, body.contactIds);
      const event = await c.var.db.events.update(
        eventSchema.parse({ id, ...body, prep: body.prep ?? existing.prep }),
      );
      return c.json(event);
    })
    .delete('/:id', async (c) => {
      const id = readParam(c, 'id');
      if (!(await c.var.db.events.delete(id))) throw notFound('event', id);
      return c.body(null, 204);
    })
    .post('/:id/people', async (c) => {
      const id = readParam(c, 'id');
      const body = await readBody(c, personMetBodySchema);
      await requireCatalogProgram(c.var.db, body.affiliation.acgmeId, 'affiliation.acgmeId');
      const result = await c.var.db.transaction(async (repos) => {
        const event = await repos.events.get(id);
        if (event === null) throw notFound('event', id);
        const { circle, ...rest } = body;
        const contact = await repos.contacts.insert({
          id: newId(),
          ...rest,
          metHow: rest.metHow ?? `Met at ${event.name}`,
          metWhere: rest.metWhere ?? (event.place === '' ? null : event.place),
          ...storedCircle(body.role, circle, []),
          createdAt: now().toISOString(),
        });
        const updated = (await repos.events.update({
          ...event,
          contactIds: [...event.contactIds, contact.id],
        })) as NetworkEvent;
        return { event: updated, contact: contactView(contact, [], now()) };
      });
      return c.json(result, 201);
    });
}
