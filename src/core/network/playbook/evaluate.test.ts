import { describe, expect, it } from 'vitest';
import { drLee, event, interaction, rotationEndedYesterday, runPlaybook } from '../test-support.js';
import { PLAYBOOK_RULES } from './rules.js';
import { RULE_IDS } from './task.js';

describe('the playbook as a whole', () => {
  it('documents every rule, and has one rule per id', () => {
    expect(PLAYBOOK_RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const rule of PLAYBOOK_RULES) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(60);
    }
  });

  it('gives the same tasks with the same ids when run again, and reports only new ones as added', () => {
    const data = { contacts: [drLee], interactions: [rotationEndedYesterday] };
    const first = runPlaybook(data);
    const second = runPlaybook({ ...data, existingTasks: first.tasks });
    expect(second.tasks).toEqual(first.tasks);
    expect(second.added).toEqual([]);
    expect(second.closed).toEqual([]);
    expect(first.added).toEqual(first.tasks);
  });

  it('lists tasks by due date, and a person met at an event and rotated with gets both kinds', () => {
    const fair = event({ id: 'e1', name: 'STFM', contactIds: [drLee.id] });
    const { tasks } = runPlaybook({
      contacts: [drLee],
      interactions: [rotationEndedYesterday],
      events: [fair],
    });
    expect(tasks.map((t) => [t.ruleId, t.dueDate])).toEqual([
      ['rotation-thank-you', '2026-11-26'],
      ['event-follow-up', '2026-11-28'],
      ['rotation-feedback', '2026-12-01'],
      ['rotation-letter', '2026-12-08'],
    ]);
  });

  it('ignores interactions with contacts that were deleted', () => {
    const orphan = interaction({
      contactId: 'gone',
      kind: 'rotation',
      direction: 'both',
      date: '2026-11-01',
      endDate: '2026-11-24',
    });
    expect(runPlaybook({ interactions: [orphan] }).tasks).toEqual([]);
  });
});
