import { z } from 'zod';
import { storableText } from '../shared/storable-text.js';

export const INTERACTION_KINDS = [
  'rotation',
  'meeting',
  'email-sent',
  'email-received',
  'call',
  'video',
  'conference-meeting',
  'letter-requested',
  'letter-received',
  'introduction-made',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * What an outgoing message was for, when known: Compose logs its template's, Quick log asks. The playbook closes a
 * task only on a message for what the task asks (a letter request never counts as a thank-you); null means not
 * stated, which closes only the tasks that ask just to be in touch (an update, a reintroduction).
 */
export const MESSAGE_PURPOSES = [
  'thank-you',
  'feedback-request',
  'letter-request',
  'follow-up',
  'update',
  'introduction',
  'other',
] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/** Outgoing: the applicant reached out. Incoming: the contact did. Both: a conversation, a rotation. */
export const DIRECTIONS = ['outgoing', 'incoming', 'both'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const isoDate = z.iso.date({ message: 'Use a date like 2026-09-01' });

export const interactionSchema = z
  .object({
    id: storableText().min(1),
    contactId: storableText().min(1),
    kind: z.enum(INTERACTION_KINDS, { message: 'Choose what happened' }),
    direction: z.enum(DIRECTIONS),
    /** The applicant asked for something (a letter, an introduction, a favour): "give before you ask" counts these. */
    isRequest: z.boolean(),
    date: isoDate,
    /** Last day of a rotation; null for one-day interactions. */
    endDate: isoDate.nullable(),
    /** The program where a rotation took place, when it is in the catalog. */
    acgmeId: storableText().trim().min(1).max(40).nullable(),
    /** The event (conference, fair) where it happened. */
    eventId: storableText().min(1).nullable(),
    notes: storableText().max(20_000),
    /** What the message was for (MESSAGE_PURPOSES); null when not stated, and for rotations and meetings. */
    purpose: z.enum(MESSAGE_PURPOSES).nullable().default(null),
  })
  .refine((i) => i.endDate === null || i.endDate >= i.date, {
    message: 'The end date cannot be before the start date',
    path: ['endDate'],
  });

export type Interaction = z.infer<typeof interactionSchema>;

/** The applicant took part in reaching out: what "last outgoing interaction" and follow-ups look at. */
export function isOutgoing(interaction: Interaction): boolean {
  return interaction.direction === 'outgoing' || interaction.direction === 'both';
}

/** The day an interaction finished: a rotation's last day, otherwise its date. */
export function endDayOf(interaction: Interaction): string {
  return interaction.endDate ?? interaction.date;
}
