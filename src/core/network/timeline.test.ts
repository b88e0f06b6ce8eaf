import { describe, expect, it } from 'vitest';
import { interaction, rotationEndedYesterday } from './test-support.js';
import { lastContactOf, timelineOf } from './timeline.js';

describe('Dr. Lee’s timeline', () => {
  const thanks = interaction({ id: 'i-thanks', contactId: 'c-lee', kind: 'email-sent', date: '2026-11-25' });
  const reply = interaction({
    id: 'i-reply',
    contactId: 'c-lee',
    kind: 'email-received',
    direction: 'incoming',
    date: '2026-11-25',
  });
  const other = interaction({ id: 'i-other', contactId: 'c-other', kind: 'call', date: '2026-11-26' });

  it('lists only her interactions, newest first, later-logged first on the same day', () => {
    expect(timelineOf('c-lee', [rotationEndedYesterday, thanks, other, reply]).map((i) => i.id)).toEqual([
      'i-reply',
      'i-thanks',
      'i-rotation-lee',
    ]);
  });

  it('takes the last contact from a rotation’s last day, not its first', () => {
    expect(lastContactOf('c-lee', [rotationEndedYesterday])).toBe('2026-11-24');
    expect(lastContactOf('c-lee', [rotationEndedYesterday, thanks])).toBe('2026-11-25');
    expect(lastContactOf('c-nobody', [rotationEndedYesterday])).toBeNull();
  });
});
