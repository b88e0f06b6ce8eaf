import type { z } from 'zod';
import { toFieldIssues } from '../core/shared/zod-issues.js';

/**
 * A row that does not satisfy the core schema means the database was edited by hand or written by a
 * buggy version. Carrying on would spread the bad value; naming the row and field lets someone fix it.
 */
export class StoredRowInvalidError extends Error {
  override readonly name = 'StoredRowInvalidError';
}

/** Parses a value read from the database with a core zod schema, or throws naming the row and fields. */
export function parseStoredRow<S extends z.ZodType>(schema: S, value: unknown, row: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = toFieldIssues(parsed.error)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
  throw new StoredRowInvalidError(`Stored ${row} is invalid (${fields})`);
}
