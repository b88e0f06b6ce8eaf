import { describe, expect, it } from 'vitest';
import { backupDue } from './backup-reminder.js';

describe('the browser edition’s backup reminder', () => {
  const now = new Date('2026-10-10T12:00:00Z');

  it('asks for a first backup when this browser never exported one', () => {
    expect(backupDue(null, now)).toBe(true);
  });

  it('stays quiet for a week after an export, then asks again', () => {
    expect(backupDue(new Date('2026-10-04T12:00:00Z'), now)).toBe(false);
    expect(backupDue(new Date('2026-10-03T11:59:00Z'), now)).toBe(true);
  });
});
