import { describe, expect, it } from 'vitest';
import { effectiveCircle, suggestCircle } from './circle.js';
import { contact, interaction } from './test-support.js';

describe('the suggested circle', () => {
  it('puts a mentor in the inner circle before anything is logged', () => {
    expect(suggestCircle('mentor', [])).toBe('inner');
  });

  it('puts an attending the applicant rotated with in the middle circle', () => {
    const rotation = interaction({ contactId: 'c', kind: 'rotation', direction: 'both', date: '2026-10-01' });
    expect(suggestCircle('attending', [rotation])).toBe('middle');
  });

  it('moves a letter writer to the inner circle', () => {
    const asked = interaction({
      contactId: 'c',
      kind: 'letter-requested',
      isRequest: true,
      date: '2026-11-01',
    });
    expect(suggestCircle('faculty', [asked])).toBe('inner');
  });

  it('needs two replies, not one, to move a resident met at a fair to the middle circle', () => {
    const reply = (date: string) =>
      interaction({ contactId: 'c', kind: 'email-received', direction: 'incoming', date });
    expect(suggestCircle('resident', [reply('2026-10-01')])).toBe('outer');
    expect(suggestCircle('resident', [reply('2026-10-01'), reply('2026-10-20')])).toBe('middle');
  });
});

describe('the circle the user sees', () => {
  it('is the user’s choice once they made one, whatever the history says', () => {
    const peer = contact({
      id: 'c',
      name: 'Sam Ortiz',
      role: 'peer',
      circle: 'inner',
      circleOverridden: true,
    });
    expect(effectiveCircle(peer, [])).toBe('inner');
  });

  it('is the suggestion otherwise, ignoring another contact’s history', () => {
    const mentor = contact({ id: 'c', name: 'Maria Costa', role: 'alumnus', circle: 'inner' });
    const someoneElse = interaction({
      contactId: 'x',
      kind: 'letter-received',
      direction: 'incoming',
      date: '2026-11-01',
    });
    expect(effectiveCircle(mentor, [someoneElse])).toBe('outer');
  });
});
