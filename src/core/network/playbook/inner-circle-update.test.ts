import { describe, expect, it } from 'vitest';
import { contact, interaction, runPlaybook } from '../test-support.js';
import { innerCircleUpdateRule } from './inner-circle-update.js';

const mentor = contact({ id: 'c-costa', name: 'Maria Costa', title: 'Dr.', role: 'mentor' });

describe('keeping a mentor updated', () => {
  it('asks for an update 90 days after the last message the applicant sent', () => {
    const sent = interaction({ contactId: mentor.id, kind: 'email-sent', date: '2026-09-01' });
    const reply = interaction({
      contactId: mentor.id,
      kind: 'email-received',
      direction: 'incoming',
      date: '2026-09-20',
    });
    const { tasks } = runPlaybook({
      contacts: [mentor],
      interactions: [sent, reply],
      rules: [innerCircleUpdateRule],
    });
    // A reply from the mentor does not reset the clock: the applicant still owes the update.
    expect(tasks).toEqual([
      expect.objectContaining({
        id: 'inner-circle-update:c-costa:2026-09-01',
        title: 'Send Dr. Maria Costa an update',
        dueDate: '2026-11-30',
      }),
    ]);
  });

  it('uses the configured interval', () => {
    const sent = interaction({ contactId: mentor.id, kind: 'email-sent', date: '2026-09-01' });
    const { tasks } = runPlaybook({
      contacts: [mentor],
      interactions: [sent],
      settings: { mentorUpdateDays: 60 },
      rules: [innerCircleUpdateRule],
    });
    expect(tasks[0]?.dueDate).toBe('2026-10-31');
  });

  it('closes this cycle’s task and starts the next once an update is logged', () => {
    const earlier = interaction({ contactId: mentor.id, kind: 'email-sent', date: '2026-09-01' });
    const update = interaction({ contactId: mentor.id, kind: 'call', date: '2026-11-24' });
    const { tasks, closed } = runPlaybook({
      contacts: [mentor],
      interactions: [earlier, update],
      existingTasks: [{ id: 'inner-circle-update:c-costa:2026-09-01' }],
      rules: [innerCircleUpdateRule],
    });
    expect(closed).toEqual(['inner-circle-update:c-costa:2026-09-01']);
    expect(tasks.map((t) => [t.id, t.dueDate])).toEqual([
      ['inner-circle-update:c-costa:2026-11-24', '2027-02-22'],
    ]);
  });

  it('counts from the day the contact was added when nothing was sent yet', () => {
    const { tasks } = runPlaybook({ contacts: [mentor], rules: [innerCircleUpdateRule] });
    expect(tasks[0]?.dueDate).toBe('2026-04-10');
  });

  it('leaves out contacts outside the inner circle, and includes ones the user moved in', () => {
    const peer = contact({ id: 'c-peer', name: 'Sam Ortiz', role: 'peer' });
    const promoted = { ...peer, id: 'c-promoted', circle: 'inner' as const, circleOverridden: true };
    const { tasks } = runPlaybook({ contacts: [peer, promoted], rules: [innerCircleUpdateRule] });
    expect(tasks.map((t) => t.contactId)).toEqual(['c-promoted']);
  });
});
