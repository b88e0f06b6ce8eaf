import { describe, expect, it } from 'vitest';
import { contact, event, interaction, LAKESHORE, runPlaybook } from '../test-support.js';
import { eventFollowUpRule } from './event-follow-up.js';

const coordinator = contact({
  id: 'c-coord',
  name: 'Beth Nolan',
  role: 'coordinator',
  affiliation: { acgmeId: LAKESHORE, institution: null },
});
const resident = contact({ id: 'c-res', name: 'Omar Haddad', role: 'resident' });
/** A residency fair on 20–21 November, where the applicant met a coordinator and a resident. */
const fair = event({
  id: 'e-fair',
  name: 'AAFP National Conference',
  contactIds: [coordinator.id, resident.id],
});

describe('after a residency fair', () => {
  it('asks to follow up with each person met, within 7 days of the last day', () => {
    const { tasks } = runPlaybook({
      contacts: [coordinator, resident],
      events: [fair],
      rules: [eventFollowUpRule],
    });
    expect(tasks).toEqual([
      {
        id: 'event-follow-up:e-fair:c-coord',
        ruleId: 'event-follow-up',
        contactId: coordinator.id,
        eventId: fair.id,
        acgmeId: LAKESHORE,
        title: 'Follow up with Beth Nolan after AAFP National Conference',
        why: 'A note within a week of meeting turns a handshake into a contact who remembers you.',
        dueDate: '2026-11-28',
        status: 'open',
      },
      expect.objectContaining({
        id: 'event-follow-up:e-fair:c-res',
        contactId: resident.id,
        dueDate: '2026-11-28',
      }),
    ]);
  });

  it('closes the follow-up with someone once a message to them is logged', () => {
    const note = interaction({
      contactId: resident.id,
      kind: 'email-sent',
      purpose: 'follow-up',
      date: '2026-11-22',
    });
    const { tasks } = runPlaybook({
      contacts: [coordinator, resident],
      interactions: [note],
      events: [fair],
      rules: [eventFollowUpRule],
    });
    expect(tasks.map((t) => t.contactId)).toEqual([coordinator.id]);
  });

  it('says nothing before the fair starts or a month after it ended', () => {
    const upcoming = { ...fair, id: 'e-next', startDate: '2026-12-05', endDate: '2026-12-06' };
    const past = { ...fair, id: 'e-past', startDate: '2026-10-01', endDate: '2026-10-02' };
    const { tasks } = runPlaybook({
      contacts: [coordinator, resident],
      events: [upcoming, past],
      rules: [eventFollowUpRule],
    });
    expect(tasks).toEqual([]);
  });
});
