import { describe, expect, it } from 'vitest';
import { runPlaybook } from '../test-support.js';
import { backupReminderRule } from './backup-reminder.js';

const rules = [backupReminderRule];
const now = new Date('2026-11-25T12:00:00Z');

describe('the backup reminder, where the data lives only in a browser', () => {
  it('says nothing where the edition keeps the data in a folder of its own (no record passed)', () => {
    expect(runPlaybook({ rules, now }).tasks).toEqual([]);
  });

  it('says nothing before anything was saved, then asks for a first backup from the day of the first change', () => {
    expect(runPlaybook({ rules, now, backup: { lastExportedAt: null, dataChangedAt: null } }).tasks).toEqual(
      [],
    );
    const { tasks } = runPlaybook({
      rules,
      now,
      backup: { lastExportedAt: null, dataChangedAt: '2026-11-24T09:00:00Z' },
    });
    expect(tasks).toEqual([
      expect.objectContaining({ id: 'export-backup:never', title: 'Export a backup', dueDate: '2026-11-24' }),
    ]);
  });

  it('asks again a week after the last export, once the data changed since it', () => {
    const exported = '2026-11-18T20:00:00Z';
    const changedAfter = { lastExportedAt: exported, dataChangedAt: '2026-11-20T08:00:00Z' };
    expect(runPlaybook({ rules, now, backup: changedAfter }).tasks).toEqual([
      expect.objectContaining({ id: 'export-backup:2026-11-18', dueDate: '2026-11-25' }),
    ]);
    const sixDaysOn = new Date('2026-11-24T23:00:00Z');
    expect(runPlaybook({ rules, now: sixDaysOn, backup: changedAfter }).tasks).toEqual([]);
  });

  it('is closed by an export: nothing changed since the last backup, however old it is', () => {
    const backup = { lastExportedAt: '2026-10-01T10:00:00Z', dataChangedAt: '2026-09-30T10:00:00Z' };
    expect(runPlaybook({ rules, now, backup }).tasks).toEqual([]);
  });
});
