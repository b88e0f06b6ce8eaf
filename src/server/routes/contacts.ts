import { Hono } from 'hono';
import { z } from 'zod';
import { contactBodySchema, fileBodySchema, interactionBodySchema } from '../../app/network/bodies.js';
import { requireCatalogProgram } from '../../app/network/catalog-program.js';
import { createDuplicateFinder } from '../../app/network/duplicates-off-thread.js';
import {
  type ContactView,
  commitContactImport,
  contactView,
  loadNetwork,
  newId,
  planContactImport,
  storedCircle,
  trackedTasks,
} from '../../app/network/network-service.js';
import { type ContactDraft, contactsToCsv, contactsToVCard } from '../../core/network/import/index.js';
import {
  CIRCLES,
  CONTACT_ROLES,
  type Contact,
  connectionsAtProgram,
  type Interaction,
  interactionSchema,
  mergeContacts,
  repointContact,
  timelineOf,
} from '../../core/network/index.js';
import { storableText } from '../../core/shared/storable-text.js';
import type { OwnerDatabase } from '../../db/index.js';
import type { Repositories } from '../../db/repositories.js';
import type { OwnerEnv } from '../owner-scope.js';
import { ProblemError } from '../problem.js';
import { readBody, readParam, readQuery } from '../read-body.js';

const listQuerySchema = z.object({
  q: storableText().trim().max(200).optional(),
  role: z.enum(CONTACT_ROLES).optional(),
  circle: z.enum(CIRCLES).optional(),
  acgmeId: storableText().trim().min(1).optional(),
});

const mergeBodySchema = z
  .object({ keepId: storableText().min(1, 'Name the contact to keep'), mergeId: storableText().min(1) })
  .refine((b) => b.keepId !== b.mergeId, { message: 'Choose two different contacts', path: ['mergeId'] });

export function notFound(what: string, id: string, path = 'id'): ProblemError {
  return new ProblemError(404, `No ${what} with id ${id}`, [{ path, message: `No such ${what}` }]);
}

async function requireContact(repos: Repositories, id: string, path = 'id'): Promise<Contact> {
  const contact = await repos.contacts.get(id);
  if (contact === null) throw notFound('contact', id, path);
  return contact;
}

function toDraft(contact: Contact): ContactDraft {
  const words = contact.name.split(/\s+/);
  return {
    name: contact.name,
    firstName: words.length > 1 ? (words[0] ?? null) : null,
    lastName: words.length > 1 ? (words.at(-1) ?? null) : null,
    title: contact.title,
    email: contact.email,
    phone: contact.phone,
    linkedinUrl: contact.linkedinUrl,
    institution: contact.affiliation.institution,
    position: null,
    notes: contact.notes === '' ? null : contact.notes,
    tags: contact.tags,
    role: contact.role,
    circle: contact.circle,
    metHow: contact.metHow,
    connectedOn: null,
  };
}

function fileRequest(body: z.infer<typeof fileBodySchema>, now: Date) {
  return { filename: body.filename, bytes: new Uint8Array(Buffer.from(body.contentBase64, 'base64')), now };
}

function fileProblem(failure: { path: string; message: string }): ProblemError {
  return new ProblemError(422, 'The file cannot be imported', [
    { path: failure.path, message: failure.message },
  ]);
}

/** Shared by every app in the process: its worker starts on the first large search. */
const duplicateFinder = createDuplicateFinder();

/** Duplicate pairs answered at most (the strongest first); `total` says how many were found. */
export const MAX_DUPLICATE_PAIRS = 500;

