import { useSyncExternalStore } from 'react';
import { backupDue, lastBackupExport } from './backup-reminder.js';
import { useStorageState } from './storage-state.js';

const backupListeners = new Set<() => void>();

/** Called by the transport when a backup download completes, so the reminder updates at once. */
export function backupExported(): void {
  for (const listener of backupListeners) listener();
}

function useLastBackup(): string | null {
  return useSyncExternalStore(
    (listener) => {
      backupListeners.add(listener);
      return () => backupListeners.delete(listener);
    },
    () => lastBackupExport()?.toISOString() ?? null,
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
}

/**
 * Where the browser edition keeps the user's data, said plainly: in this browser on this device, nowhere else;
 * whether the browser agreed to keep it; what deletes it; and, when a week has passed without one, a reminder
 * to export a backup — the only copy that survives the browser's storage being cleared.
 */
export function StorageNotice() {
  const storage = useStorageState(true);
  const last = useLastBackup();
  const lastDate = last ? new Date(last) : null;
  const due = backupDue(lastDate);
  return (
    <section className="storage-notice" aria-label="Where your data is">
      <p>
        Your data stays in this browser on this device (its IndexedDB storage): nothing is sent to a server.{' '}
        {storage?.persisted === true && 'The browser has agreed to keep it. '}
        {storage?.persisted === false &&
          'The browser has not promised to keep it, and may clear it if the device runs short of space. '}
        Clearing this site's data in the browser's settings, or using a private window, deletes it.
      </p>
      <p className={due ? 'storage-backup-due' : undefined}>
        {lastDate
          ? `Last backup exported from this browser: ${lastDate.toLocaleDateString()}.`
          : 'No backup exported from this browser yet.'}{' '}
        {due && 'Export one now and keep the file somewhere safe: '}
        <a href="/api/backup" download>
          Export a backup (.json)
        </a>
        {storage?.usageBytes != null && storage.quotaBytes != null && (
          <span className="storage-usage">
            {' '}
            · Using {megabytes(storage.usageBytes)} of {megabytes(storage.quotaBytes)} this browser allows
          </span>
        )}
      </p>
    </section>
  );
}
