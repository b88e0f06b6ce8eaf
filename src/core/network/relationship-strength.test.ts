import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTERACTION_KINDS } from './interaction.js';
import { relationshipStrength } from './relationship-strength.js';
import { interaction, NOW } from './test-support.js';

const lee = 'c-lee';

describe('relationship strength', () => {
  it('is 0 with nobody ever contacted', () => {
    expect(relationshipStrength([], NOW)).toEqual({
      score: 0,
      parts: { recency: 0, frequency: 0, reciprocity: 0, depth: 0 },
      lastContact: null,
    });
  });

  it('is high right after a rotation with a preceptor who answers emails', () => {
    const history = [
      interaction({
        contactId: lee,
        kind: 'rotation',
        direction: 'both',
        date: '2026-10-27',
        endDate: '2026-11-24',
      }),
      interaction({ contactId: lee, kind: 'email-sent', date: '2026-11-24' }),
      interaction({ contactId: lee, kind: 'email-received', direction: 'incoming', date: '2026-11-25' }),
    ];
    const strength = relationshipStrength(history, NOW);
    // recency 1, frequency 3/8, reciprocity min(1, 2/1) = 1, depth 1 (rotation)
    expect(strength.parts).toEqual({ recency: 1, frequency: 0.375, reciprocity: 1, depth: 1 });
    expect(strength.score).toBe(Math.round(100 * (0.35 + 0.2 * 0.375 + 0.2 + 0.25)));
    expect(strength.lastContact).toBe('2026-11-25');
  });

  it('halves its recency every 90 days of silence', () => {
    const once = [interaction({ contactId: lee, kind: 'email-sent', date: '2026-08-27' })];
    const strength = relationshipStrength(once, NOW);
    expect(strength.parts.recency).toBeCloseTo(0.5, 10);
    // One unanswered email: no reciprocity, shallow depth.
    expect(strength.parts.reciprocity).toBe(0);
    expect(strength.parts.depth).toBe(0.2);
    expect(strength.score).toBe(Math.round(100 * (0.35 * 0.5 + 0.2 / 8 + 0.25 * 0.2)));
  });

  it('does not count a rotation planned for next year', () => {
    const planned = [
      interaction({ contactId: lee, kind: 'rotation', direction: 'both', date: '2027-02-01' }),
    ];
    expect(relationshipStrength(planned, NOW).score).toBe(0);
  });

  it('always lies between 0 and 100, and never drops when one more interaction is logged today', () => {
    const arbitrary = fc.record({
      kind: fc.constantFrom(...INTERACTION_KINDS),
      direction: fc.constantFrom('outgoing' as const, 'incoming' as const, 'both' as const),
      daysAgo: fc.integer({ min: 0, max: 2000 }),
    });
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 30 }), (rows) => {
        const history = rows.map((r) =>
          interaction({
            contactId: lee,
            kind: r.kind,
            direction: r.direction,
            date: new Date(NOW.getTime() - r.daysAgo * 86_400_000).toISOString().slice(0, 10),
          }),
        );
        const before = relationshipStrength(history, NOW).score;
        const reply = interaction({ contactId: lee, kind: 'call', direction: 'both', date: '2026-11-25' });
        const after = relationshipStrength([...history, reply], NOW).score;
        return before >= 0 && before <= 100 && after >= before;
      }),
    );
  });
});
