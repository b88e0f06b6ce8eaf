/** Where the page remembers when this browser last exported a backup (the data itself is in IndexedDB). */
const LAST_BACKUP_KEY = 'matchwise:last-backup-export';

/** A week: the cadence at which losing the browser's storage would cost more than a minute to export. */
export const BACKUP_REMINDER_DAYS = 7;

export function recordBackupExport(at: Date = new Date()): void {
  localStorage.setItem(LAST_BACKUP_KEY, at.toISOString());
}

export function lastBackupExport(): Date | null {
  const stored = localStorage.getItem(LAST_BACKUP_KEY);
  const at = stored ? new Date(stored) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}

/** True when no backup was exported from this browser in the last BACKUP_REMINDER_DAYS days. */
export function backupDue(last: Date | null, now: Date = new Date()): boolean {
  return last === null || now.getTime() - last.getTime() > BACKUP_REMINDER_DAYS * 86_400_000;
}
