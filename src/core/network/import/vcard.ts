import { err, ok, type Result } from '../../shared/result.js';
import { unstorableTextReason } from '../../shared/storable-text.js';
import { isEmailAddress, isLinkedinUrl } from './checks.js';
import { parseConnectedOn } from './connected-on.js';
import {
  asText,
  CIRCLES,
  type ContactDraft,
  type ContactImport,
  type DraftCircle,
  type DraftRole,
  emptyDraft,
  type FileError,
  type ImportedContact,
  ROLES,
  type RowError,
  textOrNull,
} from './contact-draft.js';
import {
  type ContentLine,
  decodeQuotedPrintable,
  parseContentLine,
  splitEscaped,
  unescapeText,
  unfold,
} from './vcard-lines.js';

const VERSIONS = ['2.1', '3.0', '4.0'];

interface OpenCard {
  line: number;
  properties: ContentLine[];
  errors: RowError[];
}

/**
 * Reads a .vcf file (vCard 3.0 or 4.0, and 2.1 as phones still export it) holding any number of cards.
 * A card with a problem (no END:VCARD, no name, a value that cannot be decoded) is reported at the line of
 * BEGIN:VCARD or of the bad property and left out; every other card is kept. Properties Matchwise has no use
 * for (PHOTO, ADR, BDAY…) are ignored. Our own X-MATCHWISE-* properties make an export read back unchanged.
 *
 * @example
 * readVCards('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoë Nguyen\r\nEMAIL;TYPE=work:zoe@example.org\r\nEND:VCARD\r\n')
 * // ok: one contact "Zoë Nguyen" <zoe@example.org>
 */
export function readVCards(input: Uint8Array | string): Result<ContactImport, FileError> {
  const text = asText(input);
  if (!text.ok) return text;
  const lines = unfold(text.value);
  if (!lines.some((entry) => /^BEGIN:VCARD\s*$/i.test(entry.text))) {
    return err({
      kind: 'empty',
      message: 'This file has no BEGIN:VCARD line, so it holds no contact cards.',
    });
  }
  const contacts: ImportedContact[] = [];
  const errors: RowError[] = [];
  let card: OpenCard | null = null;
  let total = 0;
  let strayReported = false;

  for (const entry of lines) {
    const parsed = parseContentLine(entry);
    if (!parsed.ok) {
      const error = lineError(entry.line, '(line)', parsed.error);
      if (card) card.errors.push(error);
      else errors.push(error);
      continue;
    }
    const property = parsed.value;
    const value = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && value === 'VCARD') {
      if (card) {
        errors.push(
          lineError(
            card.line,
            'END',
            `this card has no END:VCARD before the next card on line ${entry.line}.`,
          ),
        );
      }
      card = { line: entry.line, properties: [], errors: [] };
      total++;
      strayReported = false;
    } else if (property.name === 'END' && value === 'VCARD') {
      if (!card) {
        errors.push(lineError(entry.line, 'END', 'END:VCARD without a BEGIN:VCARD before it.'));
        continue;
      }
      const built = buildCard(card);
      if (built.ok) contacts.push({ line: card.line, contact: built.value });
      else errors.push(...built.error);
      card = null;
    } else if (card) {
      card.properties.push(property);
    } else if (!strayReported) {
      errors.push(
        lineError(entry.line, property.name, `${property.name} is outside any BEGIN:VCARD … END:VCARD.`),
      );
      strayReported = true;
    }
  }
  if (card)
    errors.push(lineError(card.line, 'END', 'this card has no END:VCARD before the end of the file.'));
  errors.sort((a, b) => a.line - b.line);
  return ok({ contacts, errors, total });
}

function lineError(line: number, field: string, message: string): RowError {
  return { line, field, message: `Line ${line}: ${message}` };
}

