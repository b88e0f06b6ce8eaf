import { describe, expect, it } from 'vitest';
import { drLee, interaction, letter, runPlaybook } from '../test-support.js';
import { letterReminderRule } from './letter-reminder.js';

const rules = [letterReminderRule];

describe('a letter Dr. Lee agreed to write on 1 November, not uploaded by 25 November', () => {
  const agreed = letter({
    id: 'l-1',
    writerContactId: drLee.id,
    requestedOn: '2026-10-28',
    agreedOn: '2026-11-01',
    uploadedOn: null,
  });

  it('asks for a kind reminder, due two weeks after the agreement', () => {
    const { tasks } = runPlaybook({ contacts: [drLee], letters: [agreed], rules });
    expect(tasks).toEqual([
      expect.objectContaining({
        ruleId: 'letter-reminder',
        contactId: drLee.id,
        dueDate: '2026-11-15',
        title: `Remind ${drLee.title} ${drLee.name} about your letter`,
      }),
    ]);
  });

  it('waits two weeks after a reminder was sent before asking again', () => {
    const reminder = interaction({ contactId: drLee.id, kind: 'email-sent', date: '2026-11-20' });
    const { tasks } = runPlaybook({ contacts: [drLee], interactions: [reminder], letters: [agreed], rules });
    expect(tasks).toEqual([]);
    const later = runPlaybook({
      contacts: [drLee],
      interactions: [reminder],
      letters: [agreed],
      rules,
      now: new Date('2026-12-05T12:00:00Z'),
    });
    expect(later.tasks.map((t) => t.dueDate)).toEqual(['2026-12-04']);
  });

  it('says nothing once the letter is uploaded, or for a letter only planned', () => {
    const uploaded = { ...agreed, uploadedOn: '2026-11-20' };
    const planned = { ...agreed, id: 'l-2', requestedOn: null, agreedOn: null };
    expect(runPlaybook({ contacts: [drLee], letters: [uploaded, planned], rules }).tasks).toEqual([]);
  });
});
