import { Hono } from 'hono';
import { z } from 'zod';
import { knownMergeValues, loadNetwork, mergeValues } from '../../app/network/network-service.js';
import {
  findTemplate,
  MERGE_FIELDS,
  type MergeValues,
  mailtoUrl,
  OUTREACH_TEMPLATES,
  renderTemplate,
  toEml,
} from '../../core/network/templates/index.js';
import { storableText } from '../../core/shared/storable-text.js';
import type { OwnerDatabase } from '../../db/index.js';
import type { OwnerEnv } from '../owner-scope.js';
import { ProblemError } from '../problem.js';
import { readBody } from '../read-body.js';
import { notFound } from './contacts.js';

const text = storableText().max(5000).nullable().optional();
const mergeValuesSchema = z.object({
  contact: z.object({ title: text, firstName: text, lastName: text, name: text }).optional(),
  me: z
    .object({
      name: text,
      school: text,
      graduationYear: z
        .union([storableText().max(10), z.number().int()])
        .nullable()
        .optional(),
      email: text,
    })
    .optional(),
  program: z.object({ name: text }).optional(),
  rotation: z.object({ site: text, dates: text }).optional(),
  event: z.object({ name: text }).optional(),
  learned: text,
  bragSheet: z.array(storableText().max(1000)).max(50).nullable().optional(),
});

const renderBodySchema = z.object({
  templateId: storableText().min(1, 'Choose a template'),
  contactId: storableText().min(1).optional(),
  values: mergeValuesSchema.default({}),
});

const emlBodySchema = z.object({
  to: z.email({ message: 'Use an address like name@example.org' }),
  toName: storableText().trim().max(200).optional(),
  subject: storableText().max(1000),
  body: storableText().max(100_000),
});

/** `GET /api/templates`. */
export function templateRoutes() {
  return new Hono().get('/', (c) => c.json({ items: OUTREACH_TEMPLATES, mergeFields: MERGE_FIELDS }));
}

/** Compose: render a template for a contact, and turn the (edited) message into an .eml draft. */
export function composeRoutes(now: () => Date) {
  return new Hono<OwnerEnv>()
    .post('/render', async (c) => {
      const body = await readBody(c, renderBodySchema);
      const template = findTemplate(body.templateId);
      if (template === undefined) throw notFound('template', body.templateId, 'templateId');
      const contact = body.contactId === undefined ? null : await c.var.db.contacts.get(body.contactId);
      if (body.contactId !== undefined && contact === null)
        throw notFound('contact', body.contactId, 'contactId');
      const values = mergeValues(
        await knownMergeValues(c.var.db, contact, await loadNetwork(c.var.db)),
        body.values as MergeValues,
      );
      const rendered = renderTemplate(template, values);
      const to = contact?.email ?? null;
      if (!rendered.ok) {
        return c.json({
          ready: false,
          subject: null,
          body: null,
          to,
          mailto: null,
          issues: rendered.error,
          values,
        });
      }
      const { subject, body: message } = rendered.value;
      return c.json({
        ready: true,
        subject,
        body: message,
        to,
        mailto: mailtoUrl({ to: to ?? [], subject, body: message }),
        issues: [],
        values,
      });
    })
    .post('/eml', async (c) => {
      const body = await readBody(c, emlBodySchema);
      if (body.subject.trim() === '') {
        throw new ProblemError(400, 'Request body is invalid', [
          { path: 'subject', message: 'Write a subject' },
        ]);
      }
      const eml = toEml({
        to: body.toName ? { name: body.toName, address: body.to } : body.to,
        subject: body.subject,
        body: body.body,
        date: now(),
      });
      return c.body(eml, 200, {
        'content-type': 'message/rfc822',
        'content-disposition': 'attachment; filename="matchwise-message.eml"',
      });
    });
}
