import type { Program } from '../program.js';
import type { Specialty } from '../specialty.js';
import { isUnknownCell, shareScaleOf } from './cell-values.js';
import { type FieldCells, type RowContext, rowToProgram } from './row-to-program.js';
import {
  type ColumnMapping,
  IMPORT_FIELDS,
  type ImportField,
  type MappedImport,
  type RowError,
  type Table,
  type TableRow,
} from './types.js';

export interface MapRowsOptions {
  /** Where the rows come from, e.g. "import fm-programs.csv 2026-11-25"; also the source of every fact. */
  origin: string;
  /** Date the facts were taken from the file, YYYY-MM-DD. */
  asOf: string;
  /** Specialty for rows whose id and Specialty column say nothing. */
  defaultSpecialty?: Specialty;
}

/** The first valid row of an ACGME id, with later valid rows of the same id merged into it. */
interface Anchor {
  line: number;
  cells: FieldCells;
  program: Program;
}

/**
 * Turns a table into programs, reporting every bad cell as { line, field, message }. A row with any error
 * is left out (and listed); rows are never dropped silently. A later row with an id seen earlier is merged
 * into the earlier one — its non-empty cells win — and listed in `duplicates`.
 *
 * @example
 * mapRows(table, detectMapping(table.headers), { origin: 'import fm.csv 2026-11-25', asOf: '2026-11-25' })
 */
export function mapRows(table: Table, mapping: ColumnMapping, options: MapRowsOptions): MappedImport {
  const context: RowContext = { ...options, shareScale: shareScaleOf(columnOf(table, mapping, 'imgShare')) };
  const errors: RowError[] = [];
  const duplicates: MappedImport['duplicates'] = [];
  const firstLineOfId = new Map<string, number>();
  const anchors = new Map<string, Anchor>();
  let totalRows = 0;

  for (const row of table.rows) {
    const cells = row.cells.map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) continue;
    totalRows++;
    const fieldCells = cellsByField(cells, mapping);
    const converted = rowToProgram(fieldCells, row.line, context);
    const overflow = overflowError(row, table.headers.length);
    if (overflow !== null) converted.errors.push(overflow);
    const { acgmeId } = converted;

    if (acgmeId !== null) {
      const firstLine = firstLineOfId.get(acgmeId);
      if (firstLine === undefined) firstLineOfId.set(acgmeId, row.line);
      else duplicates.push({ line: row.line, acgmeId, firstLine });
    }
    if (converted.errors.length > 0 || converted.program === null || acgmeId === null) {
      errors.push(...converted.errors);
      continue;
    }
    const anchor = anchors.get(acgmeId);
    if (anchor === undefined) {
      anchors.set(acgmeId, { line: row.line, cells: fieldCells, program: converted.program });
      continue;
    }
    // Merge at the cell level and re-read, so the merged program is checked as a whole
    // (e.g. a later row's state against an earlier row's census division).
    const mergedCells = { ...anchor.cells, ...fieldCells };
    const merged = rowToProgram(mergedCells, row.line, context);
    if (merged.program === null) {
      for (const error of merged.errors) {
        errors.push({
          ...error,
          message: `Merged with line ${anchor.line} (same ACGME id): ${error.message}`,
        });
      }
      continue;
    }
    anchor.cells = mergedCells;
    anchor.program = merged.program;
  }

  return {
    headers: table.headers,
    mapping,
    programs: [...anchors.values()].map(({ line, cells, program }) => ({
      line,
      program,
      provided: IMPORT_FIELDS.filter((field) => cells[field] !== undefined),
    })),
    errors,
    duplicates,
    totalRows,
  };
}

/** Rows that were read but not imported: each has at least one error. */
export function countInvalidRows(mapped: Pick<MappedImport, 'errors'>): number {
  return new Set(mapped.errors.map((error) => error.line)).size;
}

function cellsByField(cells: readonly string[], mapping: ColumnMapping): FieldCells {
  const fieldCells: FieldCells = {};
  mapping.forEach((field, column) => {
    const cell = cells[column];
    if (field !== null && cell !== undefined && !isUnknownCell(cell)) fieldCells[field] = cell;
  });
  return fieldCells;
}

function columnOf(table: Table, mapping: ColumnMapping, field: ImportField): string[] {
  const column = mapping.indexOf(field);
  return column === -1 ? [] : table.rows.map((row) => (row.cells[column] ?? '').trim());
}

/**
 * More filled cells than headers almost always means an unquoted comma inside a name shifted the row,
 * so its state and coordinates are in the wrong columns: reject it rather than guess.
 */
function overflowError(row: TableRow, columns: number): RowError | null {
  const extra = row.cells.slice(columns).filter((cell) => cell.trim() !== '');
  if (extra.length === 0) return null;
  return {
    line: row.line,
    field: '(row)',
    message:
      `The row has ${columns + extra.length} cells but the header has ${columns} columns; ` +
      'a cell containing a comma may be missing its quotes',
  };
}
