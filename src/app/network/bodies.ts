import { z } from 'zod';
import {
  CIRCLES,
  contactSchema,
  type Direction,
  eventSchema,
  type InteractionKind,
  interactionSchema,
  letterSchema,
} from '../../core/network/index.js';
import { storableText } from '../../core/shared/storable-text.js';

/**
 * Request bodies of the Network API, built from the core schemas so the rules live in one place. Optional
 * text a form leaves blank ("") arrives as null.
 */
const blankIsNull = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v), schema);

const c = contactSchema.shape;
export const contactBodySchema = z.object({
  name: c.name,
  role: c.role,
  title: blankIsNull(c.title),
  /** Given: the user's choice, kept. Omitted or null: Matchwise suggests one from role and history. */
  circle: blankIsNull(z.enum(CIRCLES).nullable()),
  affiliation: z
    .object({
      acgmeId: blankIsNull(c.affiliation.shape.acgmeId),
      institution: blankIsNull(c.affiliation.shape.institution),
    })
    .default({ acgmeId: null, institution: null }),
  metHow: blankIsNull(c.metHow),
  metWhere: blankIsNull(c.metWhere),
  email: blankIsNull(c.email),
  phone: blankIsNull(c.phone),
  linkedinUrl: blankIsNull(c.linkedinUrl),
  tags: c.tags.default([]),
  notes: c.notes.default(''),
});
export type ContactBody = z.infer<typeof contactBodySchema>;

/** A person met at an event: a contact whose role may be left out ("other"). */
export const personMetBodySchema = contactBodySchema.extend({ role: c.role.default('other') });

const DEFAULT_DIRECTION: Partial<Record<InteractionKind, Direction>> = {
  'email-sent': 'outgoing',
  'letter-requested': 'outgoing',
  'introduction-made': 'outgoing',
  'email-received': 'incoming',
  'letter-received': 'incoming',
};

const i = interactionSchema.shape;
export const interactionBodySchema = z
  .object({
    kind: i.kind,
    date: i.date,
    direction: i.direction.optional(),
    isRequest: i.isRequest.optional(),
    endDate: blankIsNull(i.endDate),
    acgmeId: blankIsNull(i.acgmeId),
    eventId: blankIsNull(i.eventId),
    notes: i.notes.default(''),
    purpose: i.purpose,
  })
  .refine((b) => b.endDate === null || b.endDate >= b.date, {
    message: 'The end date cannot be before the start date',
    path: ['endDate'],
  })
  .transform((b) => ({
    ...b,
    direction: b.direction ?? DEFAULT_DIRECTION[b.kind] ?? 'both',
    isRequest: b.isRequest ?? b.kind === 'letter-requested',
  }));
export type InteractionBody = z.infer<typeof interactionBodySchema>;

const l = letterSchema.shape;
export const letterBodySchema = z.object({
  writerContactId: l.writerContactId,
  kind: l.kind,
  requestedOn: blankIsNull(l.requestedOn),
  agreedOn: blankIsNull(l.agreedOn),
  uploadedOn: blankIsNull(l.uploadedOn),
  notes: storableText().max(20_000).default(''),
});

const e = eventSchema.shape;
export const eventBodySchema = z
  .object({
    name: e.name,
    startDate: e.startDate,
    endDate: e.endDate,
    place: e.place.default(''),
    programsAttending: e.programsAttending.default([]),
    /** Omitted: the default checklist (one-line introduction, CV or QR code, programs, questions). */
    prep: e.prep.optional(),
    contactIds: e.contactIds.default([]),
  })
  .refine((b) => b.endDate >= b.startDate, {
    message: 'The end date cannot be before the start date',
    path: ['endDate'],
  });

export const fileBodySchema = z.object({
  filename: storableText().trim().min(1, 'Name the file').max(255),
  contentBase64: storableText()
    .min(1, 'The file is empty')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Send the file content as base64'),
});
