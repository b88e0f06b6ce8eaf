import { describe, expect, it } from 'vitest';
import { readVCards } from './vcard.js';

function read(input: Uint8Array | string) {
  const result = readVCards(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** As macOS Contacts exports a vCard 3.0 card: folded long lines, grouped and typed properties. */
const MENTOR_30 = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Álvarez;José;Miguel;Dr.;MD',
  'FN:José Miguel Álvarez',
  'ORG:Mercy Health;Family Medicine Residency',
  'TITLE:Program Director',
  'EMAIL;type=INTERNET;type=WORK;type=pref:jalvarez@example.org',
  'EMAIL;type=INTERNET;type=HOME:jose.alvarez@example.com',
  'item1.TEL;type=CELL:+1 (555) 010-4477',
  'item2.URL:https://www.linkedin.com/in/jose-alvarez-md',
  'NOTE:Met on my outpatient rotation\\, March 2025. Likes evidence-based pr',
  ' eceptor questions.\\nAsk about the rural track.',
  'CATEGORIES:mentor,rural track',
  'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD',
  'END:VCARD',
].join('\r\n');

describe('readVCards', () => {
  it('reads a 3.0 card: folded lines, escapes, N prefix as title, the preferred email first', () => {
    const { contacts, errors } = read(MENTOR_30);
    expect(errors).toEqual([]);
    expect(contacts).toEqual([
      {
        line: 1,
        contact: {
          name: 'José Miguel Álvarez',
          firstName: 'José',
          lastName: 'Álvarez',
          title: 'Dr.',
          email: 'jalvarez@example.org',
          phone: '+1 (555) 010-4477',
          linkedinUrl: 'https://www.linkedin.com/in/jose-alvarez-md',
          institution: 'Mercy Health, Family Medicine Residency',
          position: 'Program Director',
          notes:
            'Met on my outpatient rotation, March 2025. Likes evidence-based preceptor questions.\n' +
            'Ask about the rural track.\nOther email: jose.alvarez@example.com',
          tags: ['mentor', 'rural track'],
          role: 'other',
          circle: 'outer',
          metHow: null,
          connectedOn: null,
        },
      },
    ]);
  });

  it('reads a 4.0 card with LF line ends, a tab-folded line and a tel: URI', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Zoë Okafor-Brandt',
      'N:Okafor-Brandt;Zoë;;;',
      'TEL;VALUE=uri;TYPE="work,voice":tel:+1-555-010-2288',
      'EMAIL;PREF=1:zoe.okafor@',
      '\tstlukes.example.org',
      'END:VCARD',
      '',
    ].join('\n');
    const [zoe] = read(text).contacts;
    expect(zoe?.contact).toMatchObject({
      name: 'Zoë Okafor-Brandt',
      phone: '+1-555-010-2288',
      email: 'zoe.okafor@stlukes.example.org',
    });
  });

  it('keeps the cards around a broken one and names the line where the broken card starts', () => {
    const text = [
      'BEGIN:VCARD', // 1
      'VERSION:4.0',
      'FN:Priya Raman',
      'END:VCARD',
      'BEGIN:VCARD', // 5: never closed
      'VERSION:4.0',
      'FN:Half A. Card',
      'BEGIN:VCARD', // 8
      'VERSION:3.0',
      'N:Quiroga;Tomás;;;',
      'FN:Tomás Quiroga',
      'END:VCARD',
      'END:VCARD', // 13: stray
    ].join('\r\n');
    const { contacts, errors, total } = read(text);
    expect(total).toBe(3);
    expect(contacts.map((c) => [c.line, c.contact.name])).toEqual([
      [1, 'Priya Raman'],
      [8, 'Tomás Quiroga'],
    ]);
    expect(errors).toEqual([
      {
        line: 5,
        field: 'END',
        message: 'Line 5: this card has no END:VCARD before the next card on line 8.',
      },
      { line: 13, field: 'END', message: 'Line 13: END:VCARD without a BEGIN:VCARD before it.' },
    ]);
  });

  it('reports a bad property at its own line and a nameless card at its BEGIN line', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Amara Diallo',
      'NOTE;ENCODING=b:TWV0IGF0IEFBRlA=',
      'EMAIL:amara.diallo(at)example.org',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'EMAIL:nobody@example.org',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'this line has no colon',
      'FN:Ben Osei',
      'END:VCARD',
    ].join('\r\n');
    const { contacts, errors } = read(text);
    expect(contacts).toEqual([]);
    expect(errors).toEqual([
      { line: 4, field: 'NOTE', message: 'Line 4: NOTE in B encoding is not supported.' },
      { line: 5, field: 'EMAIL', message: 'Line 5: "amara.diallo(at)example.org" is not an email address.' },
      { line: 7, field: 'FN', message: 'Line 7: this card has no name (no FN or N).' },
      {
        line: 13,
        field: '(line)',
        message: 'Line 13: "this line has no colon" is not a vCard property (no ":").',
      },
    ]);
  });

  it('decodes 2.1 quoted-printable values, soft line breaks and Latin-1 included', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Su=C3=A1rez;Luc=C3=ADa;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Luc=C3=ADa Su=C3=A1rez',
      'NOTE;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Conoc=EDa al Dr. Su=E1rez en la feria de=',
      ' residencias',
      'TEL;WORK;VOICE:555-010-9911',
      'END:VCARD',
    ].join('\r\n');
    const [lucia] = read(text).contacts;
    expect(lucia?.contact).toMatchObject({
      name: 'Lucía Suárez',
      firstName: 'Lucía',
      lastName: 'Suárez',
      notes: 'Conocía al Dr. Suárez en la feria de residencias',
      phone: '555-010-9911',
    });
  });

  it('reports text outside any card once, and a last card cut off before END:VCARD', () => {
    const text = [
      'FN:Stray Person', // 1
      'EMAIL:stray@example.org',
      'BEGIN:VCARD', // 3
      'FN:Kofi Mensah',
      'END:VCARD',
      'BEGIN:VCARD', // 6: the file was truncated
      'FN:Ines Duarte',
    ].join('\n');
    const { contacts, errors } = read(text);
    expect(contacts.map((c) => c.contact.name)).toEqual(['Kofi Mensah']);
    expect(errors).toEqual([
      { line: 1, field: 'FN', message: 'Line 1: FN is outside any BEGIN:VCARD … END:VCARD.' },
      { line: 6, field: 'END', message: 'Line 6: this card has no END:VCARD before the end of the file.' },
    ]);
  });

  it('says so when a file holds no cards at all', () => {
    expect(readVCards('First Name,Last Name\n')).toMatchObject({ ok: false, error: { kind: 'empty' } });
  });
});
