import { describe, expect, it } from 'vitest';
import { contactToDraft, EMPTY_CONTACT_FORM, parseTags, validateContactForm } from './contact-form.js';

describe('validateContactForm', () => {
  it('turns a filled form into contact fields, blanks into nulls and a suggested circle into null', () => {
    const result = validateContactForm({
      ...EMPTY_CONTACT_FORM,
      name: '  Anna Lee ',
      title: 'Dr.',
      role: 'mentor',
      acgmeId: '1200500001',
      email: 'alee@example.org',
      tags: 'fm, img-friendly, fm',
    });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: 'Anna Lee',
        title: 'Dr.',
        role: 'mentor',
        circle: null,
        affiliation: { acgmeId: '1200500001', institution: null },
        email: 'alee@example.org',
        phone: null,
        tags: ['fm', 'img-friendly'],
      }),
    });
  });

  it('names each bad field with the core schema message', () => {
    const result = validateContactForm({
      ...EMPTY_CONTACT_FORM,
      email: 'not-an-email',
      linkedinUrl: 'https://example.org/jane',
      phone: 'abc',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toBe('Name is required');
    expect(result.errors.role).toBe('Choose a role');
    expect(result.errors.email).toMatch(/name@example.org/);
    expect(result.errors.linkedinUrl).toBe('Use a linkedin.com address');
    expect(result.errors.phone).toMatch(/digits/);
  });

  it('keeps a circle the user chose', () => {
    const result = validateContactForm({ ...EMPTY_CONTACT_FORM, name: 'Ben', role: 'peer', circle: 'inner' });
    expect(result.ok && result.value.circle).toBe('inner');
  });
});

describe('parseTags', () => {
  it('splits on commas, trims and drops empties and repeats', () => {
    expect(parseTags(' a, b ,,a ')).toEqual(['a', 'b']);
  });
});

describe('contactToDraft', () => {
  const contact = {
    id: 'c1',
    name: 'Anna Lee',
    title: null,
    role: 'mentor' as const,
    circle: 'inner' as const,
    circleOverridden: false,
    affiliation: { acgmeId: '1200500001', institution: null },
    metHow: 'Rotation',
    metWhere: null,
    email: 'alee@example.org',
    phone: null,
    linkedinUrl: null,
    tags: ['fm', 'img-friendly'],
    notes: 'Kind.',
    createdAt: '2026-01-01T00:00:00Z',
  };

  it('prefills the form, keeping a suggested circle suggested, and validates back to the same fields', () => {
    const draft = contactToDraft(contact);
    expect(draft).toMatchObject({ circle: '', title: '', acgmeId: '1200500001', tags: 'fm, img-friendly' });
    expect(validateContactForm(draft)).toEqual({
      ok: true,
      value: expect.objectContaining({ circle: null, tags: ['fm', 'img-friendly'], metHow: 'Rotation' }),
    });
  });

  it('keeps a circle the user chose', () => {
    expect(contactToDraft({ ...contact, circleOverridden: true }).circle).toBe('inner');
  });
});
