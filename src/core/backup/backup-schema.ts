import { z } from 'zod';
import { programSchema } from '../catalog/program.js';
import { contactSchema } from '../network/contact.js';
import { eventSchema } from '../network/event.js';
import { interactionSchema } from '../network/interaction.js';
import { letterSchema } from '../network/letter.js';
import { networkSettingsSchema } from '../network/network-settings.js';
import type { TaskState } from '../network/playbook/task-state.js';
import { applicantProfileSchema } from '../profile/applicant-profile.js';
import { applicationSchema } from '../season/application.js';
import { practiceEntrySchema, programNotesSchema } from '../season/interview-prep.js';
import { rankListSchema } from '../season/rank-list.js';
import { timelineEditsByYearSchema } from '../season/season-timeline.js';
import { storableText } from '../shared/storable-text.js';
import { smartPickSettingsSchema } from '../smartpick/settings-schema.js';

/** The `format` every backup file carries, so a profile file or a catalog is not mistaken for one. */
export const BACKUP_FORMAT = 'matchwise-backup';

/**
 * The bundle layout this build writes and the newest it reads. Raise it (and teach `parseBackup` to upgrade
 * older bundles) whenever a section changes shape; a bundle with a higher number is refused, not guessed at.
 */
export const BACKUP_SCHEMA_VERSION = 1;

/** What the applicant did with a playbook task; the same shape the task_states table keeps. */
export const backupTaskStateSchema = z.discriminatedUnion('status', [
  z.object({ taskId: storableText().min(1), status: z.literal('done') }),
  z.object({ taskId: storableText().min(1), status: z.literal('dismissed') }),
  z.object({
    taskId: storableText().min(1),
    status: z.literal('snoozed'),
    until: z.iso.date({ message: 'Use a date like 2026-09-01' }),
  }),
]) satisfies z.ZodType<TaskState>;

/** Interview notes for one program, with the program they belong to. */
export const backupProgramNotesSchema = programNotesSchema.extend({
  acgmeId: storableText().trim().min(1, 'ACGME id is required'),
});

export type BackupProgramNotes = z.infer<typeof backupProgramNotesSchema>;

/** Everything of the applicant's, without the envelope. Every section reuses the schema its feature owns. */
export const backupDataSchema = z.object({
  /** Null when no profile was saved yet. */
  profile: applicantProfileSchema.nullable(),
  catalog: z.object({
    /** Imported or edited programs, plus any demo program the applicant's own data points at. */
    programs: z.array(programSchema),
  }),
  smartpickSettings: smartPickSettingsSchema,
  networkSettings: networkSettingsSchema,
  network: z.object({
    contacts: z.array(contactSchema),
    /** In the order they were logged. */
    interactions: z.array(interactionSchema),
    /** In the order they were added. */
    letters: z.array(letterSchema),
    events: z.array(eventSchema),
    taskStates: z.array(backupTaskStateSchema),
  }),
  season: z.object({
    applications: z.array(applicationSchema),
    /** Edits to the season timeline, keyed by Match year. */
    timelineEdits: timelineEditsByYearSchema,
    /** Newest first, as the app lists them. */
    practiceLog: z.array(practiceEntrySchema),
    programNotes: z.array(backupProgramNotesSchema),
    /** Null when no rank list was saved yet. */
    rankList: rankListSchema.nullable(),
  }),
});

export const backupSchema = backupDataSchema.extend({
  format: z.literal(BACKUP_FORMAT, { message: `Not a Matchwise backup (format must be "${BACKUP_FORMAT}")` }),
  schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
  exportedAt: z.iso.datetime({ offset: true, message: 'Use a timestamp like 2026-11-25T12:00:00Z' }),
  app: z.object({ version: storableText().min(1) }),
});

export type BackupData = z.infer<typeof backupDataSchema>;
export type Backup = z.infer<typeof backupSchema>;

/**
 * Wraps the applicant's data in the versioned envelope.
 *
 * @example
 * const backup = toBackup(data, { exportedAt: new Date(), appVersion: '0.1.0' });
 */
export function toBackup(data: BackupData, meta: { exportedAt: Date; appVersion: string }): Backup {
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: meta.exportedAt.toISOString(),
    app: { version: meta.appVersion },
    ...data,
  };
}

/** An empty bundle's data: what a fresh data directory holds apart from default settings. */
export function emptyBackupData(
  defaults: Pick<BackupData, 'smartpickSettings' | 'networkSettings'>,
): BackupData {
  return {
    profile: null,
    catalog: { programs: [] },
    ...defaults,
    network: { contacts: [], interactions: [], letters: [], events: [], taskStates: [] },
    season: { applications: [], timelineEdits: {}, practiceLog: [], programNotes: [], rankList: null },
  };
}
