import type { z } from 'zod';
import { err, type FieldIssue, ok, type Result } from '../shared/result.js';
import { findUnstorableText } from '../shared/storable-text.js';
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION, type Backup, backupSchema } from './backup-schema.js';

/** `['network', 'contacts', 3, 'email']` → `network.contacts[3].email`: the path as a JSON reader finds it. */
export function jsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

function toIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

/**
 * Checks a parsed JSON value against the backup schema. Errors name the JSON path of the bad field
 * (`network.contacts[3].email`); a bundle from a newer Matchwise is refused before anything else is read.
 *
 * @example
 * const parsed = parseBackup(JSON.parse(text));
 * if (!parsed.ok) for (const issue of parsed.error) console.log(`${issue.path}: ${issue.message}`);
 */
export function parseBackup(json: unknown): Result<Backup, FieldIssue[]> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err([{ path: '(root)', message: 'A Matchwise backup is a JSON object' }]);
  }
  const envelope = json as { format?: unknown; schemaVersion?: unknown };
  if (envelope.format !== BACKUP_FORMAT) {
    return err([{ path: 'format', message: `Not a Matchwise backup (format must be "${BACKUP_FORMAT}")` }]);
  }
  const version = envelope.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err([{ path: 'schemaVersion', message: 'Schema version must be a whole number from 1' }]);
  }
  if (version > BACKUP_SCHEMA_VERSION) {
    return err([
      {
        path: 'schemaVersion',
        message:
          `This backup was made by a newer Matchwise (schema version ${version}); this one reads up to ` +
          `version ${BACKUP_SCHEMA_VERSION}. Update Matchwise, then restore it.`,
      },
    ]);
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) return err(toIssues(parsed.error));
  // The schemas take text through storableText; this also covers a section whose schema does not.
  const unstorable = findUnstorableText(parsed.data);
  if (unstorable !== null) {
    const reason = unstorable.reason;
    return err([
      { path: jsonPath(unstorable.path), message: reason.charAt(0).toUpperCase() + reason.slice(1) },
    ]);
  }
  return ok(parsed.data);
}

/** Parses backup file text: JSON syntax errors are reported like schema errors, at the root. */
export function parseBackupText(text: string): Result<Backup, FieldIssue[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err([{ path: '(root)', message: `Not valid JSON: ${(error as Error).message}` }]);
  }
  return parseBackup(json);
}
