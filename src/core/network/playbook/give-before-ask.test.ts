import { describe, expect, it } from 'vitest';
import { contact, interaction, runPlaybook } from '../test-support.js';
import { giveBeforeAskRule } from './give-before-ask.js';

const alumnus = contact({ id: 'c-alum', name: 'Kenji Mori', role: 'alumnus' });
const ask = (date: string) =>
  interaction({ contactId: alumnus.id, kind: 'email-sent', isRequest: true, date });
const give = (date: string) => interaction({ contactId: alumnus.id, kind: 'email-sent', date });

describe('give before you ask', () => {
  it('flags an alumnus whose last three messages were all requests', () => {
    const history = [give('2026-08-01'), ask('2026-09-01'), ask('2026-10-01'), ask('2026-11-20')];
    const { tasks } = runPlaybook({ contacts: [alumnus], interactions: history, rules: [giveBeforeAskRule] });
    expect(tasks).toEqual([
      expect.objectContaining({
        id: 'give-before-ask:c-alum:2026-11-20',
        title: 'Give Kenji Mori something before asking again',
        why: 'Your last 3 messages to them were all requests.',
        dueDate: '2026-11-27',
      }),
    ]);
  });

  it('stays quiet when one of the last three gave something', () => {
    const history = [ask('2026-09-01'), give('2026-10-01'), ask('2026-11-20')];
    expect(
      runPlaybook({ contacts: [alumnus], interactions: history, rules: [giveBeforeAskRule] }).tasks,
    ).toEqual([]);
  });

  it('stays quiet with fewer than N messages, and follows a configured N', () => {
    const twoAsks = [ask('2026-10-01'), ask('2026-11-20')];
    expect(
      runPlaybook({ contacts: [alumnus], interactions: twoAsks, rules: [giveBeforeAskRule] }).tasks,
    ).toEqual([]);
    const withN2 = runPlaybook({
      contacts: [alumnus],
      interactions: twoAsks,
      settings: { giveBeforeAskN: 2 },
      rules: [giveBeforeAskRule],
    });
    expect(withN2.tasks).toHaveLength(1);
  });

  it('ignores what the alumnus sent: only the applicant’s own messages count', () => {
    const history = [
      ask('2026-09-01'),
      ask('2026-10-01'),
      interaction({
        contactId: alumnus.id,
        kind: 'email-received',
        direction: 'incoming',
        date: '2026-10-02',
      }),
      ask('2026-11-20'),
    ];
    expect(
      runPlaybook({ contacts: [alumnus], interactions: history, rules: [giveBeforeAskRule] }).tasks,
    ).toHaveLength(1);
  });
});
