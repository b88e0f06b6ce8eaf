import { describe, expect, it } from 'vitest';
import { readLinkedInConnections } from './linkedin-csv.js';

/** Shaped like a real 2024 export: a "Notes:" preamble, a blank line, then the header row. */
const EXPORT = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'José,Álvarez,https://www.linkedin.com/in/jose-alvarez-md,jalvarez@example.org,"Mercy Health, Family Medicine Residency",Program Director,15 Mar 2023',
  'Zoë,Okafor-Brandt,https://www.linkedin.com/in/zoe-okafor,,St. Luke\'s Hospital,"Chief Resident, PGY-3",02 Jan 2024',
  ',,https://www.linkedin.com/in/ghost,,,,01 Feb 2024',
  'Priya,Raman,linkedin.com/in/praman,,Rural Health Clinic,Attending,10 Apr 2022',
  'Tomás,Quiroga,https://www.linkedin.com/in/tquiroga,,Caribbean Medical University,Alumni Relations,31 Feb 2023',
  'Amara,Diallo,https://www.linkedin.com/in/amara-diallo,,,,',
].join('\r\n');

function read(input: Uint8Array | string) {
  const result = readLinkedInConnections(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('readLinkedInConnections', () => {
  it('skips the Notes preamble and keeps every valid connection with its line', () => {
    const { contacts, total } = read(EXPORT);
    expect(total).toBe(6);
    expect(contacts.map((c) => [c.line, c.contact.name])).toEqual([
      [5, 'José Álvarez'],
      [6, 'Zoë Okafor-Brandt'],
      [10, 'Amara Diallo'],
    ]);
  });

  it('maps a program director connection, quoted comma and accents intact, as an outer-circle suggestion', () => {
    const jose = read(EXPORT).contacts[0]?.contact;
    expect(jose).toEqual({
      name: 'José Álvarez',
      firstName: 'José',
      lastName: 'Álvarez',
      title: null,
      email: 'jalvarez@example.org',
      phone: null,
      linkedinUrl: 'https://www.linkedin.com/in/jose-alvarez-md',
      institution: 'Mercy Health, Family Medicine Residency',
      position: 'Program Director',
      notes: null,
      tags: [],
      role: 'other',
      circle: 'outer',
      metHow: 'LinkedIn',
      connectedOn: '2023-03-15',
    });
    expect(read(EXPORT).contacts[1]?.contact.position).toBe('Chief Resident, PGY-3');
  });

  it('reports each malformed row by line and field: no name, a URL without scheme, 31 February', () => {
    expect(read(EXPORT).errors).toEqual([
      { line: 7, field: 'First Name', message: 'Line 7: no first or last name.' },
      { line: 8, field: 'URL', message: 'Line 8: "linkedin.com/in/praman" is not a LinkedIn address.' },
      {
        line: 9,
        field: 'Connected On',
        message: 'Line 9: "31 Feb 2023" is not a date like "15 Mar 2023".',
      },
    ]);
  });

  it('reads UTF-8 bytes with a byte-order mark, as Excel saves them', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(EXPORT)]);
    expect(read(bytes).contacts[1]?.contact.firstName).toBe('Zoë');
  });

  it('flags a row with an unquoted comma instead of shifting its columns', () => {
    const text =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
      'Lena,Fischer,https://www.linkedin.com/in/lfischer,,Valley Clinic, Inc.,Faculty,05 May 2023\n';
    expect(read(text).errors).toMatchObject([{ line: 2, field: '(row)' }]);
  });

  it('holds URLs and emails to the bar a saved contact must meet', () => {
    const text =
      'First Name,Last Name,URL,Email Address\n' +
      'Nadia,Haddad,https://example.com/nadia,nadia@example.org\n' +
      'Omar,Farouk,https://de.linkedin.com/in/ofarouk,omar at example.org\n' +
      'Ines,Duarte,https://www.linkedin.com/in/iduarte,ines@example.org\n';
    const { contacts, errors } = read(text);
    expect(contacts.map((c) => c.contact.name)).toEqual(['Ines Duarte']);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'URL'],
      [3, 'Email Address'],
    ]);
  });

  it('accepts dates a spreadsheet rewrote, in US or ISO order', () => {
    const text = 'First Name,Last Name,Connected On\nAna,Silva,3/15/2023\nBen,Osei,2023-03-16\n';
    expect(read(text).contacts.map((c) => c.contact.connectedOn)).toEqual(['2023-03-15', '2023-03-16']);
  });

  it('refuses a file that is not a connections export', () => {
    expect(readLinkedInConnections('acgme_id,city\n1209900101,Anchorage\n')).toMatchObject({
      ok: false,
      error: { kind: 'missing-columns' },
    });
  });
});
