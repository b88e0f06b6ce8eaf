import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnstorableText } from '../../shared/storable-text.js';
import { emptyDraft } from './contact-draft.js';
import { contactsToCsv } from './contacts-csv-export.js';
import { readContactsCsv } from './contacts-csv-import.js';
import { readLinkedInConnections } from './linkedin-csv.js';
import { readVCards } from './vcard.js';

/**
 * Fuzzing the contact importers (issue 10): LinkedIn's Connections.csv and vCard files. Whatever the bytes, a
 * typed error or contacts with per-line errors — never an exception — and the valid records are kept.
 */
const RUNS = 1_000;
const encode = (text: string) => new TextEncoder().encode(text);

const LINKEDIN_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const LINKEDIN = `Notes:\r\n"When exporting your connection data, you may notice…"\r\n\r\n${LINKEDIN_HEADER}\r\nZoë,Nguyen,https://www.linkedin.com/in/zoe-nguyen,,Mercy FM Residency,PGY-2,07 Aug 2024\r\n`;
const VCARD =
  'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nguyen;Zoë;;;\r\nFN:Zoë Nguyen\r\nEMAIL:zoe@example.org\r\nNOTE:met at AAFP\\, 2025\r\nEND:VCARD\r\n';

const MATCHWISE_CSV = contactsToCsv([
  { ...emptyDraft('Zoë Nguyen'), phone: '+1 555 0100', tags: ['mentor'], notes: '=not a formula' },
]);

/** Any text a damaged file can hold: NUL, quotes, delimiters, vCard syntax, line breaks, emoji. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\0', '"', ',', ';', ':', '=', '\\', '\r', '\n', ' ', 'BEGIN:VCARD', 'END:VCARD'),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 40,
});

/** Flip, cut or splice bytes of a valid file. */
function mutations(valid: Uint8Array) {
  return fc
    .record({
      at: fc.nat({ max: valid.length - 1 }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
      cut: fc.nat({ max: valid.length }),
      mode: fc.constantFrom('flip', 'cut', 'splice'),
    })
    .map(({ at, bytes, cut, mode }) =>
      mode === 'cut'
        ? valid.subarray(0, cut)
        : mode === 'flip'
          ? valid.map((byte, i) => (i >= at && i < at + bytes.length ? byte ^ (bytes[i - at] ?? 0) : byte))
          : new Uint8Array([...valid.subarray(0, at), ...bytes, ...valid.subarray(at)]),
    );
}

/** Every stored-to-be contact holds only text the database can store. */
function expectStorable(result: ReturnType<typeof readVCards>): void {
  if (!result.ok) return;
  for (const { contact } of result.value.contacts) expect(findUnstorableText(contact)).toBeNull();
}

describe.each([
  ['LinkedIn Connections.csv', readLinkedInConnections, LINKEDIN],
  ['vCard', readVCards, VCARD],
  ['Matchwise contacts CSV', readContactsCsv, MATCHWISE_CSV],
] as const)('%s import under fuzzing', (_name, read, valid) => {
  it('answers any bytes or text with a result, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), anyText), (input) => {
        const result = read(input);
        expect(typeof result.ok).toBe('boolean');
        expectStorable(result);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers a valid file with bytes flipped, cut or spliced in with a result', () => {
    fc.assert(
      fc.property(mutations(encode(valid)), (bytes) => {
        const result = read(bytes);
        expect(typeof result.ok).toBe('boolean');
        expectStorable(result);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('valid records among broken ones', () => {
  const person = fc.nat({ max: 99_999 }).map((n) => ({ first: 'Ana', last: `Ruiz${n}` }));

  it('LinkedIn: keeps every valid row whatever broken rows sit between them', () => {
    // A broken row: junk cells, quoted so the row stays one row, and no name (or a NUL in it).
    const broken = fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 7 }).map((cells) => {
      const quoted = cells.map((cell) => `"${cell.replaceAll('"', '""')}"`);
      return `"",""${quoted.length > 2 ? `,${quoted.slice(2).join(',')}` : ''}`;
    });
    const tainted = anyText.map((text) => `"Ben\0${text.replaceAll('"', '""')}",Cho,,,,,`);
    fc.assert(
      fc.property(fc.array(fc.oneof(person, broken, tainted), { maxLength: 25 }), (rows) => {
        const lines = [
          LINKEDIN_HEADER,
          ...rows.map((row) => (typeof row === 'string' ? row : `${row.first},${row.last},,,,,`)),
        ];
        const result = readLinkedInConnections(lines.join('\r\n'));
        if (!result.ok) throw new Error(result.error.message);
        const names = new Set(result.value.contacts.map(({ contact }) => contact.name));
        for (const row of rows)
          if (typeof row !== 'string') expect(names).toContain(`${row.first} ${row.last}`);
        expect(result.value.contacts.some(({ contact }) => contact.name.includes('\0'))).toBe(false);
        expectStorable(result);
      }),
      { numRuns: RUNS },
    );
  });

  it('vCard: keeps every valid card whatever broken cards sit between them', () => {
    const card = (name: string, extra = '') =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\n${extra}END:VCARD\r\n`;
    // Broken cards: no name, a NUL in the name (quoted-printable =00), or junk lines inside.
    const broken = fc.oneof(
      fc.constant('BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n'),
      fc.nat().map((n) => card(`Ben=00Cho${n}`).replace('FN:', 'FN;ENCODING=QUOTED-PRINTABLE:')),
      anyText.map((junk) => card('', `X-JUNK:${junk.replace(/[\r\n]/g, ' ')}\r\n`)),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(person, broken), { maxLength: 20 }), (cards) => {
        const text = cards.map((c) => (typeof c === 'string' ? c : card(`${c.first} ${c.last}`))).join('');
        const result = readVCards(text || card('Only One'));
        if (!result.ok) throw new Error(result.error.message);
        const names = new Set(result.value.contacts.map(({ contact }) => contact.name));
        for (const c of cards) if (typeof c !== 'string') expect(names).toContain(`${c.first} ${c.last}`);
        expectStorable(result);
      }),
      { numRuns: RUNS },
    );
  });
});
