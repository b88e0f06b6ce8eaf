import type { BackupRecord } from '../../../core/network/index.js';

/**
 * What the static edition remembers about backups, in this browser's localStorage beside the data: when a
 * backup was last exported and when the data last changed. The engine passes it to the playbook, whose
 * "Export a backup" task (core/network/playbook/backup-reminder.ts) is the reminder.
 */
const LAST_BACKUP_KEY = 'matchwise:last-backup-export';
const DATA_CHANGED_KEY = 'matchwise:data-changed';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function readInstant(store: KeyValueStore, key: string): string | null {
  const stored = store.getItem(key);
  return stored !== null && !Number.isNaN(Date.parse(stored)) ? stored : null;
}

export function recordBackupExport(at = new Date(), store: KeyValueStore = localStorage): void {
  store.setItem(LAST_BACKUP_KEY, at.toISOString());
}

/** Called after every write the engine accepted (a POST, PUT, PATCH or DELETE answered 2xx). */
export function recordDataChange(at = new Date(), store: KeyValueStore = localStorage): void {
  store.setItem(DATA_CHANGED_KEY, at.toISOString());
}

export function backupRecord(store: KeyValueStore = localStorage): BackupRecord {
  return {
    lastExportedAt: readInstant(store, LAST_BACKUP_KEY),
    dataChangedAt: readInstant(store, DATA_CHANGED_KEY),
  };
}

export function lastBackupExport(store: KeyValueStore = localStorage): Date | null {
  const at = readInstant(store, LAST_BACKUP_KEY);
  return at === null ? null : new Date(at);
}
