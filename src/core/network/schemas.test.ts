import { describe, expect, it } from 'vitest';
import { contactSchema } from './contact.js';
import { defaultPrepChecklist, eventSchema } from './event.js';
import { interactionSchema } from './interaction.js';
import { letterStatus } from './letter.js';
import { drLee, event, letter, rotationEndedYesterday } from './test-support.js';

describe('a contact', () => {
  it('is valid with a LinkedIn profile address', () => {
    const parsed = contactSchema.safeParse({
      ...drLee,
      linkedinUrl: 'https://www.linkedin.com/in/anna-lee-md',
    });
    expect(parsed.success).toBe(true);
  });

  it('rejects a profile address that is not on linkedin.com', () => {
    for (const url of ['https://linkedin.com.evil.example/in/x', 'https://example.com/in/anna', 'linkedin']) {
      const parsed = contactSchema.safeParse({ ...drLee, linkedinUrl: url });
      expect(parsed.success, url).toBe(false);
    }
  });

  it('rejects an unknown role and a malformed email, naming the field', () => {
    const parsed = contactSchema.safeParse({ ...drLee, role: 'dean', email: 'anna at riverside' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['email', 'role']);
  });
});

describe('an interaction', () => {
  it('accepts a rotation with its last day', () => {
    expect(interactionSchema.safeParse(rotationEndedYesterday).success).toBe(true);
  });

  it('rejects a rotation that ends before it starts', () => {
    const parsed = interactionSchema.safeParse({ ...rotationEndedYesterday, endDate: '2026-10-01' });
    expect(parsed.error?.issues[0]?.path).toEqual(['endDate']);
  });
});

describe('a letter', () => {
  it('takes its status from the furthest step with a date', () => {
    expect(letterStatus(letter({ id: 'l1', writerContactId: 'c' }))).toBe('planned');
    expect(letterStatus(letter({ id: 'l1', writerContactId: 'c', requestedOn: '2026-11-01' }))).toBe(
      'requested',
    );
    expect(letterStatus(letter({ id: 'l1', writerContactId: 'c', agreedOn: '2026-11-02' }))).toBe('agreed');
    // Uploaded without an agreement logged: the upload implies it.
    expect(letterStatus(letter({ id: 'l1', writerContactId: 'c', uploadedOn: '2026-11-20' }))).toBe(
      'uploaded',
    );
  });
});

describe('an event', () => {
  it('starts with the four-item prep checklist, nothing done', () => {
    const fair = event({ id: 'e1', name: 'AAFP National Conference', prep: defaultPrepChecklist() });
    expect(eventSchema.safeParse(fair).success).toBe(true);
    expect(fair.prep.map((p) => p.done)).toEqual([false, false, false, false]);
  });
});
