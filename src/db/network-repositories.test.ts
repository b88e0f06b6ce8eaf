import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  contact,
  drLee,
  event,
  interaction,
  letter,
  rotationEndedYesterday,
} from '../core/network/test-support.js';
import type { Database } from './index.js';
import { StoredRowInvalidError } from './parse-stored-row.js';
import { describeEachEngine } from './testing/engines.js';

describeEachEngine('network repositories', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(async () => db?.close());

  const drRuiz = contact({
    id: 'c-ruiz',
    name: 'José Ruiz',
    title: 'Dr.',
    role: 'mentor',
    tags: ['IMG', 'alumnus'],
    linkedinUrl: 'https://www.linkedin.com/in/jose-ruiz',
    notes: 'Met at the AAFP fair',
  });

  it('stores contacts and reads them back as stored, by name', async () => {
    const stored = await db.contacts.insert(drRuiz);
    expect(stored).toEqual({ ...drRuiz, createdAt: '2026-01-10T09:00:00.000Z' });
    await db.contacts.insertMany([drLee]);
    expect(await db.contacts.list()).toEqual([{ ...drLee, createdAt: stored.createdAt }, stored]);
    expect(await db.contacts.get('c-ruiz')).toEqual(stored);
    expect(await db.contacts.get('nobody')).toBeNull();
  });

  it('refuses an invalid contact and replaces one on update', async () => {
    await expect(db.contacts.insert({ ...drRuiz, id: 'c-bad', email: 'not-an-email' })).rejects.toThrow();
    const updated = {
      ...drRuiz,
      circle: 'inner' as const,
      circleOverridden: true,
      createdAt: '2026-01-10T09:00:00.000Z',
    };
    expect(await db.contacts.update(updated)).toEqual(updated);
    expect(await db.contacts.get('c-ruiz')).toEqual(updated);
    expect(await db.contacts.update({ ...drRuiz, id: 'nobody' })).toBeNull();
  });

  it('logs interactions in order, moves them on a merge, and drops them with their contact', async () => {
    const thanks = interaction({
      id: 'i-thanks',
      contactId: drLee.id,
      kind: 'email-sent',
      // What it was for is stored and read back (migration 0007).
      purpose: 'thank-you',
      date: '2026-11-25',
    });
    await db.interactions.insert(rotationEndedYesterday);
    await db.interactions.insert(thanks);
    expect(await db.interactions.list()).toEqual([rotationEndedYesterday, thanks]);
    expect(await db.interactions.listByContact(drLee.id)).toHaveLength(2);

    const copy = contact({ id: 'c-lee-2', name: 'Anna Lee' });
    await db.contacts.insert(copy);
    await db.interactions.insert(
      interaction({ id: 'i-copy', contactId: copy.id, kind: 'call', date: '2026-11-01' }),
    );
    expect(await db.interactions.reassign(copy.id, drLee.id)).toBe(1);
    expect(await db.interactions.listByContact(drLee.id)).toHaveLength(3);

    await db.interactions.insert(
      interaction({ id: 'i-ruiz', contactId: 'c-ruiz', kind: 'call', date: '2026-11-02' }),
    );
    expect(await db.contacts.delete('c-ruiz')).toBe(true);
    expect((await db.interactions.list()).some((i) => i.contactId === 'c-ruiz')).toBe(false);
    expect(await db.interactions.delete('i-copy')).toBe(true);
    expect(await db.interactions.delete('i-copy')).toBe(false);
  });

  it('refuses an interaction whose end is before its start', async () => {
    await expect(
      db.interactions.insert({ ...rotationEndedYesterday, id: 'i-bad', endDate: '2026-01-01' }),
    ).rejects.toThrow();
  });

  it('stores letters with their dates, updates and reassigns them', async () => {
    const lor = letter({ id: 'l-1', writerContactId: drLee.id, requestedOn: '2026-11-26' });
    await db.letters.insert(lor);
    expect(await db.letters.list()).toEqual([lor]);
    const uploaded = { ...lor, uploadedOn: '2026-12-10' };
    expect(await db.letters.update(uploaded)).toEqual(uploaded);
    expect(await db.letters.get('l-1')).toEqual(uploaded);
    expect(await db.letters.reassign(drLee.id, 'c-lee-2')).toBe(1);
    expect(await db.letters.delete('l-1')).toBe(true);
  });

  it('stores events with their prep checklist and people met', async () => {
    const fair = event({
      id: 'e-aafp',
      name: 'AAFP National Conference',
      programsAttending: ['1201200001'],
      prep: [{ id: 'intro', text: 'Rehearse a one-line introduction', done: true }],
      contactIds: [drLee.id],
    });
    await db.events.insert(fair);
    expect(await db.events.list()).toEqual([fair]);
    expect(await db.events.update({ ...fair, contactIds: [] })).toEqual({ ...fair, contactIds: [] });
    expect(await db.events.get('e-aafp')).toMatchObject({ contactIds: [] });
    expect(await db.events.delete('e-aafp')).toBe(true);
    expect(await db.events.get('e-aafp')).toBeNull();
  });

  it('keeps one state per task, replaces it, and forgets it', async () => {
    await db.taskStates.set({ taskId: 'rotation-thank-you:i-1', status: 'done' });
    await db.taskStates.set({ taskId: 'rotation-feedback:i-1', status: 'snoozed', until: '2026-12-01' });
    await db.taskStates.set({ taskId: 'rotation-thank-you:i-1', status: 'dismissed' });
    expect(await db.taskStates.list()).toEqual([
      { taskId: 'rotation-feedback:i-1', status: 'snoozed', until: '2026-12-01' },
      { taskId: 'rotation-thank-you:i-1', status: 'dismissed' },
    ]);
    await db.taskStates.clear('rotation-thank-you:i-1');
    expect(await db.taskStates.list()).toHaveLength(1);
  });

  it('names the row when a stored contact no longer fits the schema', async () => {
    await db
      .operatorKysely()
      .updateTable('contacts')
      .set({ role: 'wizard' })
      .where('id', '=', drLee.id)
      .execute();
    await expect(db.contacts.get(drLee.id)).rejects.toThrow(StoredRowInvalidError);
    await expect(db.contacts.get(drLee.id)).rejects.toThrow(/contact c-lee.*role/);
  });
});
