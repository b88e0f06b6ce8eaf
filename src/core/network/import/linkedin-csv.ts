import { parseCsv } from '../../catalog/import/parse-csv.js';
import type { TableRow } from '../../catalog/import/types.js';
import { err, ok, type Result } from '../../shared/result.js';
import { unstorableTextReason } from '../../shared/storable-text.js';
import { isEmailAddress, isLinkedinUrl } from './checks.js';
import { parseConnectedOn } from './connected-on.js';
import {
  asText,
  type ContactImport,
  emptyDraft,
  type FileError,
  type ImportedContact,
  type RowError,
  textOrNull,
} from './contact-draft.js';

/** Columns of LinkedIn's "Connections.csv" (Settings › Data privacy › Get a copy of your data). */
const COLUMNS = {
  firstName: 'First Name',
  lastName: 'Last Name',
  url: 'URL',
  email: 'Email Address',
  company: 'Company',
  position: 'Position',
  connectedOn: 'Connected On',
} as const;
type Column = keyof typeof COLUMNS;

/**
 * Reads LinkedIn's Connections.csv. The export opens with a few "Notes:" lines about hidden email addresses
 * before the real header row; those are skipped, not reported. Each malformed row (no name at all, a URL that
 * is not a web address, a date that is not a date) is reported with its line and left out.
 * (A URL must be a linkedin.com address and an email an email address, as the Contact schema requires.); the rest are kept.
 *
 * @example
 * readLinkedInConnections('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
 *   'Zoë,Nguyen,https://www.linkedin.com/in/zoe-nguyen,,Mercy FM Residency,PGY-2,07 Aug 2024\n')
 * // ok: one contact "Zoë Nguyen", metHow 'LinkedIn', connectedOn '2024-08-07'
 */
export function readLinkedInConnections(input: Uint8Array | string): Result<ContactImport, FileError> {
  const text = asText(input);
  if (!text.ok) return text;
  // Forced comma: the preamble's long quoted sentence would confuse delimiter detection.
  const table = parseCsv(text.value, { delimiter: ',' });
  if (!table.ok) return table;
  const records: TableRow[] = [{ line: 0, cells: table.value.headers }, ...table.value.rows];
  const headerAt = records.findIndex((record) => columnIndexes(record.cells) !== null);
  const header = records[headerAt];
  const indexes = header ? columnIndexes(header.cells) : null;
  if (!header || !indexes) {
    return err({
      kind: 'missing-columns',
      message:
        'This does not look like a LinkedIn Connections.csv: no row has "First Name" and "Last Name" columns.',
    });
  }
  const rows = records.slice(headerAt + 1);
  const contacts: ImportedContact[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const read = readRow(row, indexes, header.cells.length);
    if (read.ok) contacts.push({ line: row.line, contact: read.value });
    else errors.push(...read.error);
  }
  return ok({ contacts, errors, total: rows.length });
}

/** Column positions when these cells are the header row, else null. */
function columnIndexes(cells: string[]): Partial<Record<Column, number>> | null {
  const keys = cells.map((cell) => cell.trim().toLowerCase());
  const indexes: Partial<Record<Column, number>> = {};
  for (const [column, label] of Object.entries(COLUMNS) as [Column, string][]) {
    const at = keys.indexOf(label.toLowerCase());
    if (at !== -1) indexes[column] = at;
  }
  return indexes.firstName !== undefined && indexes.lastName !== undefined ? indexes : null;
}

function readRow(
  row: TableRow,
  indexes: Partial<Record<Column, number>>,
  width: number,
): Result<ImportedContact['contact'], RowError[]> {
  const errors: RowError[] = [];
  /** One error per column: the first thing wrong with a cell is the one to fix. */
  const problem = (field: string, message: string) => {
    if (errors.some((error) => error.field === field)) return;
    errors.push({ line: row.line, field, message: `Line ${row.line}: ${message}` });
  };
  const cell = (column: Column) => {
    const at = indexes[column];
    const text = at === undefined ? null : textOrNull(row.cells[at]);
    const unstorable = text === null ? null : unstorableTextReason(text);
    if (unstorable !== null) problem(COLUMNS[column], `${COLUMNS[column]} ${unstorable}.`);
    return text;
  };

  if (row.cells.length > width) {
    problem(
      '(row)',
      `${row.cells.length} cells where the header has ${width}; a comma inside a name or company is probably not quoted.`,
    );
    // The cells are shifted, so checking them one by one would only add confusing errors.
    return err(errors);
  }
  const firstName = cell('firstName');
  const lastName = cell('lastName');
  if (firstName === null && lastName === null) problem(COLUMNS.firstName, 'no first or last name.');

  const url = cell('url');
  if (url !== null && !isLinkedinUrl(url)) problem(COLUMNS.url, `"${url}" is not a LinkedIn address.`);
  const email = cell('email');
  if (email !== null && !isEmailAddress(email)) problem(COLUMNS.email, `"${email}" is not an email address.`);

  const connectedText = cell('connectedOn');
  const connectedOn = connectedText === null ? null : parseConnectedOn(connectedText);
  if (connectedText !== null && connectedOn === null) {
    problem(COLUMNS.connectedOn, `"${connectedText}" is not a date like "15 Mar 2023".`);
  }
  const institution = cell('company');
  const position = cell('position');
  if (errors.length > 0) return err(errors);

  return ok({
    ...emptyDraft([firstName, lastName].filter((part) => part !== null).join(' ')),
    firstName,
    lastName,
    email,
    linkedinUrl: url,
    institution,
    position,
    metHow: 'LinkedIn',
    connectedOn,
  });
}
