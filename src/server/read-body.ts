import type { Context } from 'hono';
import type { z } from 'zod';
import {
  findUnstorableText,
  isUnstorableTextIssue,
  unstorableTextReason,
} from '../core/shared/storable-text.js';
import { toFieldIssues } from '../core/shared/zod-issues.js';
import { ProblemError } from './problem.js';

/**
 * Parses the JSON body against a core schema; any failure is a 400 problem naming the field, except text the
 * database cannot hold (NUL, a lone surrogate), which is well-formed JSON we cannot keep: 422, field named.
 */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ProblemError(400, 'Request body is not valid JSON', [
      { path: '(body)', message: 'Send a JSON body with content-type application/json' },
    ]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error, 'Request body is invalid');
  refuseUnstorable(parsed.data);
  return parsed.data;
}

/** Same for query strings: unknown or malformed parameters are named in the 400. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw invalid(parsed.error, 'Query is invalid');
  refuseUnstorable(parsed.data);
  return parsed.data;
}

/**
 * A path parameter (`/api/programs/:acgmeId`), refused with a 422 naming it when it holds text the database
 * cannot compare against (`%00` decodes to NUL, which PostgreSQL rejects even in a WHERE clause).
 */
export function readParam(c: Context, name: string): string {
  const value = c.req.param(name) ?? '';
  const reason = unstorableTextReason(value);
  if (reason !== null)
    throw new ProblemError(422, UNSTORABLE_TITLE, [{ path: name, message: sentence(reason) }]);
  return value;
}

const UNSTORABLE_TITLE = 'Text contains characters that cannot be stored';

/** Every schema takes text through storableText; this catches what one without it let through. */
function refuseUnstorable(data: unknown): void {
  const found = findUnstorableText(data);
  if (found === null) return;
  throw new ProblemError(422, UNSTORABLE_TITLE, [
    { path: fieldPath(found.path), message: sentence(found.reason) },
  ]);
}

function fieldPath(path: readonly (string | number)[]): string {
  return path.length > 0 ? path.join('.') : '(root)';
}

function sentence(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

function invalid(error: z.ZodError, title: string): ProblemError {
  const issues = toFieldIssues(error);
  if (error.issues.every(isUnstorableTextIssue)) return new ProblemError(422, UNSTORABLE_TITLE, issues);
  return new ProblemError(400, title, issues);
}
