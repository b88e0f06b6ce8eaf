import { describe, expect, it } from 'vitest';
import { type ContactDraft, emptyDraft } from './contact-draft.js';
import { readVCards } from './vcard.js';
import { contactsToVCard, fold } from './vcard-export.js';

const JOSE: ContactDraft = {
  ...emptyDraft('José Álvarez'),
  firstName: 'José',
  lastName: 'Álvarez',
  title: 'Dr.',
  email: 'jalvarez@example.org',
  phone: '+1 555 010 4477',
  linkedinUrl: 'https://www.linkedin.com/in/jose-alvarez-md',
  institution: 'Mercy Health, Family Medicine Residency',
  position: 'Program Director; Clerkship Director',
  notes: 'Precepted my March 2025 outpatient rotation.\nWrote my first US letter; send him Match news.',
  tags: ['letter writer', 'rural, underserved'],
  role: 'mentor',
  circle: 'inner',
  metHow: 'Outpatient rotation',
  connectedOn: '2025-03-03',
};
const ZOE: ContactDraft = { ...emptyDraft('Zoë'), metHow: 'LinkedIn' };

describe('contactsToVCard', () => {
  it('writes a 4.0 card with CRLF, escaped commas, semicolons and line breaks', () => {
    expect(contactsToVCard([ZOE])).toBe(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoë\r\nX-MATCHWISE-MET-HOW:LinkedIn\r\n' +
        'X-MATCHWISE-ROLE:other\r\nX-MATCHWISE-CIRCLE:outer\r\nEND:VCARD\r\n',
    );
    const vcf = contactsToVCard([JOSE]);
    expect(vcf).toContain('N:Álvarez;José;;Dr.;\r\n');
    expect(vcf).toContain('ORG:Mercy Health\\, Family Medicine Residency\r\n');
    expect(vcf).toContain('TITLE:Program Director\\; Clerkship Director\r\n');
    expect(vcf).toContain('CATEGORIES:letter writer,rural\\, underserved\r\n');
  });

  it('folds at 75 octets without splitting an accented letter', () => {
    // "NOTE:a" is 6 octets and each é is 2, so the 35th é would end on octet 76: it moves to the next line.
    const folded = fold(`NOTE:a${'é'.repeat(40)}`);
    const lines = folded.split('\r\n').slice(0, -1);
    expect(lines.map((line) => new TextEncoder().encode(line).length)).toEqual([74, 13]);
    expect(lines[1]?.startsWith(' é')).toBe(true);
    expect(folded.endsWith('\r\n')).toBe(true);
  });

  it('reads back as the same contacts', () => {
    const longNotes = { ...JOSE, notes: `${JOSE.notes} ${'Très bien. '.repeat(20)}`.trim() };
    const result = readVCards(contactsToVCard([longNotes, ZOE]));
    expect(result).toMatchObject({ ok: true, value: { errors: [] } });
    if (result.ok) expect(result.value.contacts.map((c) => c.contact)).toEqual([longNotes, ZOE]);
  });
});
