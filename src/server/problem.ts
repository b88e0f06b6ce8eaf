import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldIssue } from '../core/shared/result.js';

/** RFC 9457 problem details, with the field-level `errors` list every Matchwise client reads. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors: FieldIssue[];
}

const TYPES = {
  400: '/problems/validation',
  401: '/problems/unauthenticated',
  403: '/problems/forbidden',
  404: '/problems/not-found',
  410: '/problems/gone',
  413: '/problems/too-large',
  415: '/problems/unsupported-media-type',
  421: '/problems/misdirected',
  422: '/problems/unprocessable',
  429: '/problems/too-many-requests',
  500: '/problems/internal',
} as const;

export type ProblemStatus = keyof typeof TYPES;

/** Thrown inside handlers; the app's error handler turns it into a problem+json response. */
export class ProblemError extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly title: string,
    readonly errors: FieldIssue[] = [],
    readonly detail?: string,
  ) {
    super(title);
  }
}

export function problemBody(
  status: ProblemStatus,
  title: string,
  errors: FieldIssue[] = [],
  detail?: string,
): Problem {
  return { type: TYPES[status], title, status, ...(detail ? { detail } : {}), errors };
}

/**
 * A problem+json answer. Typed with its own format, not 'json', so a route that can answer either keeps its
 * success type for the web (src/web/lib/api/responses.ts) instead of collapsing to an untyped Response.
 */
export type ProblemAnswer = Response & TypedResponse<Problem, ContentfulStatusCode, 'problem+json'>;

export function problemResponse(c: Context, problem: Problem): ProblemAnswer {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
  }) as unknown as ProblemAnswer;
}
