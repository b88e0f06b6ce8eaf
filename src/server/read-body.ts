import type { Context } from 'hono';
import type { z } from 'zod';
import { toFieldIssues } from '../core/shared/zod-issues.js';
import { ProblemError } from './problem.js';

/** Parses the JSON body against a core schema; any failure is a 400 problem naming the field. */
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
  if (!parsed.success) throw new ProblemError(400, 'Request body is invalid', toFieldIssues(parsed.error));
  return parsed.data;
}

/** Same for query strings: unknown or malformed parameters are named in the 400. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new ProblemError(400, 'Query is invalid', toFieldIssues(parsed.error));
  return parsed.data;
}