/** Turns one card's properties into a draft, or the card's errors. */
function buildCard(card: OpenCard): Result<ContactDraft, RowError[]> {
  const errors = [...card.errors];
  const draft = emptyDraft('');
  let fullName: string | null = null;
  const notes: string[] = [];
  const extras: string[] = [];
  const emails: { value: string; preferred: boolean }[] = [];
  const phones: { value: string; preferred: boolean }[] = [];

  for (const property of card.properties) {
    const raw = decodedValue(property);
    if (!raw.ok) {
      if (READ.has(property.name)) errors.push(raw.error);
      continue;
    }
    const unstorable = unstorableTextReason(raw.value);
    if (unstorable !== null) {
      if (READ.has(property.name)) {
        errors.push(lineError(property.line, property.name, `${property.name} ${unstorable}.`));
      }
      continue;
    }
    const text = textOrNull(unescapeText(raw.value));
    const preferred =
      (property.params.get('TYPE') ?? []).includes('PREF') ||
      (property.params.get('PREF') ?? []).includes('1');
    switch (property.name) {
      case 'VERSION':
        if (!VERSIONS.includes(raw.value.trim())) {
          errors.push(
            lineError(
              property.line,
              'VERSION',
              `vCard version "${raw.value.trim()}" is not supported (2.1, 3.0 or 4.0).`,
            ),
          );
        }
        break;
      case 'FN':
        fullName = text;
        break;
      case 'N': {
        const [family, given, , prefix] = splitEscaped(raw.value, ';').map((part) =>
          textOrNull(unescapeText(part)),
        );
        draft.lastName = family ?? null;
        draft.firstName = given ?? null;
        draft.title = prefix ?? null;
        break;
      }
      case 'ORG':
        draft.institution = textOrNull(
          splitEscaped(raw.value, ';')
            .map((part) => unescapeText(part).trim())
            .filter((part) => part !== '')
            .join(', '),
        );
        break;
      case 'TITLE':
        draft.position = text;
        break;
      case 'EMAIL':
        if (text && !isEmailAddress(text)) {
          errors.push(lineError(property.line, 'EMAIL', `"${text}" is not an email address.`));
        } else if (text) emails.push({ value: text, preferred });
        break;
      case 'TEL':
        if (text) phones.push({ value: text.replace(/^tel:/i, ''), preferred });
        break;
      case 'URL':
      case 'X-SOCIALPROFILE':
        if (!text) break;
        if (draft.linkedinUrl === null && isLinkedinUrl(text)) {
          draft.linkedinUrl = text;
        } else extras.push(`Website: ${text}`);
        break;
      case 'NOTE':
        if (text) notes.push(text);
        break;
      case 'CATEGORIES':
        for (const tag of splitEscaped(raw.value, ',').map((part) => unescapeText(part).trim())) {
          if (tag !== '' && !draft.tags.includes(tag)) draft.tags.push(tag);
        }
        break;
      case 'X-MATCHWISE-MET-HOW':
        draft.metHow = text;
        break;
      case 'X-MATCHWISE-CONNECTED-ON':
        draft.connectedOn = text === null ? null : parseConnectedOn(text);
        if (text !== null && draft.connectedOn === null) {
          errors.push(lineError(property.line, property.name, `"${text}" is not a date.`));
        }
        break;
      case 'X-MATCHWISE-ROLE':
        if (ROLES.includes(text as DraftRole)) draft.role = text as DraftRole;
        else errors.push(lineError(property.line, property.name, `"${text}" is not a contact role.`));
        break;
      case 'X-MATCHWISE-CIRCLE':
        if (CIRCLES.includes(text as DraftCircle)) draft.circle = text as DraftCircle;
        else errors.push(lineError(property.line, property.name, `"${text}" is not a circle.`));
        break;
    }
  }

  // One email and one phone fit a contact; the preferred one wins and the others go to notes, not the bin.
  const [email, ...otherEmails] = preferredFirst(emails);
  const [phone, ...otherPhones] = preferredFirst(phones);
  draft.email = email ?? null;
  draft.phone = phone ?? null;
  extras.unshift(
    ...otherEmails.map((value) => `Other email: ${value}`),
    ...otherPhones.map((value) => `Other phone: ${value}`),
  );
  draft.notes = textOrNull([...notes, ...extras].join('\n'));

  draft.name = fullName ?? [draft.firstName, draft.lastName].filter((part) => part !== null).join(' ');
  if (draft.name === '') errors.push(lineError(card.line, 'FN', 'this card has no name (no FN or N).'));
  return errors.length > 0 ? err(errors) : ok(draft);
}

/** Properties whose value we read, so a value we cannot decode there is an error rather than ignored. */
const READ = new Set([
  'VERSION',
  'FN',
  'N',
  'ORG',
  'TITLE',
  'EMAIL',
  'TEL',
  'URL',
  'X-SOCIALPROFILE',
  'NOTE',
  'CATEGORIES',
  'X-MATCHWISE-MET-HOW',
  'X-MATCHWISE-CONNECTED-ON',
  'X-MATCHWISE-ROLE',
  'X-MATCHWISE-CIRCLE',
]);

/** The value with any transfer encoding undone; base64 text is refused (only photos use it in practice). */
function decodedValue(property: ContentLine): Result<string, RowError> {
  const encoding = (property.params.get('ENCODING') ?? [])[0];
  if (encoding === undefined || encoding === '8BIT' || encoding === '7BIT') return ok(property.value);
  if (encoding === 'QUOTED-PRINTABLE') {
    const charset = (property.params.get('CHARSET') ?? ['UTF-8'])[0] ?? 'UTF-8';
    const decoded = decodeQuotedPrintable(property.value, charset.toLowerCase());
    if (decoded !== null) return ok(decoded);
    return err(
      lineError(property.line, property.name, `the quoted-printable ${charset} value could not be decoded.`),
    );
  }
  return err(
    lineError(property.line, property.name, `${property.name} in ${encoding} encoding is not supported.`),
  );
}

function preferredFirst(values: { value: string; preferred: boolean }[]): string[] {
  return [...values.filter((v) => v.preferred), ...values.filter((v) => !v.preferred)].map((v) => v.value);
}
