import { describe, expect, it } from 'vitest';
import { type ContactDraft, emptyDraft } from './contact-draft.js';
import { contactsToCsv } from './contacts-csv-export.js';
import { readContactsCsv } from './contacts-csv-import.js';

const PRIYA: ContactDraft = {
  ...emptyDraft('Dr. Priya Raman'),
  title: 'Dr.',
  firstName: 'Priya',
  lastName: 'Raman',
  email: 'praman@example.org',
  phone: '+1 555 010 3344',
  institution: 'Valley Health, Family Medicine Residency',
  position: 'Associate Program Director',
  role: 'faculty',
  circle: 'middle',
  metHow: 'AAFP National Conference',
  connectedOn: '2025-07-31',
  tags: ['IMG-friendly', 'rural track'],
  notes: 'IMG herself (Caribbean school, 2011).\nSaid to mention "the rural track" in my personal statement.',
};
const TOMAS: ContactDraft = { ...emptyDraft('Tomás Quiroga'), firstName: 'Tomás', lastName: 'Quiroga' };

describe('contactsToCsv', () => {
  it('writes one row per contact with quoted commas and quotes, tags in one cell', () => {
    const csv = contactsToCsv([TOMAS]);
    expect(csv).toBe(
      'Name,Title,First Name,Last Name,Email,Phone,LinkedIn URL,Institution,Position,Role,Circle,Met How,' +
        'Connected On,Tags,Notes\r\nTomás Quiroga,,Tomás,Quiroga,,,,,,other,outer,,,,\r\n',
    );
    const priyaRow = contactsToCsv([PRIYA]).split('\r\n')[1];
    expect(priyaRow).toContain(`,'+1 555 010 3344,`);
    expect(priyaRow).toContain(',"Valley Health, Family Medicine Residency",');
    expect(priyaRow).toContain(',IMG-friendly; rural track,');
  });

  it('reads back as the same contacts', () => {
    const result = readContactsCsv(contactsToCsv([PRIYA, TOMAS]));
    expect(result).toMatchObject({ ok: true, value: { errors: [], total: 2 } });
    if (result.ok) expect(result.value.contacts.map((c) => c.contact)).toEqual([PRIYA, TOMAS]);
  });
});

describe('readContactsCsv', () => {
  it('takes a spreadsheet-edited file with a semicolon delimiter and reports bad rows by line', () => {
    const text = 'Name;Role;Circle\nAmara Diallo;mentor;inner\n;peer;outer\nBen Osei;friend;outer\n';
    const result = readContactsCsv(text);
    expect(result).toMatchObject({
      ok: true,
      value: {
        contacts: [{ line: 2, contact: { name: 'Amara Diallo', role: 'mentor', circle: 'inner' } }],
        errors: [
          { line: 3, field: 'Name', message: 'Line 3: the name is empty.' },
          { line: 4, field: 'Role' },
        ],
      },
    });
  });

  it('refuses an email or LinkedIn URL the contact could not be saved with', () => {
    const text = 'Name,Email,LinkedIn URL\nLena Fischer,lena@,\nKofi Mensah,,https://example.com/kofi\n';
    const result = readContactsCsv(text);
    expect(result).toMatchObject({
      ok: true,
      value: {
        contacts: [],
        errors: [
          { line: 2, field: 'Email' },
          { line: 3, field: 'LinkedIn URL' },
        ],
      },
    });
  });
});
