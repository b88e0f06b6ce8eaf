import { z } from 'zod';
import { storableText } from '../shared/storable-text.js';

/**
 * One program's application through the season. Stages are in pipeline order; the three closed ones
 * (matched, not-matched, withdrawn) end it.
 */
export const STAGES = [
  'saved',
  'applied',
  'signaled',
  'interview-invited',
  'interview-scheduled',
  'interviewed',
  'ranked',
  'matched',
  'not-matched',
  'withdrawn',
] as const;

export type Stage = (typeof STAGES)[number];

export const CLOSED_STAGES: readonly Stage[] = ['matched', 'not-matched', 'withdrawn'];

/** True for an IANA zone the runtime knows, e.g. America/Chicago; Intl throws a RangeError otherwise. */
export function isIanaTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export const interviewSchema = z.object({
  // The offset is required so the instant is unambiguous whatever machine reads it.
  startsAt: z.iso.datetime({
    offset: true,
    message: 'Use a date and time with offset, like 2026-12-03T09:00:00-06:00',
  }),
  // Kept beside the instant so the program's local time can be shown ("9:00 in Chicago").
  timeZone: storableText().refine(isIanaTimeZone, { message: 'Use a time zone like America/Chicago' }),
  mode: z.enum(['virtual', 'in-person']),
});

export const impressionsSchema = z.object({
  ratings: z.record(storableText().min(1), z.number().int('Whole number').min(1, 'From 1').max(5, 'To 5')),
  notes: storableText(),
});

export const stageChangeSchema = z.object({
  stage: z.enum(STAGES),
  at: z.iso.datetime({ offset: true }),
});

export const applicationSchema = z.object({
  acgmeId: storableText().min(1, 'ACGME id is required'),
  stage: z.enum(STAGES),
  appliedOn: z.iso.date().nullable(),
  feeDollars: z.number().min(0, 'Fees cannot be negative').nullable(),
  signaled: z.boolean(),
  invitedOn: z.iso.date().nullable(),
  responseDeadline: z.iso.date().nullable(),
  interview: interviewSchema.nullable(),
  impressions: impressionsSchema.nullable(),
  history: z.array(stageChangeSchema),
  /** Free notes the applicant keeps about this program's application. */
  notes: storableText().max(20_000, 'Keep notes under 20,000 characters'),
});

export type Interview = z.infer<typeof interviewSchema>;
export type Impressions = z.infer<typeof impressionsSchema>;
export type StageChange = z.infer<typeof stageChangeSchema>;
export type Application = z.infer<typeof applicationSchema>;

/**
 * A program saved to the pipeline, nothing sent yet.
 *
 * @example newApplication('1200500001', new Date('2026-06-03T12:00:00Z'))
 */
export function newApplication(acgmeId: string, at: Date): Application {
  return {
    acgmeId,
    stage: 'saved',
    appliedOn: null,
    feeDollars: null,
    signaled: false,
    invitedOn: null,
    responseDeadline: null,
    interview: null,
    impressions: null,
    history: [{ stage: 'saved', at: at.toISOString() }],
    notes: '',
  };
}
