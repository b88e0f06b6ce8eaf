import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ImportReport } from '../core/catalog/import/types.js';
import { parseStoredRow } from './parse-stored-row.js';
import type { DatabaseSchema } from './schema.js';

export interface RecordedImport {
  id: number;
  /** ISO 8601 timestamp of when the import was recorded. */
  createdAt: string;
}

export type StoredImportReport = ImportReport & RecordedImport;

export interface ImportRepository {
  record(report: ImportReport): Promise<RecordedImport>;
  /** The latest `limit` reports, newest first. */
  list(limit?: number): Promise<StoredImportReport[]>;
}

const DEFAULT_LIST_LIMIT = 50;

const count = z.number().int().min(0);

/** Core keeps ImportReport as a plain interface; this schema checks stored reports against it. */
const importReportSchema = z.object({
  filename: z.string(),
  totalRows: count,
  created: count,
  updated: count,
  unchanged: count,
  invalid: count,
  duplicates: count,
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
}) satisfies z.ZodType<ImportReport>;

/** One owner's import history: every read filters by `ownerId`, every write stores it. */
export function createImportRepository(db: Kysely<DatabaseSchema>, ownerId: string): ImportRepository {
  return {
    async record(report) {
      const row = await db
        .insertInto('import_reports')
        .values({
          owner_id: ownerId,
          filename: report.filename,
          report: JSON.stringify(importReportSchema.parse(report)),
        })
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow();
      return { id: row.id, createdAt: row.created_at.toISOString() };
    },

    async list(limit = DEFAULT_LIST_LIMIT) {
      if (!Number.isInteger(limit) || limit < 0)
        throw new RangeError(`limit must be a whole number, got ${limit}`);
      const rows = await db
        .selectFrom('import_reports')
        .select(['id', 'report', 'created_at'])
        .where('owner_id', '=', ownerId)
        // Reports recorded in one transaction share created_at (now() is the transaction's start); the
        // identity column still orders them.
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        ...parseStoredRow(importReportSchema, row.report, `import report ${row.id}`),
        id: row.id,
        createdAt: row.created_at.toISOString(),
      }));
    },
  };
}
