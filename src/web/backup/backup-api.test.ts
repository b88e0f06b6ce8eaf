import { describe, expect, it } from 'vitest';
import { describeReport, readBackupText } from './backup-api.js';

const LABELS = new Map([
  ['network.contacts', 'Contacts'],
  ['profile', 'Profile'],
]);

describe('the Your data page helpers', () => {
  it('refuses a file that is not JSON before sending it, naming the file', () => {
    const read = readBackupText('notes.txt', 'hello');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem.title).toBe('notes.txt is not a JSON file');
  });

  it('reads a JSON file as it is, leaving validation to the server', () => {
    expect(readBackupText('b.json', '{"format":"matchwise-backup"}')).toEqual({
      ok: true,
      value: { format: 'matchwise-backup' },
    });
  });

  it('reports only the sections where something happened', () => {
    const lines = describeReport(
      {
        changed: true,
        sections: [
          { name: 'profile', added: 0, updated: 0, unchanged: 1 },
          { name: 'network.contacts', added: 2, updated: 1, unchanged: 3 },
        ],
      },
      LABELS,
    );
    expect(lines).toEqual(['Contacts: 2 added, 1 updated (3 already saved)']);
  });

  it('says so when a restore changed nothing', () => {
    expect(describeReport({ changed: false, sections: [] }, LABELS)).toEqual([
      'Nothing changed: everything in the backup was already saved.',
    ]);
  });
});
