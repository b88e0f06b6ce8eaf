import { decodeText } from '../../catalog/import/decode-text.js';
import type { FileError, RowError } from '../../catalog/import/types.js';
import type { Result } from '../../shared/result.js';
import type { Circle, ContactRole } from '../contact.js';

/**
 * Roles and circles are the Contact's own. Importers only ever suggest 'other' / 'outer': a LinkedIn connection
 * or an address-book card says nothing about how close the person is, so the user promotes them.
 */
export { CIRCLES, CONTACT_ROLES as ROLES } from '../contact.js';
export type { FileError, RowError };
export type DraftRole = ContactRole;
export type DraftCircle = Circle;

/**
 * A contact as it comes out of a file, before duplicate detection and merging.
 * Absent values are null (never ''), so a merge can tell "the file said nothing" from a real value.
 */
export interface ContactDraft {
  /** Display name, e.g. "José Álvarez". Never empty. */
  name: string;
  firstName: string | null;
  lastName: string | null;
  /** Honorific such as "Dr." (vCard N prefix); not the job title. */
  title: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  /** Hospital, school or company (LinkedIn Company, vCard ORG). */
  institution: string | null;
  /** Job title, e.g. "Program Director" (LinkedIn Position, vCard TITLE). */
  position: string | null;
  notes: string | null;
  tags: string[];
  role: DraftRole;
  circle: DraftCircle;
  /** How the user met them, e.g. "LinkedIn". */
  metHow: string | null;
  /** ISO date (YYYY-MM-DD) the connection was made, when the file knows it. */
  connectedOn: string | null;
}

export interface ImportedContact {
  /** Line of the row (CSV) or of BEGIN:VCARD (vCard), for "line 12" in the preview. */
  line: number;
  contact: ContactDraft;
}

/** Every valid record kept, every bad one reported by line; nothing is dropped silently. */
export interface ContactImport {
  contacts: ImportedContact[];
  errors: RowError[];
  /** Records seen (rows or cards), valid or not. */
  total: number;
}

/** A draft with every optional field empty: importers fill in what their format knows. */
export function emptyDraft(name: string): ContactDraft {
  return {
    name,
    firstName: null,
    lastName: null,
    title: null,
    email: null,
    phone: null,
    linkedinUrl: null,
    institution: null,
    position: null,
    notes: null,
    tags: [],
    role: 'other',
    circle: 'outer',
    metHow: null,
    connectedOn: null,
  };
}

/** Trimmed text, or null when nothing is left. */
export function textOrNull(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** Files arrive as bytes from an upload or as text from a test or paste; bytes go through decodeText. */
export function asText(input: Uint8Array | string): Result<string, FileError> {
  if (typeof input !== 'string') return decodeText(input);
  return { ok: true, value: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input };
}
