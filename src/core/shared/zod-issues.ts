import type { z } from 'zod';
import type { FieldIssue } from './result.js';

/** Turns zod issues into field issues whose path is the dotted field name a person can find in a form. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}
