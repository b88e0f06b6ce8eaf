import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isUnstorableTextIssue, storableText, unstorableTextReason } from './storable-text.js';
import { toFieldIssues } from './zod-issues.js';

describe('unstorableTextReason', () => {
  it('names a NUL character and where it is', () => {
    expect(unstorableTextReason('Ann\u0000Arbor')).toBe(
      'contains a NUL character (U+0000) at character 4, which cannot be stored; remove it',
    );
  });

  it('names a lone high or low surrogate, but accepts a well-formed pair', () => {
    expect(unstorableTextReason('ab\uD83E')).toMatch(
      /character 3 \(half of a UTF-16 surrogate pair, U\+D83E\)/,
    );
    expect(unstorableTextReason('\uDE7A tail')).toMatch(/character 1 .*U\+DE7A/);
    expect(unstorableTextReason('stethoscope \uD83E\uDE7A')).toBeNull();
    expect(unstorableTextReason('Zoë Nguyen, Mayagüez — 東京')).toBeNull();
  });

  it('accepts every well-formed string without NUL, and refuses it once a NUL is inserted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, at) => {
        const clean = text.replaceAll('\0', '');
        expect(unstorableTextReason(clean)).toBeNull();
        // Cut between code points: a NUL inside a surrogate pair would also break the pair.
        const points = Array.from(clean);
        const cut = at % (points.length + 1);
        const before = points.slice(0, cut).join('');
        const dirty = `${before}\0${points.slice(cut).join('')}`;
        expect(unstorableTextReason(dirty)).toContain(`at character ${before.length + 1}`);
      }),
    );
  });
});

describe('storableText', () => {
  const contact = z.object({
    name: storableText().trim().min(1).max(5),
    tags: z.array(storableText()),
    ratings: z.record(storableText(), z.number()),
    notes: storableText().nullable(),
  });

  it('chains like z.string() and keeps clean text', () => {
    expect(contact.parse({ name: ' Zoë ', tags: ['mentor'], ratings: { q1: 4 }, notes: null })).toEqual({
      name: 'Zoë',
      tags: ['mentor'],
      ratings: { q1: 4 },
      notes: null,
    });
  });

  it('reports only the unstorable character for a field, at its path, even when other checks would fail', () => {
    const parsed = contact.safeParse({
      name: 'far too long\u0000',
      tags: ['ok', 'bad\uD800'],
      ratings: { 'q\u00001': 4 },
      notes: 'fine',
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues.every(isUnstorableTextIssue)).toBe(true);
    expect(toFieldIssues(parsed.error)).toEqual([
      { path: 'name', message: expect.stringMatching(/^Contains a NUL character .* at character 13/) },
      { path: 'tags.1', message: expect.stringMatching(/^Contains a broken character at character 4/) },
      { path: 'ratings.q\u00001', message: expect.stringMatching(/^Contains a NUL character/) },
    ]);
  });

  it('leaves other failures as ordinary issues', () => {
    const parsed = contact.safeParse({ name: '', tags: [], ratings: {}, notes: null });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.some(isUnstorableTextIssue)).toBe(false);
  });
});