/** Contacts, their interactions, duplicates and merging, import and export. See docs/api.md "Network". */
export function contactRoutes(now: () => Date) {
  return new Hono<OwnerEnv>()
    .get('/', async (c) => {
      const query = readQuery(c, listQuerySchema);
      const { contacts, interactions } = await loadNetwork(c.var.db);
      const needle = query.q?.toLowerCase();
      const items = contacts
        .map((contact) => contactView(contact, interactions, now()))
        .filter((v) => query.role === undefined || v.role === query.role)
        .filter((v) => query.circle === undefined || v.circle === query.circle)
        .filter((v) => query.acgmeId === undefined || v.affiliation.acgmeId === query.acgmeId)
        .filter(
          (v) =>
            needle === undefined ||
            [v.name, v.email, v.affiliation.institution, v.notes, ...v.tags].some((text) =>
              (text ?? '').toLowerCase().includes(needle),
            ),
        );
      return c.json({ items });
    })
    .post('/', async (c) => {
      const body = await readBody(c, contactBodySchema);
      await requireCatalogProgram(c.var.db, body.affiliation.acgmeId, 'affiliation.acgmeId');
      const { circle, ...rest } = body;
      const contact = await c.var.db.contacts.insert({
        id: newId(),
        ...rest,
        ...storedCircle(body.role, circle, []),
        createdAt: now().toISOString(),
      });
      return c.json(contactView(contact, [], now()), 201);
    })
    .get('/duplicates', async (c) => {
      const { contacts, interactions } = await loadNetwork(c.var.db);
      const { pairs, partial } = await duplicateFinder.search(contacts);
      // Views only for contacts in a pair, each with its own interactions: not every contact × every interaction.
      const byId = new Map(contacts.map((contact) => [contact.id, contact]));
      const interactionsOf = new Map<string, Interaction[]>();
      for (const interaction of interactions) {
        const own = interactionsOf.get(interaction.contactId);
        if (own) own.push(interaction);
        else interactionsOf.set(interaction.contactId, [interaction]);
      }
      const views = new Map<string, ContactView>();
      const view = (id: string): ContactView => {
        const known = views.get(id);
        if (known) return known;
        const made = contactView(byId.get(id) as Contact, interactionsOf.get(id) ?? [], now());
        views.set(id, made);
        return made;
      };
      // At most a page of pairs, the strongest (most reasons, closest names) when there are more: tens of thousands of pairs (one big block of
      // near-identical contacts) took seconds to turn into views on the main thread and nobody reads them all.
      const shown =
        pairs.length <= MAX_DUPLICATE_PAIRS
          ? pairs
          : [...pairs]
              .sort((x, y) => y.reasons.length - x.reasons.length || y.nameSimilarity - x.nameSimilarity)
              .slice(0, MAX_DUPLICATE_PAIRS);
      const items = shown.map((pair) => ({
        a: view(pair.a),
        b: view(pair.b),
        reasons: pair.reasons,
        nameSimilarity: pair.nameSimilarity,
      }));
      // Blocks too big to compare whole (see searchDuplicates): the client can say the list may be incomplete.
      return c.json({ items, partial, total: pairs.length, truncated: shown.length < pairs.length });
    })
    .post('/merge', async (c) => {
      const { keepId, mergeId } = await readBody(c, mergeBodySchema);
      const merged = await c.var.db.transaction(async (repos) => {
        const keep = await requireContact(repos, keepId, 'keepId');
        const drop = await requireContact(repos, mergeId, 'mergeId');
        const { contact } = mergeContacts(keep, drop, await repos.interactions.listByContact(mergeId));
        await repos.interactions.reassign(mergeId, keepId);
        await repos.letters.reassign(mergeId, keepId);
        const events = await repos.events.list();
        const { events: repointed } = repointContact(mergeId, keepId, { letters: [], events });
        for (const [index, event] of repointed.entries()) {
          if (event !== events[index]) await repos.events.update(event);
        }
        await repos.contacts.delete(mergeId);
        await repos.contacts.update(contact);
        return contact;
      });
      return c.json(contactView(merged, await c.var.db.interactions.listByContact(merged.id), now()));
    })
    .post('/import/preview', async (c) => {
      const request = fileRequest(await readBody(c, fileBodySchema), now());
      const plan = await planContactImport(c.var.db, request);
      if (!plan.ok) throw fileProblem(plan.error);
      return c.json(plan.value.preview);
    })
    .post('/import', async (c) => {
      const request = fileRequest(await readBody(c, fileBodySchema), now());
      const report = await commitContactImport(c.var.db, request);
      if (!report.ok) throw fileProblem(report.error);
      return c.json(report.value, 201);
    })
    .get('/export.vcf', async (c) =>
      c.body(contactsToVCard((await c.var.db.contacts.list()).map(toDraft)), 200, {
        'content-type': 'text/vcard; charset=utf-8',
        'content-disposition': 'attachment; filename="matchwise-contacts.vcf"',
      }),
    )
    .get('/export.csv', async (c) =>
      c.body(contactsToCsv((await c.var.db.contacts.list()).map(toDraft)), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="matchwise-contacts.csv"',
      }),
    )
    .get('/:id', async (c) => {
      const id = readParam(c, 'id');
      const contact = await requireContact(c.var.db, id);
      const network = await loadNetwork(c.var.db);
      const tasks = (await trackedTasks(c.var.db, now())).filter(
        (t) => t.contactId === id && (t.status === 'open' || t.status === 'snoozed'),
      );
      const acgmeId = contact.affiliation.acgmeId;
      return c.json({
        contact: contactView(contact, network.interactions, now()),
        timeline: timelineOf(id, network.interactions),
        letters: network.letters.filter((l) => l.writerContactId === id),
        events: network.events.filter((e) => e.contactIds.includes(id)),
        tasks,
        program: acgmeId === null ? null : connectionsAtProgram(acgmeId, network),
      });
    })
    .put('/:id', async (c) => {
      const id = readParam(c, 'id');
      const existing = await requireContact(c.var.db, id);
      const body = await readBody(c, contactBodySchema);
      await requireCatalogProgram(
        c.var.db,
        body.affiliation.acgmeId,
        'affiliation.acgmeId',
        existing.affiliation.acgmeId,
      );
      const interactions = await c.var.db.interactions.listByContact(id);
      const { circle, ...rest } = body;
      const updated = await c.var.db.contacts.update({
        ...existing,
        ...rest,
        ...storedCircle(body.role, circle, interactions),
      });
      if (updated === null) throw notFound('contact', id);
      return c.json(contactView(updated, interactions, now()));
    })
    .delete('/:id', async (c) => {
      const id = readParam(c, 'id');
      await c.var.db.transaction(async (repos) => {
        await requireContact(repos, id);
        for (const event of await repos.events.list()) {
          if (event.contactIds.includes(id)) {
            await repos.events.update({ ...event, contactIds: event.contactIds.filter((x) => x !== id) });
          }
        }
        await repos.contacts.delete(id);
      });
      return c.body(null, 204);
    })
    .post('/:id/interactions', async (c) => {
      const contactId = readParam(c, 'id');
      await requireContact(c.var.db, contactId);
      const body = await readBody(c, interactionBodySchema);
      await requireCatalogProgram(c.var.db, body.acgmeId, 'acgmeId');
      if (body.eventId !== null && (await c.var.db.events.get(body.eventId)) === null) {
        throw new ProblemError(400, 'Request body is invalid', [
          { path: 'eventId', message: 'No such event' },
        ]);
      }
      const interaction = await c.var.db.interactions.insert(
        interactionSchema.parse({ id: newId(), contactId, ...body }),
      );
      return c.json(interaction, 201);
    });
}

/** `DELETE /api/interactions/:id`. */
export function interactionRoutes() {
  return new Hono<OwnerEnv>().delete('/:id', async (c) => {
    const id = readParam(c, 'id');
    if (!(await c.var.db.interactions.delete(id))) throw notFound('interaction', id);
    return c.body(null, 204);
  });
}
