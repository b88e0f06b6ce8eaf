import { parseCsv } from '../../catalog/import/parse-csv.js';
import type { TableRow } from '../../catalog/import/types.js';
import { unguardCsvCell } from '../../shared/csv.js';
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
import { CONTACT_CSV_COLUMNS, TAG_SEPARATOR } from './contacts-csv-export.js';

type Key = keyof typeof CONTACT_CSV_COLUMNS;

/**
 * Reads back a CSV written by contactsToCsv, possibly edited and re-saved in a spreadsheet (columns moved or
 * removed, semicolons as delimiter). Only the Name column is required; rows are kept or reported by line.
 *
 * @example
 * readContactsCsv(contactsToCsv(drafts)) // ok: the same drafts, each with its line
 */
export function readContactsCsv(input: Uint8Array | string): Result<ContactImport, FileError> {
  const text = asText(input);
  if (!text.ok) return text;
  const table = parseCsv(text.value);
  if (!table.ok) return table;
  const headerKeys = table.value.headers.map((header) => header.toLowerCase());
  const indexes = new Map<Key, number>();
  for (const [key, label] of Object.entries(CONTACT_CSV_COLUMNS) as [Key, string][]) {
    const at = headerKeys.indexOf(label.toLowerCase());
    if (at !== -1) indexes.set(key, at);
  }
  if (!indexes.has('name')) {
    return err({
      kind: 'missing-columns',
      message: 'The file has no "Name" column, so it is not a contacts CSV.',
    });
  }
  const contacts: ImportedContact[] = [];
  const errors: RowError[] = [];
  for (const row of table.value.rows) {
    const read = readRow(row, indexes);
    if (read.ok) contacts.push({ line: row.line, contact: read.value });
    else errors.push(...read.error);
  }
  return ok({ contacts, errors, total: table.value.rows.length });
}

function readRow(row: TableRow, indexes: Map<Key, number>): Result<ContactDraft, RowError[]> {
  const errors: RowError[] = [];
  /** One error per column: the first thing wrong with a cell is the one to fix. */
  const problem = (key: Key, message: string) => {
    const field = CONTACT_CSV_COLUMNS[key];
    if (errors.some((error) => error.field === field)) return;
    errors.push({ line: row.line, field, message: `Line ${row.line}: ${message}` });
  };
  const cell = (key: Key) => {
    const at = indexes.get(key);
    const raw = at === undefined ? undefined : row.cells[at];
    // toCsv guards formula starts with an apostrophe; undo it so "+1 555…" comes back as written.
    const text = at === undefined ? null : textOrNull(raw === undefined ? undefined : unguardCsvCell(raw));
    const unstorable = text === null ? null : unstorableTextReason(text);
    if (unstorable !== null) problem(key, `${CONTACT_CSV_COLUMNS[key]} ${unstorable}.`);
    return text;
  };

  const name = cell('name');
  if (name === null) problem('name', 'the name is empty.');
  const role = cell('role') ?? 'other';
  if (!ROLES.includes(role as DraftRole)) problem('role', `"${role}" is not a role (${ROLES.join(', ')}).`);
  const circle = cell('circle') ?? 'outer';
  if (!CIRCLES.includes(circle as DraftCircle))
    problem('circle', `"${circle}" is not inner, middle or outer.`);
  const email = cell('email');
  if (email !== null && !isEmailAddress(email)) problem('email', `"${email}" is not an email address.`);
  const linkedinUrl = cell('linkedinUrl');
  if (linkedinUrl !== null && !isLinkedinUrl(linkedinUrl)) {
    problem('linkedinUrl', `"${linkedinUrl}" is not a linkedin.com address.`);
  }
  const connectedText = cell('connectedOn');
  const connectedOn = connectedText === null ? null : parseConnectedOn(connectedText);
  if (connectedText !== null && connectedOn === null)
    problem('connectedOn', `"${connectedText}" is not a date.`);
  const rest = {
    title: cell('title'),
    firstName: cell('firstName'),
    lastName: cell('lastName'),
    phone: cell('phone'),
    institution: cell('institution'),
    position: cell('position'),
    metHow: cell('metHow'),
    tags: (cell('tags') ?? '')
      .split(TAG_SEPARATOR.trim())
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
    notes: cell('notes'),
  };
  if (errors.length > 0 || name === null) return err(errors);

  return ok({
    ...emptyDraft(name),
    ...rest,
    email,
    linkedinUrl,
    role: role as DraftRole,
    circle: circle as DraftCircle,
    connectedOn,
  });
}
