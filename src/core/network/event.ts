import { z } from 'zod';
import { storableText } from '../shared/storable-text.js';

const isoDate = z.iso.date({ message: 'Use a date like 2026-09-01' });

export const prepItemSchema = z.object({
  id: storableText().min(1),
  text: storableText().trim().min(1).max(300),
  done: z.boolean(),
});
export type PrepItem = z.infer<typeof prepItemSchema>;

export const eventSchema = z
  .object({
    id: storableText().min(1),
    name: storableText().trim().min(1, 'Name is required').max(300),
    startDate: isoDate,
    endDate: isoDate,
    place: storableText().trim().max(300),
    /** Programs that said they will be there (catalog ACGME ids): the ones worth visiting. */
    programsAttending: z.array(storableText().trim().min(1).max(40)).max(1000),
    prep: z.array(prepItemSchema).max(100),
    /** People met there; each gets a follow-up task within 7 days of the event's end. */
    contactIds: z.array(storableText().min(1)).max(5000),
  })
  .refine((e) => e.endDate >= e.startDate, {
    message: 'The end date cannot be before the start date',
    path: ['endDate'],
  });

export type NetworkEvent = z.infer<typeof eventSchema>;

/** The preparation most residency fairs reward: ready words, something to leave behind, a plan, questions. */
export function defaultPrepChecklist(): PrepItem[] {
  return [
    { id: 'intro', text: 'Write and rehearse a one-line introduction', done: false },
    { id: 'cv', text: 'Print a one-page CV or make a QR code linking to it', done: false },
    { id: 'programs', text: 'List the attending programs you want to visit', done: false },
    { id: 'questions', text: 'Prepare two questions for each of those programs', done: false },
  ];
}
