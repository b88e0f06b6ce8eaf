import { ok, type Result } from '../../shared/result.js';
import type { Program } from '../program.js';
import { checkMapping, detectMapping, missingRequiredFields } from './detect-mapping.js';
import { type MapRowsOptions, mapRows } from './map-rows.js';
import { planMerge } from './merge-plan.js';
import type { ColumnMapping, FileError, ImportField, MappedImport, MergePlan, Table } from './types.js';

export interface PrepareImportInput extends MapRowsOptions {
  table: Table;
  /** A mapping the person chose; the detected one when absent. */
  mapping?: ColumnMapping;
  /** The stored catalog by ACGME id, to plan creates and updates. */
  existing: ReadonlyMap<string, Program>;
}

export interface PreparedImport {
  detectedMapping: ColumnMapping;
  mapping: ColumnMapping;
  /** Required fields no column feeds. When any are missing no row is read: `mapped` is empty and `plan` too. */
  missingFields: ImportField[];
  mapped: MappedImport;
  plan: MergePlan;
}

/**
 * Everything between "a table was read" and "write to the database": mapping, per-row validation and the
 * merge plan. The result is both the preview and, once confirmed, what gets stored.
 *
 * @example
 * const prepared = prepareImport({ table, origin: 'import fm.csv 2026-11-25', asOf: '2026-11-25', existing });
 * if (prepared.ok && prepared.value.missingFields.length === 0) store(prepared.value.plan);
 */
export function prepareImport(input: PrepareImportInput): Result<PreparedImport, FileError> {
  const detectedMapping = detectMapping(input.table.headers);
  const checked = checkMapping(input.table.headers, input.mapping ?? detectedMapping);
  if (!checked.ok) return checked;
  const mapping = checked.value;
  const missingFields = missingRequiredFields(mapping);
  const mapped: MappedImport =
    missingFields.length > 0
      ? {
          headers: input.table.headers,
          mapping,
          programs: [],
          errors: [],
          duplicates: [],
          totalRows: countRows(input.table),
        }
      : mapRows(input.table, mapping, input);
  const plan = planMerge(mapped.programs, input.existing);
  return ok({ detectedMapping, mapping, missingFields, mapped, plan });
}

function countRows(table: Table): number {
  return table.rows.filter((row) => row.cells.some((cell) => cell.trim() !== '')).length;
}
