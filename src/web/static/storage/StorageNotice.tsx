import { useSyncExternalStore } from 'react';
import { lastBackupExport } from './backup-record.js';
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
 * whether the browser agreed to keep it; what deletes it; and when a backup — the only copy that survives the
 * browser's storage being cleared — was last exported. A page cannot warn before the user clears site data
 * (the browser does that without asking it), so this says it up front, and the reminder to export is a task
 * (Tasks and Home) from the playbook's "Export a backup" rule.
 */
export function StorageNotice() {
  const storage = useStorageState(true);
  const last = useLastBackup();
  const lastDate = last ? new Date(last) : null;
  return (
    <section className="storage-notice" aria-label="Where your data is">
      <p>
        Your data stays in this browser on this device (its IndexedDB storage): nothing is sent to a server.{' '}
        {storage?.persisted === true && 'The browser has agreed to keep it. '}
        {storage?.persisted === false &&
          'The browser has not promised to keep it, and may clear it if the device runs short of space. '}
        Clearing this site's data in the browser's settings, or using a private window, deletes it.
      </p>
      <p>
        {lastDate
          ? `Last backup exported from this browser: ${lastDate.toLocaleDateString()}.`
          : 'No backup exported from this browser yet.'}{' '}
        Tasks reminds you when a week's changes have none.{' '}
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
