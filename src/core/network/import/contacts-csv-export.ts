import { type CsvCell, toCsv } from '../../shared/csv.js';
import type { ContactDraft } from './contact-draft.js';

/** Column headers of our contacts CSV, in order; readContactsCsv matches them by name, any order. */
export const CONTACT_CSV_COLUMNS = {
  name: 'Name',
  title: 'Title',
  firstName: 'First Name',
  lastName: 'Last Name',
  email: 'Email',
  phone: 'Phone',
  linkedinUrl: 'LinkedIn URL',
  institution: 'Institution',
  position: 'Position',
  role: 'Role',
  circle: 'Circle',
  metHow: 'Met How',
  connectedOn: 'Connected On',
  tags: 'Tags',
  notes: 'Notes',
} as const satisfies Record<keyof ContactDraft, string>;

/** Tags share one cell; "; " reads well in a spreadsheet and tags rarely hold a semicolon. */
export const TAG_SEPARATOR = '; ';

/**
 * Writes contacts as a CSV a spreadsheet opens directly (via toCsv: RFC 4180, CRLF). Phone numbers such as
 * "+1 555…" get toCsv's leading apostrophe so Excel does not read them as formulas; readContactsCsv drops it
 * (unguardCsvCell).
 *
 * @example
 * contactsToCsv([zoe]) // 'Name,Title,First Name,…\r\nZoë Nguyen,,Zoë,…\r\n'
 */
export function contactsToCsv(contacts: readonly ContactDraft[]): string {
  const keys = Object.keys(CONTACT_CSV_COLUMNS) as (keyof ContactDraft)[];
  const rows = contacts.map((contact) =>
    keys.map((key): CsvCell => {
      const value = contact[key];
      return Array.isArray(value) ? value.join(TAG_SEPARATOR) : value;
    }),
  );
  return toCsv(Object.values(CONTACT_CSV_COLUMNS), rows);
}
