import {
  checkMapping,
  countInvalidRows,
  detectMapping,
  mapRows,
  missingRequiredFields,
  planMerge,
  REQUIRED_IMPORT_FIELDS,
} from '../../core/catalog/import/index.js';
import {
  type ColumnMapping,
  type FileError,
  IMPORT_FIELDS,
  type ImportField,
  type ImportReport,
  type MappedImport,
  type MergePlan,
} from '../../core/catalog/import/types.js';
import type { Program } from '../../core/catalog/program.js';
import { err, ok, type Result } from '../../core/shared/result.js';
import type { OwnerDatabase, Repositories } from '../../db/index.js';
import { type ImportFileReader, readImportFile } from './read-spreadsheet.js';

export interface ImportRequest {
  filename: string;
  bytes: Uint8Array;
  /** The user's column mapping; when absent the detected one is used. */
  mapping?: ColumnMapping | undefined;
  /** YYYY-MM-DD stamped on imported research facts. */
  today: string;
  /** How the file is read: on this thread by default (the CLI); the server reads in a worker thread. */
  read?: ImportFileReader | undefined;
}

export interface ImportPreview {
  filename: string;
  format: 'csv' | 'xlsx';
  headers: string[];
  mapping: ColumnMapping;
  detectedMapping: ColumnMapping;
  fields: readonly ImportField[];
  requiredFields: readonly ImportField[];
  missingFields: ImportField[];
  totalRows: number;
  valid: number;
  invalid: number;
  duplicates: MappedImport['duplicates'];
  errors: MappedImport['errors'];
  plan: { create: number; update: number; unchanged: number };
  sample: Program[];
}

export type ImportFailure =
  | { kind: 'file'; error: FileError }
  | { kind: 'mapping'; message: string }
  | { kind: 'missing-fields'; missing: ImportField[] };

export type StoredImportReport = ImportReport & { id: number; createdAt: string };

const SAMPLE_SIZE = 20;

interface Prepared {
  format: 'csv' | 'xlsx';
  detected: ColumnMapping;
  mapped: MappedImport;
}

async function prepare(request: ImportRequest): Promise<Result<Prepared, ImportFailure>> {
  const read = await (request.read ?? readImportFile)(request.filename, request.bytes);
  if (!read.ok) return err({ kind: 'file', error: read.error });
  const { table, format } = read.value;
  const detected = detectMapping(table.headers);
  const checked = checkMapping(table.headers, request.mapping ?? detected);
  if (!checked.ok) return err({ kind: 'mapping', message: checked.error.message });
  const mapping = checked.value;
  const origin = `import ${request.filename} ${request.today}`;
  const mapped = mapRows(table, mapping, { origin, asOf: request.today });
  return ok({ format, detected, mapped });
}

async function plan(repos: Repositories, mapped: MappedImport): Promise<MergePlan> {
  const existing = await repos.programs.getMany(mapped.programs.map((row) => row.program.acgmeId));
  return planMerge(mapped.programs, existing);
}

/** Reads and maps the file and says what an import would do; writes nothing. */
export async function previewImport(
  db: OwnerDatabase,
  request: ImportRequest,
): Promise<Result<ImportPreview, ImportFailure>> {
  const prepared = await prepare(request);
  if (!prepared.ok) return prepared;
  const { format, detected, mapped } = prepared.value;
  const merge = await plan(db, mapped);
  return ok({
    filename: request.filename,
    format,
    headers: mapped.headers,
    mapping: mapped.mapping,
    detectedMapping: detected,
    fields: IMPORT_FIELDS,
    requiredFields: REQUIRED_IMPORT_FIELDS,
    missingFields: missingRequiredFields(mapped.mapping),
    totalRows: mapped.totalRows,
    valid: mapped.programs.length,
    invalid: countInvalidRows(mapped),
    duplicates: mapped.duplicates,
    errors: mapped.errors,
    plan: { create: merge.create.length, update: merge.update.length, unchanged: merge.unchanged.length },
    sample: mapped.programs.slice(0, SAMPLE_SIZE).map((row) => row.program),
  });
}

/**
 * Stores the valid rows and the report in one transaction: either all of it lands or none of it,
 * and rows already stored are only ever updated, never deleted.
 */
export async function commitImport(
  db: OwnerDatabase,
  request: ImportRequest,
): Promise<Result<StoredImportReport, ImportFailure>> {
  const prepared = await prepare(request);
  if (!prepared.ok) return prepared;
  const { mapped } = prepared.value;
  const missing = missingRequiredFields(mapped.mapping);
  if (missing.length > 0) return err({ kind: 'missing-fields', missing });

  const stored = await db.transaction(async (repos) => {
    const merge = await plan(repos, mapped);
    await repos.programs.upsertMany([...merge.create, ...merge.update.map((change) => change.after)]);
    const report: ImportReport = {
      filename: request.filename,
      totalRows: mapped.totalRows,
      created: merge.create.length,
      updated: merge.update.length,
      unchanged: merge.unchanged.length,
      invalid: countInvalidRows(mapped),
      duplicates: mapped.duplicates.length,
      errors: mapped.errors,
    };
    const { id, createdAt } = await repos.imports.record(report);
    return { ...report, id, createdAt };
  });
  return ok(stored);
}

/** Turns `--map "Program Title=name"` style overrides (header name or 1-based column number) into a mapping. */
export function applyMappingOverrides(
  headers: string[],
  base: ColumnMapping,
  overrides: string[],
): Result<ColumnMapping, string> {
  const mapping = [...base];
  for (const override of overrides) {
    const at = override.lastIndexOf('=');
    if (at <= 0) return err(`--map "${override}": write it as column=field`);
    const column = override.slice(0, at).trim();
    const field = override.slice(at + 1).trim();
    const index = /^\d+$/.test(column)
      ? Number(column) - 1
      : headers.findIndex((header) => header.trim().toLowerCase() === column.toLowerCase());
    if (index < 0 || index >= headers.length) {
      return err(`--map "${override}": no column "${column}" (columns: ${headers.join(', ')})`);
    }
    if (field === 'ignore' || field === '') {
      mapping[index] = null;
      continue;
    }
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) {
      return err(
        `--map "${override}": unknown field "${field}" (fields: ${IMPORT_FIELDS.join(', ')}, ignore)`,
      );
    }
    // A field feeds from one column only: the override takes it from wherever detection put it.
    for (let i = 0; i < mapping.length; i++) if (mapping[i] === field) mapping[i] = null;
    mapping[index] = field as ImportField;
  }
  return ok(mapping);
}
