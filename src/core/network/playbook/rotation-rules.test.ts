import { describe, expect, it } from 'vitest';
import { findTemplate } from '../templates/index.js';
import {
  contact,
  drLee,
  interaction,
  letter,
  RIVERSIDE,
  rotationEndedYesterday,
  runPlaybook,
} from '../test-support.js';
import { rotationFeedbackRule, rotationLetterRule, rotationThankYouRule } from './rotation-rules.js';

/** How Compose's "Log as sent" records a template. */
function logAs(templateId: string) {
  const template = findTemplate(templateId);
  if (template === undefined) throw new Error(`no template ${templateId}`);
  return template.logAs;
}

const rotationRules = [rotationThankYouRule, rotationFeedbackRule, rotationLetterRule];

describe('after a rotation with Dr. Lee that ended yesterday', () => {
  it('asks for a thank-you tomorrow (48 h), feedback within a week and a letter within two weeks', () => {
    const { tasks } = runPlaybook({
      contacts: [drLee],
      interactions: [rotationEndedYesterday],
      rules: rotationRules,
    });
    expect(tasks).toEqual([
      {
        id: 'rotation-thank-you:i-rotation-lee',
        ruleId: 'rotation-thank-you',
        contactId: drLee.id,
        acgmeId: RIVERSIDE,
        title: 'Thank Dr. Anna Lee for the rotation',
        why: 'A thank-you within 48 hours of a rotation is remembered when it is time to vouch for you.',
        dueDate: '2026-11-26',
        status: 'open',
      },
      expect.objectContaining({ id: 'rotation-feedback:i-rotation-lee', dueDate: '2026-12-01' }),
      expect.objectContaining({ id: 'rotation-letter:i-rotation-lee', dueDate: '2026-12-08' }),
    ]);
  });

  it('closes the thank-you once a thank-you email is logged after the rotation ended', () => {
    const thanks = interaction({
      contactId: drLee.id,
      kind: 'email-sent',
      purpose: 'thank-you',
      date: '2026-11-25',
    });
    const { tasks, closed } = runPlaybook({
      contacts: [drLee],
      interactions: [rotationEndedYesterday, thanks],
      rules: rotationRules,
      existingTasks: [{ id: 'rotation-thank-you:i-rotation-lee' }],
    });
    expect(tasks.map((t) => t.ruleId)).toEqual(['rotation-feedback', 'rotation-letter']);
    expect(closed).toEqual(['rotation-thank-you:i-rotation-lee']);
  });

  it('keeps the thank-you open when the letter request is logged as sent: a task closes only on what it asks', () => {
    // Given the applicant sent Dr. Lee the "Letter of recommendation request" template and logged it as sent
    const letterRequest = interaction({
      contactId: drLee.id,
      ...logAs('letter-request'),
      date: '2026-11-25',
    });
    // and an email whose purpose was not stated
    const unstated = interaction({ contactId: drLee.id, kind: 'email-sent', date: '2026-11-25' });
    const { tasks } = runPlaybook({
      contacts: [drLee],
      interactions: [rotationEndedYesterday, letterRequest, unstated],
      rules: rotationRules,
    });
    // Then only the letter task closes; the thank-you and the feedback ask stay open
    expect(tasks.map((t) => t.ruleId)).toEqual(['rotation-thank-you', 'rotation-feedback']);
    // When the rotation thank-you template is logged as sent too, Then the thank-you closes
    const thanks = interaction({ contactId: drLee.id, ...logAs('rotation-thank-you'), date: '2026-11-25' });
    const after = runPlaybook({
      contacts: [drLee],
      interactions: [rotationEndedYesterday, letterRequest, unstated, thanks],
      rules: rotationRules,
    });
    expect(after.tasks.map((t) => t.ruleId)).toEqual(['rotation-feedback']);
  });

  it('does not count a thank-you sent during the rotation as the thank-you', () => {
    const during = interaction({
      contactId: drLee.id,
      kind: 'email-sent',
      purpose: 'thank-you',
      date: '2026-11-10',
    });
    const { tasks } = runPlaybook({
      contacts: [drLee],
      interactions: [rotationEndedYesterday, during],
      rules: [rotationThankYouRule],
    });
    expect(tasks).toHaveLength(1);
  });

  it('closes the feedback task once the applicant asks for feedback', () => {
    const ask = interaction({
      contactId: drLee.id,
      kind: 'video',
      isRequest: true,
      purpose: 'feedback-request',
      date: '2026-11-25',
    });
    const { tasks } = runPlaybook({
      contacts: [drLee],
      interactions: [rotationEndedYesterday, ask],
      rules: rotationRules,
    });
    expect(tasks.map((t) => t.ruleId)).toEqual(['rotation-thank-you', 'rotation-letter']);
  });

  it('drops the letter task once a letter from Dr. Lee is on the board', () => {
    const { tasks } = runPlaybook({
      contacts: [drLee],
      interactions: [rotationEndedYesterday],
      letters: [letter({ id: 'l1', writerContactId: drLee.id, requestedOn: '2026-11-25' })],
      rules: [rotationLetterRule],
    });
    expect(tasks).toEqual([]);
  });
});

describe('rotation tasks that do not apply', () => {
  it('asks a resident for thanks and feedback but never for a letter', () => {
    const resident = contact({ id: 'c-res', name: 'Omar Haddad', role: 'resident' });
    const rotation = { ...rotationEndedYesterday, id: 'i-rot-res', contactId: resident.id };
    const { tasks } = runPlaybook({ contacts: [resident], interactions: [rotation], rules: rotationRules });
    expect(tasks.map((t) => t.ruleId)).toEqual(['rotation-thank-you', 'rotation-feedback']);
  });

  it('waits for a rotation still running, and lets one that ended three months ago go', () => {
    const running = { ...rotationEndedYesterday, id: 'i-running', endDate: '2026-12-20' };
    const old = { ...rotationEndedYesterday, id: 'i-old', date: '2026-07-01', endDate: '2026-07-28' };
    expect(
      runPlaybook({ contacts: [drLee], interactions: [running, old], rules: rotationRules }).tasks,
    ).toEqual([]);
  });
});
