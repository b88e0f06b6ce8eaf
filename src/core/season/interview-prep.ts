import { z } from 'zod';
import { storableText } from '../shared/storable-text.js';

/** One practice session on one question: from the bank (`questionId`) or the applicant's own (`questionText`). */
export const practiceEntrySchema = z
  .object({
    id: storableText().min(1),
    questionId: storableText().min(1).nullable(),
    questionText: storableText()
      .trim()
      .min(1, 'Write the question or pick one from the bank')
      .max(1000)
      .nullable(),
    acgmeId: storableText().min(1).nullable(),
    practicedOn: z.iso.date({ message: 'Use a date like 2026-11-25' }),
    rating: z.number().int('Whole number').min(1, 'From 1').max(5, 'To 5'),
    notes: storableText().max(20_000),
  })
  .refine((entry) => entry.questionId !== null || entry.questionText !== null, {
    message: 'Pick a question from the bank or write your own',
    path: ['questionId'],
  });

export type PracticeEntry = z.infer<typeof practiceEntrySchema>;

/** What the applicant wants to say at one program, kept beside the interview. */
export const programNotesSchema = z.object({
  whatToMention: storableText().max(20_000),
  notes: storableText().max(20_000),
});

export type ProgramNotes = z.infer<typeof programNotesSchema>;
