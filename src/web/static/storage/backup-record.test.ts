import { describe, expect, it } from 'vitest';
import { backupRecord, recordBackupExport, recordDataChange } from './backup-record.js';

function memoryStore() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe('what the browser edition remembers for the backup reminder', () => {
  it('knows nothing in a new browser', () => {
    expect(backupRecord(memoryStore())).toEqual({ lastExportedAt: null, dataChangedAt: null });
  });

  it('keeps the last export and the last change, each replaced by the next', () => {
    const store = memoryStore();
    recordDataChange(new Date('2026-10-01T08:00:00Z'), store);
    recordBackupExport(new Date('2026-10-02T09:00:00Z'), store);
    recordDataChange(new Date('2026-10-03T10:00:00Z'), store);
    expect(backupRecord(store)).toEqual({
      lastExportedAt: '2026-10-02T09:00:00.000Z',
      dataChangedAt: '2026-10-03T10:00:00.000Z',
    });
  });

  it('ignores a value that is not a date (edited by hand, or left by another program)', () => {
    const store = memoryStore();
    store.setItem('matchwise:last-backup-export', 'yesterday');
    expect(backupRecord(store).lastExportedAt).toBeNull();
  });
});
