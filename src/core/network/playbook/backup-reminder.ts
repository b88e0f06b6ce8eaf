import { addDays, dayOf, daysBetween } from '../dates.js';
import type { PlaybookRule } from './task.js';

/**
 * When the user's data has only one copy that a browser may delete (the static edition keeps it in the
 * browser's storage, which clearing site data or a private window erases), the adapter says when a backup was
 * last exported and when the data last changed. Editions whose data sits in a folder the user owns pass
 * nothing, and this rule is silent.
 */
export interface BackupRecord {
  /** When a backup file was last exported from here (ISO timestamp), null if never. */
  lastExportedAt: string | null;
  /** When anything was last written (ISO timestamp), null if nothing was since this was first recorded. */
  dataChangedAt: string | null;
}

/** A week: a lost week of work is worth a minute's export; more often would be noise. Assumption. */
export const BACKUP_REMINDER_DAYS = 7;

/**
 * "Export a backup" when the data changed since the last export and that export is a week old or more (or
 * there never was one). Its subject is the last export, so exporting closes it, and a task marked done or
 * dismissed stays closed until the next export's week has passed.
 */
export const backupReminderRule: PlaybookRule = {
  id: 'export-backup',
  title: 'Export a backup while your data has only one copy',
  rationale:
    'Where Matchwise keeps your data in a browser, clearing that browser’s site data or storage running out ' +
    'deletes it; an exported backup file is the copy that survives, and restores into any edition.',
  tasks: ({ backup, today }) => {
    if (!backup?.dataChangedAt) return [];
    const { lastExportedAt, dataChangedAt } = backup;
    if (lastExportedAt === null) {
      return [
        {
          subject: 'never',
          title: 'Export a backup',
          why: 'Your data is only in this browser and no backup was exported yet: save one as a file.',
          dueDate: dayOf(new Date(dataChangedAt)),
        },
      ];
    }
    if (Date.parse(dataChangedAt) <= Date.parse(lastExportedAt)) return [];
    const exportedOn = dayOf(new Date(lastExportedAt));
    if (daysBetween(exportedOn, today) < BACKUP_REMINDER_DAYS) return [];
    return [
      {
        subject: exportedOn,
        title: 'Export a backup',
        why: `Your data changed since the last backup (${exportedOn}), and it is only in this browser.`,
        dueDate: addDays(exportedOn, BACKUP_REMINDER_DAYS),
      },
    ];
  },
};
