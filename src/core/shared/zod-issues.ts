import type { z } from 'zod';
import type { FieldIssue } from './result.js';

/** Turns zod issues into field issues whose path is the dotted field name a person can find in a form. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issueMessage(issue),
  }));
}

/** A record key's own problem ("Contains a NUL character…") says more than zod's "Invalid key in record". */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key' && issue.issues[0] !== undefined) return issue.issues[0].message;
  return issue.message;
}
