import { describe, expect, it } from 'vitest';
import { contact } from '../network/test-support.js';
import { newApplication } from '../season/application.js';
import { previewRestore } from './preview-restore.js';
import { checkReferences, planRestore, reportOf, sameValue } from './restore-plan.js';
import { countSections } from './sections.js';
import { defaultsOnly, smallBackup } from './test-support.js';

describe('restoring a backup: nothing already saved is lost', () => {
  it('loads everything into an empty data directory', () => {
    // Given a fresh Matchwise and a backup with a profile and two contacts
    const backup = smallBackup();
    // When the restore is planned
    const plan = planRestore(backup, defaultsOnly());
    // Then the profile and both contacts are added and the default settings left as they are
    expect(plan.profile.add).toHaveLength(1);
    expect(plan.contacts.add.map((c) => c.id)).toEqual(['c-lee', 'c-omar']);
    expect(plan.smartpickSettings).toEqual({ add: [], replace: [], unchanged: 1 });
    expect(reportOf(plan).changed).toBe(true);
  });

  it('merges by id: the backup wins for the same contact, contacts it lacks are kept', () => {
    // Given an applicant who added Zoe and edited Dr. Lee since the backup
    const backup = smallBackup();
    const stored = {
      ...backup,
      network: {
        ...backup.network,
        contacts: [
          { ...backup.network.contacts[0]!, notes: 'Edited later' },
          backup.network.contacts[1]!,
          contact({ id: 'c-zoe', name: 'Zoe' }),
        ],
      },
    };
    // When the backup is restored over it
    const report = reportOf(planRestore(backup, stored));
    // Then Dr. Lee takes the backup's values, Omar is unchanged, and Zoe is not touched (not deleted)
    expect(report.sections.find((s) => s.name === 'network.contacts')).toEqual({
      name: 'network.contacts',
      added: 0,
      updated: 1,
      unchanged: 1,
    });
  });

  it('changes nothing when the same backup is restored twice, whatever order jsonb gave the keys back', () => {
    // Given the profile as PostgreSQL's jsonb hands it back: same values, keys in another order
    const backup = smallBackup();
    const stored = {
      ...backup,
      profile: Object.fromEntries(Object.entries(backup.profile ?? {}).reverse()),
    } as typeof backup;
    // Then restoring the backup again writes nothing
    expect(reportOf(planRestore(backup, stored)).changed).toBe(false);
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });

  it('treats a contact whose creation time only differs in notation as unchanged', () => {
    const backup = smallBackup();
    const stored = {
      ...backup,
      network: {
        ...backup.network,
        contacts: backup.network.contacts.map((c) => ({
          ...c,
          createdAt: new Date(c.createdAt).toISOString(),
        })),
      },
    };
    expect(planRestore(backup, stored).contacts.unchanged).toBe(2);
  });

  it('merges timeline edits by Match year', () => {
    const backup = smallBackup();
    backup.season.timelineEdits = { '2027': { 'match-day': { date: '2027-03-19' } } };
    const stored = defaultsOnly();
    stored.season.timelineEdits = { '2026': { 'match-day': { done: true } } };
    const plan = planRestore(backup, stored);
    expect(Object.keys(plan.timelineEdits.merged).sort()).toEqual(['2026', '2027']);
    expect(plan.timelineEdits.add).toHaveLength(1);
  });
});

describe('references the database enforces', () => {
  it('names an interaction with an unknown contact and an application for an unknown program', () => {
    const backup = smallBackup();
    backup.network.interactions = [
      {
        id: 'i-1',
        contactId: 'c-ghost',
        kind: 'meeting',
        direction: 'outgoing',
        isRequest: false,
        date: '2026-07-31',
        endDate: null,
        acgmeId: null,
        eventId: null,
        notes: '',
        purpose: null,
      },
    ];
    backup.season.applications = [newApplication('1200000009', new Date('2026-06-03T12:00:00Z'))];
    const none = new Set<string>();
    expect(checkReferences(backup, { programIds: none, contactIds: none, eventIds: none })).toEqual([
      { path: 'network.interactions[0].contactId', message: 'No contact with id "c-ghost"' },
      { path: 'season.applications[0].acgmeId', message: 'No catalog program with id "1200000009"' },
    ]);
    // A program already in the catalog satisfies the reference.
    expect(
      checkReferences(backup, {
        programIds: new Set(['1200000009']),
        contactIds: new Set(['c-ghost']),
        eventIds: none,
      }),
    ).toEqual([]);
  });
});

describe('previewRestore', () => {
  it('shows "add" everywhere for an empty target and "merge"/"replace" where data is saved', () => {
    const backup = smallBackup();
    const empty = Object.fromEntries(Object.keys(countSections(backup)).map((k) => [k, 0])) as ReturnType<
      typeof countSections
    >;
    const fresh = previewRestore(backup, empty);
    expect(fresh.emptyTarget).toBe(true);
    expect(fresh.sections.find((s) => s.name === 'network.contacts')).toEqual({
      name: 'network.contacts',
      label: 'Contacts',
      incoming: 2,
      existing: 0,
      action: 'add',
    });
    const busy = previewRestore(backup, { ...empty, profile: 1, 'network.contacts': 5 });
    expect(busy.emptyTarget).toBe(false);
    expect(busy.sections.find((s) => s.name === 'profile')?.action).toBe('replace');
    expect(busy.sections.find((s) => s.name === 'network.contacts')?.action).toBe('merge');
  });
});
