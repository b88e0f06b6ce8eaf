import { describe, expect, it } from 'vitest';
import { contact, drLee, interaction, LAKESHORE, letter, RIVERSIDE, runPlaybook } from '../test-support.js';
import { matchThanksRule } from './match-thanks.js';
import { reintroduceBeforeSubmissionRule } from './reintroduce-before-submission.js';

const coordinator = contact({
  id: 'c-coord',
  name: 'Beth Nolan',
  role: 'coordinator',
  affiliation: { acgmeId: LAKESHORE, institution: null },
});
const peer = contact({ id: 'c-peer', name: 'Sam Ortiz', role: 'peer' });

describe('before submitting applications on 15 December', () => {
  const settings = { applicationSubmitDate: '2026-12-15' };

  it('asks to reintroduce yourself to each contact at a program, two weeks before', () => {
    const { tasks } = runPlaybook({
      contacts: [drLee, coordinator, peer],
      settings,
      rules: [reintroduceBeforeSubmissionRule],
    });
    expect(tasks.map((t) => [t.contactId, t.acgmeId, t.dueDate])).toEqual([
      [drLee.id, RIVERSIDE, '2026-12-01'],
      [coordinator.id, LAKESHORE, '2026-12-01'],
    ]);
  });

  it('counts a recent message as the reintroduction', () => {
    const note = interaction({ contactId: drLee.id, kind: 'email-sent', date: '2026-11-02' });
    const { tasks } = runPlaybook({
      contacts: [drLee, coordinator],
      interactions: [note],
      settings,
      rules: [reintroduceBeforeSubmissionRule],
    });
    expect(tasks.map((t) => t.contactId)).toEqual([coordinator.id]);
  });

  it('says nothing more than two months ahead, after submission, or without a date', () => {
    const early = { applicationSubmitDate: '2027-03-01' };
    const late = { applicationSubmitDate: '2026-11-01' };
    for (const s of [early, late, {}]) {
      expect(
        runPlaybook({ contacts: [drLee], settings: s, rules: [reintroduceBeforeSubmissionRule] }).tasks,
      ).toEqual([]);
    }
  });
});

describe('after Match Day on 20 March 2027', () => {
  const afterMatch = new Date('2027-03-21T12:00:00Z');
  const settings = { matchDay: '2027-03-20' };
  const mentor = contact({ id: 'c-costa', name: 'Maria Costa', role: 'mentor' });
  const writer = contact({ id: 'c-writer', name: 'Raj Patel', role: 'faculty' });
  const introducer = contact({ id: 'c-intro', name: 'Kenji Mori', role: 'alumnus' });
  const data = {
    contacts: [mentor, writer, introducer, peer, coordinator],
    letters: [letter({ id: 'l1', writerContactId: writer.id, agreedOn: '2026-08-01' })],
    interactions: [
      interaction({
        contactId: introducer.id,
        kind: 'introduction-made',
        direction: 'incoming',
        date: '2026-10-01',
      }),
    ],
  };

  it('asks to thank the mentor, the letter writer and whoever made an introduction, within a week', () => {
    const { tasks } = runPlaybook({ ...data, settings, now: afterMatch, rules: [matchThanksRule] });
    expect(tasks.map((t) => [t.contactId, t.dueDate])).toEqual([
      [mentor.id, '2027-03-27'],
      [writer.id, '2027-03-27'],
      [introducer.id, '2027-03-27'],
    ]);
  });

  it('closes a thank-you once logged, and says nothing before Match Day', () => {
    const thanks = interaction({
      contactId: mentor.id,
      kind: 'email-sent',
      purpose: 'thank-you',
      date: '2027-03-20',
    });
    const withThanks = { ...data, interactions: [...data.interactions, thanks] };
    const { tasks } = runPlaybook({ ...withThanks, settings, now: afterMatch, rules: [matchThanksRule] });
    expect(tasks.map((t) => t.contactId)).toEqual([writer.id, introducer.id]);
    expect(runPlaybook({ ...data, settings, rules: [matchThanksRule] }).tasks).toEqual([]);
  });
});
